// Which DNSSEC algorithms a proof may use, and the one entry point that verifies a signature of
// any of them. BIP 353: clients "MUST NOT accept DNSSEC signatures which use SHA-1 or RSA with
// keys shorter than 1024 bits".
import type { Bip353ErrorCode } from '../errors.js';
import { ALGORITHM, algorithmName } from './algorithm-names.js';
import { isP256Key, verifyP256 } from './ecdsa.js';
import { isEd25519Key, verifyEd25519 } from './eddsa.js';
import { verifyRsaSha256 } from './rsa.js';
import { readRsaKey } from './rsa-key.js';

/** Why a key cannot be used, for a `Bip353Error`. */
export interface KeyProblem {
  readonly code: Bip353ErrorCode;
  readonly message: string;
}

/** The algorithms verified here. */
const SUPPORTED: ReadonlySet<number> = new Set([
  ALGORITHM.RSASHA256,
  ALGORITHM.ECDSAP256SHA256,
  ALGORITHM.ED25519,
]);

/** BIP 353's floor for RSA: "RSA with keys shorter than 1024 bits" are refused. */
const MIN_RSA_BITS = 1024;

/**
 * The longest RSA exponent checked: 2^32 + 1. Zones use 65537 (some once 3 or 2^32 + 1); RFC 3110
 * allows 4096 bits, which would cost ~100 ms per signature where WebCrypto is missing, and a zone
 * could make a proof of a hundred such signatures to stall its payers.
 */
const MAX_EXPONENT_BITS = 33;

const exponentBits = (exponent: Uint8Array): number => {
  const first = exponent.findIndex((byte) => byte !== 0);
  return first < 0
    ? 0
    : (exponent.length - first - 1) * 8 + (32 - Math.clz32(exponent[first] as number));
};

const SHA1 =
  'signs with SHA-1: BIP 353 clients "MUST NOT accept DNSSEC signatures which use SHA-1"';

/** Why each refused algorithm is, in its message. */
const INSECURE: ReadonlyMap<number, string> = new Map([
  [ALGORITHM.RSAMD5, 'signs with MD5: RFC 8624 gives its validation a "MUST NOT"'],
  [ALGORITHM.DSA, SHA1],
  [ALGORITHM.RSASHA1, SHA1],
  [ALGORITHM.DSA_NSEC3_SHA1, SHA1],
  [ALGORITHM.RSASHA1_NSEC3_SHA1, SHA1],
]);

/**
 * Why a DNSKEY of `algorithm` with `publicKey` (its public key field) may not verify anything,
 * or undefined when it may: algorithms 8 (RSA/SHA-256, RFC 5702) with at least 1024 bits,
 * 13 (ECDSA P-256/SHA-256, RFC 6605) and 15 (Ed25519, RFC 8080).
 */
export const keyProblem = (algorithm: number, publicKey: Uint8Array): KeyProblem | undefined => {
  const name = algorithmName(algorithm);
  const insecure = INSECURE.get(algorithm);
  if (insecure !== undefined) return { code: 'insecure-algorithm', message: `${name} ${insecure}` };
  if (algorithm === ALGORITHM.RSASHA256 || algorithm === ALGORITHM.RSASHA512) {
    const key = readRsaKey(publicKey);
    if (typeof key === 'string')
      return { code: 'invalid-record', message: `${name} key is no RFC 3110 RSA key: ${key}` };
    if (key.bits < MIN_RSA_BITS)
      return {
        code: 'insecure-key-size',
        message: `${name} key has ${key.bits} bits: BIP 353 refuses "RSA with keys shorter than 1024 bits"`,
      };
    if (exponentBits(key.exponent) > MAX_EXPONENT_BITS)
      return {
        code: 'unsupported-algorithm',
        message: `${name} key has an exponent of ${exponentBits(key.exponent)} bits; at most ${MAX_EXPONENT_BITS} are checked`,
      };
  }
  if (algorithm === ALGORITHM.ECDSAP256SHA256 && !isP256Key(publicKey))
    return {
      code: 'invalid-record',
      message: `${name} key of ${publicKey.length} bytes is no P-256 point (RFC 6605: 64 bytes, x | y)`,
    };
  if (algorithm === ALGORITHM.ED25519 && !isEd25519Key(publicKey))
    return {
      code: 'invalid-record',
      message: `${name} key of ${publicKey.length} bytes is no Ed25519 point (RFC 8080: 32 bytes)`,
    };
  if (!SUPPORTED.has(algorithm))
    return {
      code: 'unsupported-algorithm',
      message: `${name} is not supported: only algorithms 8 (RSASHA256), 13 (ECDSAP256SHA256) and 15 (ED25519) are`,
    };
  return undefined;
};

/**
 * True only when `signature` is a valid signature of `data` by `publicKey` under `algorithm`
 * (8, 13 or 15); false for every other algorithm and for malformed keys and signatures. Never
 * throws. It does not judge the key: ask `keyProblem` first (a 512-bit RSA key verifies here).
 */
export const verifySignature = async (
  algorithm: number,
  publicKey: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> => {
  try {
    switch (algorithm) {
      case ALGORITHM.RSASHA256:
        return await verifyRsaSha256(publicKey, data, signature);
      case ALGORITHM.ECDSAP256SHA256:
        return verifyP256(publicKey, data, signature);
      case ALGORITHM.ED25519:
        return verifyEd25519(publicKey, data, signature);
      default:
        return false;
    }
  } catch {
    return false;
  }
};
