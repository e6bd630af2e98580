// LUD-05: the BIP 32 path of a domain's linking key, and LUD-13's signed message.
import { hmacSha256 } from '@lninvoice/core/hash';
import { encodeUtf8 } from '@lninvoice/core/text';

/**
 * The path `m/138'/<long1>/<long2>/<long3>/<long4>` of `domain`'s linking key: "`hmacSha256(hashingKey,
 * full service domain name)`. First 16 bytes are taken from resulting hash and then turned into a
 * sequence of 4 `Long` values". `hashingPrivateKey` is the key at `m/138'/0`; derive the path with
 * your BIP 32 library (e.g. @scure/bip32 `HDKey.derive`).
 */
export const linkingKeyPath = (
  hashingPrivateKey: Uint8Array,
  domain: string,
): {
  /** The four non-hardened indices after `m/138'`, each below 2^32. */
  pathSuffix: number[];
  /** The whole path, `m/138'/<long1>/<long2>/<long3>/<long4>`. */
  path: string;
} => {
  if (!(hashingPrivateKey instanceof Uint8Array) || hashingPrivateKey.length !== 32) {
    throw new TypeError('hashingPrivateKey must be 32 bytes');
  }
  if (typeof domain !== 'string' || domain === '')
    throw new TypeError('domain must be a non-empty string');
  // "Full domain name here means FQDN with last full-stop (aka "point") omitted"
  const name = encodeUtf8(domain.replace(/\.$/, ''));
  if (name === undefined)
    throw new TypeError('domain holds a lone UTF-16 surrogate: it is not text');
  const material = hmacSha256(hashingPrivateKey, name);
  const view = new DataView(material.buffer, material.byteOffset, 16);
  const pathSuffix = [0, 4, 8, 12].map((at) => view.getUint32(at));
  return { pathSuffix, path: `m/138'/${pathSuffix.join('/')}` };
};

/** LUD-13: the message a wallet signs (with its node key) to derive its LNURL-auth hashing key. */
export const LUD13_MESSAGE =
  'DO NOT EVER SIGN THIS TEXT WITH YOUR PRIVATE KEYS! IT IS ONLY USED FOR DERIVATION OF LNURL-AUTH HASHING-KEY, DISCLOSING ITS SIGNATURE WILL COMPROMISE YOUR LNURL-AUTH IDENTITY AND MAY LEAD TO LOSS OF FUNDS!';
