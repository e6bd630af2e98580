// The key tag of a DNSKEY (RFC 4034 Appendix B): the 16-bit number an RRSIG and a DS name their
// key by. It only narrows the search: different keys can share a tag, so a match is then proven
// by the signature or the digest, never by the tag.

/**
 * The key tag of `dnskeyRdata` (the whole RDATA: flags, protocol, algorithm, public key), as
 * RFC 4034 Appendix B computes it: the RDATA summed as big-endian 16-bit words (a last odd octet
 * is the high octet of a word), then `ac += (ac >> 16) & 0xFFFF; return ac & 0xFFFF;`.
 *
 * Algorithm 1 (RSA/MD5) defines its tag otherwise (Appendix B.1); no key of it is ever accepted
 * here (RFC 8624: "MUST NOT" validate), so its keys are tagged like every other and match nothing.
 */
export const keyTag = (dnskeyRdata: Uint8Array): number => {
  let sum = 0;
  for (let i = 0; i < dnskeyRdata.length; i++)
    sum += i & 1 ? (dnskeyRdata[i] as number) : (dnskeyRdata[i] as number) << 8;
  // Division, not `>>`: the sum of a long RDATA passes 2^31, where `>>` would turn it negative.
  sum += Math.floor(sum / 0x10000) & 0xffff;
  return sum & 0xffff;
};
