// DNS names (RFC 1035 sections 2.3.4 and 3.1): read from and written to the wire, compared and
// ordered the DNSSEC way (RFC 4034 section 6.1), and shown in messages.
import { Bip353Error } from '../errors.js';
import type { Name } from './types.js';

/** RFC 1035 section 2.3.4: "labels 63 octets or less", "names 255 octets or less". */
const MAX_LABEL = 63;
const MAX_NAME = 255;

/** The octets of a binary-string label. */
const labelBytes = (label: string): number[] => Array.from(label, (c) => c.charCodeAt(0));

/** A label with ASCII letters lowered: "the case of ... ASCII letters" only (RFC 4343). */
export const lowerLabel = (label: string): string =>
  label.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** The name with every label lowered. */
export const lowerName = (name: Name): Name => name.map(lowerLabel);

/** Whether two names are the same name (RFC 4343: ASCII case ignored). */
export const sameName = (a: Name, b: Name): boolean =>
  a.length === b.length && a.every((label, i) => lowerLabel(label) === lowerLabel(b[i] as string));

/** Whether `name` is `zone` or a name below it. */
export const isAtOrBelow = (name: Name, zone: Name): boolean =>
  name.length >= zone.length && sameName(name.slice(name.length - zone.length), zone);

/** The name's wire form, uncompressed (RFC 1035 section 3.1). */
export const nameToWire = (name: Name): Uint8Array => {
  const bytes: number[] = [];
  for (const label of name) bytes.push(label.length, ...labelBytes(label));
  bytes.push(0);
  return Uint8Array.from(bytes);
};

/** RFC 4034 section 6.2: the canonical form of a name is uncompressed, in lowercase. */
export const canonicalWire = (name: Name): Uint8Array => nameToWire(lowerName(name));

/**
 * RFC 4034 section 6.1's canonical order: "sorting names according to their most significant
 * (rightmost) labels first", each label compared "as a left-justified unsigned octet sequence"
 * with upper case treated as lower case, where "the absence of a octet sorts before a zero
 * value octet". Negative when `a` sorts first.
 */
export const compareNames = (a: Name, b: Name): number => {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const x = lowerLabel(a[a.length - i] as string);
    const y = lowerLabel(b[b.length - i] as string);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
};

/**
 * The presentation form (RFC 1035 section 5.1) for messages: `.` and `\` escaped, any octet
 * outside printable ASCII as `\DDD`, no trailing dot; the root is `.`.
 */
export const formatName = (name: Name): string =>
  name.length === 0
    ? '.'
    : name
        .map((label) =>
          Array.from(label, (c) => {
            const code = c.charCodeAt(0);
            if (c === '.' || c === '\\') return `\\${c}`;
            return code > 0x20 && code < 0x7f ? c : `\\${String(code).padStart(3, '0')}`;
          }).join(''),
        )
        .join('.');

const invalidName = (text: string, why: string): Bip353Error =>
  new Bip353Error('invalid-name', `the DNS name ${JSON.stringify(text)} ${why}`);

/** A name written with ASCII labels and dots, a trailing dot optional: `example.com.`. */
export const parseName = (text: string): Name => {
  const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
  if (trimmed === '') return [];
  const name = trimmed.split('.');
  for (const label of name) {
    if (label === '') throw invalidName(text, 'has an empty label');
    if (label.length > MAX_LABEL) throw invalidName(text, `has a label over ${MAX_LABEL} octets`);
    if (!/^[\x21-\x7e]+$/.test(label)) throw invalidName(text, 'is not printable ASCII');
  }
  if (nameToWire(name).length > MAX_NAME) throw invalidName(text, `is over ${MAX_NAME} octets`);
  return name;
};

/** The octet at `offset`, or a `truncated-record` error naming what was being read. */
const octet = (bytes: Uint8Array, offset: number, what: string): number => {
  const value = bytes[offset];
  if (value === undefined)
    throw new Bip353Error('truncated-record', `${what} ends at byte ${bytes.length}`);
  return value;
};

/**
 * The name at `offset` of `bytes` and the offset after it. `compression` allows RFC 1035 section
 * 4.1.4's pointers (DNS messages); each must point before the name that uses it, so a loop
 * cannot be built. Proofs and RDATA that RFC 4034 says must not be compressed pass false.
 */
export const readName = (
  bytes: Uint8Array,
  offset: number,
  compression: boolean,
  what = 'a name',
): { name: Name; next: number } => {
  const name: string[] = [];
  let position = offset;
  let next: number | undefined;
  let lowest = offset;
  let wireLength = 1;
  for (;;) {
    const length = octet(bytes, position, what);
    if (length === 0) break;
    if (length >= 0xc0) {
      if (!compression)
        throw new Bip353Error('invalid-record', `${what} at byte ${offset} is compressed`);
      const target = ((length & 0x3f) << 8) | octet(bytes, position + 1, what);
      if (target >= lowest)
        throw new Bip353Error(
          'invalid-record',
          `${what} at byte ${offset} has a compression pointer that does not point back`,
        );
      next ??= position + 2;
      lowest = target;
      position = target;
      continue;
    }
    if (length > MAX_LABEL)
      throw new Bip353Error(
        'invalid-record',
        `${what} at byte ${offset} has a label type or length ${length} that RFC 1035 does not allow`,
      );
    if (position + 1 + length > bytes.length)
      throw new Bip353Error('truncated-record', `${what} ends at byte ${bytes.length}`);
    wireLength += 1 + length;
    if (wireLength > MAX_NAME)
      throw new Bip353Error(
        'invalid-record',
        `${what} at byte ${offset} is over ${MAX_NAME} octets`,
      );
    name.push(String.fromCharCode(...bytes.subarray(position + 1, position + 1 + length)));
    position += 1 + length;
  }
  return { name, next: next ?? position + 1 };
};

/** The number of labels RRSIG's Labels field counts: the root and a leading `*` not counted. */
export const signatureLabels = (name: Name): number =>
  name[0] === '*' ? name.length - 1 : name.length;
