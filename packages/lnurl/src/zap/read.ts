// Reading zap events: their tags and the values in them (relays, coordinates, LNURLs, amounts),
// the event itself from JSON text or a value, and its id and signature.
import { previewValue, showText } from '@lninvoice/core/text';
import { LnurlError } from '../errors.js';
import { decodeLnurl } from '../lnurl.js';
import { checkEvent, isProblem, type NostrEvent, readEvent } from '../nostr.js';
import { type Findings, RULES } from './findings.js';

export const tagsNamed = (event: NostrEvent, name: string): (readonly string[])[] =>
  event.tags.filter((tag) => tag[0] === name);

/** The value of a tag (its second string), or '' for a tag of its name alone. */
export const tagValue = (tag: readonly string[]): string => tag[1] ?? '';

/** NIP-01's event coordinate: "`<kind integer>:<32-bytes lowercase hex of a pubkey>:<d tag value>`". */
export const isCoordinate = (text: string): boolean => {
  const match = /^(\d{1,5}):([0-9a-f]{64}):/.exec(text);
  return match !== null && Number(match[1]) <= 65535;
};

/** A relay URL: `ws://` or `wss://`, a host, then printable ASCII only (no space, no control). */
export const isRelayUrl = (text: string): boolean =>
  /^wss?:\/\/(?:(?![/?#@\\])[!-~])+(?:[/?#][!-~]*)?$/i.test(text);

/** A bech32 LNURL, in lower case, or undefined when `text` is none. */
export const bech32Lnurl = (text: string): string | undefined => {
  try {
    return decodeLnurl(text).form === 'bech32' ? text.trim().toLowerCase() : undefined;
  } catch (error) {
    if (error instanceof LnurlError) return undefined;
    throw error;
  }
};

/** Millisatoshis written as NIP-57's `amount`: a decimal string, no sign, no leading zero. */
export const msatOf = (text: string): bigint | undefined =>
  /^(?:0|[1-9]\d{0,20})$/.test(text) ? BigInt(text) : undefined;

/** The JSON text or value `input` as an event, or the findings on why it is none. */
export const readInput = (input: unknown, findings: Findings): NostrEvent | undefined => {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      findings.add(
        'invalid-json',
        'input',
        `the event ${showText(input, 60)} is not JSON`,
        RULES.json,
      );
      return undefined;
    }
  }
  const read = readEvent(value);
  if (isProblem(read)) {
    findings.add(
      'invalid-event',
      read.field === 'event' ? 'input' : read.field,
      `${read.field === 'event' ? 'the event' : `its ${read.field}`} must be ${read.expected}, got ${previewValue(read.value)}`,
      RULES.shape,
    );
    return undefined;
  }
  return read;
};

/** The id and signature checks of a well-formed event. */
export const checkSigned = (event: NostrEvent, findings: Findings): void => {
  const failure = checkEvent(event);
  if (failure === 'id-mismatch')
    findings.add(
      'id-mismatch',
      'id',
      `its id ${event.id} is not the SHA-256 of the event: a field was changed after it was made`,
      RULES.id,
    );
  else if (failure === 'invalid-signature')
    findings.add(
      'invalid-signature',
      'sig',
      `its signature is not valid for its id under its pubkey ${event.pubkey}`,
      RULES.signature,
    );
};

export const lower = (text: string | undefined): string | undefined => text?.trim().toLowerCase();
