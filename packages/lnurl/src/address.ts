// LUD-16 Lightning Addresses: "`<username>@<domainname>` [...] The `<username>` is limited to
// `a-z0-9-_.`", plus the `user+tag@domain` form (luds PR #277).
import { readOptions } from '@lninvoice/core/options';
import { showText } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';
import { LENIENT } from './options.js';
import { isOnion } from './url.js';

export interface LightningAddress {
  /** The address, lowercase where the spec allows. */
  readonly address: string;
  readonly username: string;
  /** The part after `+` (luds PR #277), if any. */
  readonly tag: string | undefined;
  /** Lowercase. */
  readonly domain: string;
  /** "`https://<domain>/.well-known/lnurlp/<username>`", http for an onion domain. */
  readonly url: string;
}

const NAME = /^[a-z0-9\-_.]+$/;
const DOMAIN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export interface AddressOptions {
  /**
   * Lowercase an uppercase username instead of rejecting it, as some wallets do. LUD-16 allows
   * only lowercase, and some servers treat usernames case-sensitively.
   */
  readonly lenient?: boolean;
}

export const parseLightningAddress = (
  input: string,
  options?: AddressOptions,
): LightningAddress => {
  if (typeof input !== 'string')
    throw new TypeError(`a Lightning Address must be a string, got ${typeof input}`);
  const { lenient } = readOptions<AddressOptions>('options', options, LENIENT);
  const text = input.trim();
  const parts = text.split('@');
  if (parts.length !== 2) {
    throw new LnurlError(
      'invalid-lightning-address',
      `${showText(text)} is not a Lightning Address (user@domain)`,
    );
  }
  const [local, rawDomain] = parts as [string, string];
  const domain = rawDomain.toLowerCase();
  if (!DOMAIN.test(domain))
    throw new LnurlError('invalid-domain', `${showText(rawDomain)} is not a domain name`);
  const name = lenient ? local.toLowerCase() : local;
  const [username = '', tag, ...more] = name.split('+');
  const valid = (part: string | undefined) => part !== undefined && NAME.test(part);
  if (!valid(username) || (tag !== undefined && !valid(tag)) || more.length > 0) {
    const uppercase = /[A-Z]/.test(local)
      ? ' (only lowercase is allowed; the lenient option lowercases it)'
      : '';
    throw new LnurlError(
      'invalid-username',
      `${showText(local)} is not a username of a-z 0-9 - _ . (with an optional +tag)${uppercase}`,
    );
  }
  const scheme = isOnion(domain) ? 'http' : 'https';
  return {
    address: `${name}@${domain}`,
    username,
    tag,
    domain,
    url: `${scheme}://${domain}/.well-known/lnurlp/${name}`,
  };
};
