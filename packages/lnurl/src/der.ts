// DER signatures (LUD-04: "a DER-hex-encoded ECDSA `sig`"). @noble/secp256k1 speaks only compact
// R || S, so the few bytes of DER are written and read here, strictly (BIP 66 rules).

const integer = (bytes: Uint8Array): number[] => {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const value = Array.from(bytes.subarray(start));
  // A set high bit would read as negative: prefix a zero byte.
  return (value[0] as number) & 0x80 ? [0, ...value] : value;
};

/** DER of a 64-byte compact signature (R || S). */
export const compactToDer = (compact: Uint8Array): Uint8Array => {
  const r = integer(compact.subarray(0, 32));
  const s = integer(compact.subarray(32, 64));
  return Uint8Array.from([
    0x30,
    4 + r.length + s.length,
    0x02,
    r.length,
    ...r,
    0x02,
    s.length,
    ...s,
  ]);
};

/** The 64-byte compact form of a strict DER signature, or undefined when it is not one. */
export const derToCompact = (der: Uint8Array): Uint8Array | undefined => {
  if (der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2)
    return undefined;
  const out = new Uint8Array(64);
  let at = 2;
  for (const slot of [0, 32]) {
    if (der[at] !== 0x02) return undefined;
    const length = der[at + 1] as number;
    const value = der.subarray(at + 2, at + 2 + length);
    if (length === 0 || value.length !== length) return undefined;
    const first = value[0] as number;
    if (first & 0x80) return undefined; // negative
    if (first === 0 && length > 1 && !((value[1] as number) & 0x80)) return undefined; // not minimal
    const digits = first === 0 && length > 1 ? value.subarray(1) : value;
    if (digits.length > 32) return undefined;
    out.set(digits, slot + 32 - digits.length);
    at += 2 + length;
  }
  return at === der.length ? out : undefined;
};
