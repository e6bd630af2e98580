// Reading a BOLT 12 string for the decoder: its sections (framing only, so they show even when a
// field breaks a rule), the message, and the error with the part at fault.
import {
  type Bolt12,
  Bolt12Error,
  type Bolt12Kind,
  type Bolt12Section,
  bolt12Sections,
  decodeBolt12,
} from '@lninvoice/bolt12';

/**
 * True when `text` is meant as a BOLT 12 string: `lno1`, `lnr1` or `lni1` once a `lightning:`
 * scheme, case, `+` continuations and whitespace are set aside (so a string that breaks the
 * continuation or case rules still reaches the BOLT 12 reader, which says what is wrong).
 */
export const looksLikeBolt12 = (text: string): boolean =>
  /^(?:lightning:)?ln[ori]1/i.test(text.replace(/[+\s]/g, ''));

export interface Bolt12Reading {
  readonly text: string;
  /** The kind the prefix names; undefined when the string could not be framed. */
  readonly kind: Bolt12Kind | undefined;
  readonly sections: readonly Bolt12Section[];
  /** What could be read: verified, or parsed only when verifying failed or was switched off. */
  readonly message: Bolt12 | undefined;
  readonly error: Bolt12Error | undefined;
}

const attempt = (text: string, verify: boolean): Bolt12 | Bolt12Error => {
  try {
    return decodeBolt12(text, { verify });
  } catch (error) {
    if (error instanceof Bolt12Error) return error;
    throw error;
  }
};

export const readBolt12 = (text: string, verify: boolean): Bolt12Reading => {
  let framed: ReturnType<typeof bolt12Sections> | undefined;
  try {
    framed = bolt12Sections(text);
  } catch {
    // Not even framed (a bad continuation, a truncated record…): the decoder's error says why.
  }
  const kind = framed?.kind;
  const sections = framed?.sections ?? [];
  const read = attempt(text, verify);
  if (!(read instanceof Bolt12Error))
    return { text, kind, sections, message: read, error: undefined };
  // The fields, if only the signature failed.
  const unverified = verify ? attempt(text, false) : read;
  const message = unverified instanceof Bolt12Error ? undefined : unverified;
  return { text, kind, sections, message, error: read };
};
