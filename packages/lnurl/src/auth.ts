// LUD-04 auth: "tag with value set to login which means no GET should be made yet", a k1 challenge
// signed with a domain-specific linking key.
import { fastSecp256k1, nodeKeyOf } from '@lninvoice/core';
import { bytesParam } from '@lninvoice/core/options';
import { showText, toHex } from '@lninvoice/core/text';
import * as secp from '@noble/secp256k1';
import { compactToDer, derToCompact } from './der.js';
import { LnurlError } from './errors.js';
import { appendQuery, parseServiceUrl, queryParams, type ServiceUrl } from './url.js';

/** "optional `action` enum which can be one of four strings: `register | login | link | auth`" */
export const AUTH_ACTIONS = ['register', 'login', 'link', 'auth'] as const;
/** What a login request asks the user to do: one of {@link AUTH_ACTIONS}. */
export type AuthAction = (typeof AUTH_ACTIONS)[number];

/** An LNURL-auth request (LUD-04): the challenge to sign and the domain the key is for. */
export interface AuthRequest {
  /** Always `'login'`: tells the kinds of {@link Resolved} apart. */
  readonly tag: 'login';
  /** The service URL, to which `sig` and `key` are appended. */
  readonly url: string;
  /** The domain the linking key is derived for and the user is shown. */
  readonly domain: string;
  /** "hex encoded 32 bytes of challenge" */
  readonly k1: string;
  /** What the user is asked to do; undefined when the URL does not say. */
  readonly action: AuthAction | undefined;
}

const HEX_32 = /^[0-9a-f]{64}$/i;

/** The auth request of a login URL already split into its query parameters. */
export const parseAuthQuery = (
  url: ServiceUrl,
  params: ReadonlyMap<string, string>,
): AuthRequest => {
  const k1 = params.get('k1');
  if (k1 === undefined || !HEX_32.test(k1)) {
    throw new LnurlError(
      'invalid-k1',
      `the login k1 ${k1 === undefined ? 'is missing' : `${showText(k1)} is not 32 bytes of hex`}`,
    );
  }
  const action = params.get('action');
  if (action !== undefined && !AUTH_ACTIONS.includes(action as AuthAction)) {
    throw new LnurlError(
      'invalid-action',
      `the login action ${showText(action)} is not one of ${AUTH_ACTIONS.join(', ')}`,
    );
  }
  return {
    tag: 'login',
    url: url.href,
    domain: url.host,
    k1: k1.toLowerCase(),
    action: action as AuthAction | undefined,
  };
};

/** The auth request of a login URL (`https://site.com?tag=login&k1=…&action=login`). */
export const parseAuthRequest = (url: string): AuthRequest => {
  const parsed = parseServiceUrl(url, 'the login URL');
  return parseAuthQuery(parsed, queryParams(parsed));
};

/**
 * The login URL signed with `linkingPrivateKey`: "`<LNURL_hostname_and_path>?<LNURL_existing_query_parameters>
 * &sig=<hex(sign(hexToBytes(k1), linkingPrivKey))>&key=<hex(linkingKey)>`".
 */
export const signAuth = (
  request: AuthRequest,
  linkingPrivateKey: Uint8Array,
): {
  /** The DER signature of `k1`, hex. */
  readonly sig: string;
  /** The linking public key, compressed, hex. */
  readonly key: string;
  /** The login URL with `sig` and `key`: request it to log in. */
  readonly url: string;
} => {
  const key = toHex(nodeKeyOf(linkingPrivateKey)); // checks the private key
  const k1 = bytesParam('request.k1', request.k1, 32);
  const { signature } = fastSecp256k1.sign(k1, linkingPrivateKey);
  const sig = toHex(compactToDer(signature));
  return { sig, key, url: authCallbackUrl(request, sig, key) };
};

/** The login URL with a signature and key made elsewhere (e.g. by a hardware wallet). */
export const authCallbackUrl = (request: AuthRequest, sig: string, key: string): string =>
  appendQuery(parseServiceUrl(request.url, 'the login URL'), [
    ['sig', sig],
    ['key', key],
  ]);

/**
 * For services: whether `sig` (DER hex) is `key`'s signature of `k1`. "`LN SERVICE` [...] MUST take
 * `k1`, compressed (33-byte) `secp256k1` public `key` encoded as hex, and a DER-hex-encoded ECDSA
 * `sig` and verify the signature using `secp256k1`." High-S signatures fail, as in libsecp256k1.
 */
export const verifyAuthSignature = (k1: string, sig: string, key: string): boolean => {
  if (!HEX_32.test(k1) || !/^([0-9a-f]{2})+$/i.test(sig) || !/^0[23][0-9a-f]{64}$/i.test(key))
    return false;
  const compact = derToCompact(bytesParam('sig', sig));
  if (!compact) return false;
  try {
    return secp.verify(compact, bytesParam('k1', k1), bytesParam('key', key), { prehash: false });
  } catch {
    return false;
  }
};
