// LUD-16 Lightning Addresses: "`<username>@<domainname>` [...] The `<username>` is limited to
// `a-z0-9-_.`", plus `user+tag@domain` (luds PR #277) and `@domain` / `_@domain` (luds PR #296).
// The rules (names, domains, the URL) are core's (@lninvoice/core/service-url), which
// @lninvoice/uri reads names with too.
import { readOptions } from '@lninvoice/core/options';
import {
  BITCOIN_SIGN,
  isDomainName,
  lightningAddressUrl,
  readLud16Name,
} from '@lninvoice/core/service-url';
import { showText } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';
import { LENIENT } from './options.js';

/**
 * A Lightning Address (LUD-16) read by {@link parseLightningAddress}: its parts and the URL to
 * request.
 */
export interface LightningAddress {
  /** The address, lowercase where the spec allows; `_@domain` for `@domain`. */
  readonly address: string;
  /** `_` for the domain's own address (`@domain`, `_@domain`). */
  readonly username: string;
  /** The part after `+` (luds PR #277), if any. */
  readonly tag: string | undefined;
  /** Lowercase. */
  readonly domain: string;
  /** "`https://<domain>/.well-known/lnurlp/<username>`", http for an onion domain. */
  readonly url: string;
}

/** The options of {@link parseLightningAddress}. */
export interface AddressOptions {
  /**
   * Lowercase an uppercase username instead of rejecting it, as some wallets do (LUD-16 allows
   * only lowercase, and some servers treat usernames case-sensitively), and read a `lightning:`
   * before the address, which no spec defines (@lninvoice/uri's `lenient` reads both too).
   */
  readonly lenient?: boolean;
}

/**
 * The Lightning Address `input`: `user@domain`, `user+tag@domain`, `@domain` or `_@domain`,
 * surrounding whitespace ignored, and a `₿` before it (BIP 353 names are written so, and a
 * Lightning Address is one too: "Wallets implementing this scheme MAY fall back to existing
 * Lightning Address logic").
 */
export const parseLightningAddress = (
  input: string,
  options?: AddressOptions,
): LightningAddress => {
  if (typeof input !== 'string')
    throw new TypeError(`a Lightning Address must be a string, got ${typeof input}`);
  const { lenient = false } = readOptions<AddressOptions>('options', options, LENIENT);
  let text = input.trim();
  if (lenient) text = text.replace(/^lightning:/i, '');
  const signed = text.startsWith(BITCOIN_SIGN);
  const parts = (signed ? text.slice(BITCOIN_SIGN.length) : text).split('@');
  if (parts.length !== 2) {
    throw new LnurlError(
      'invalid-lightning-address',
      `${showText(text)} is not a Lightning Address (user@domain)`,
    );
  }
  const [local, rawDomain] = parts as [string, string];
  const domain = rawDomain.toLowerCase();
  if (!isDomainName(domain))
    throw new LnurlError('invalid-domain', `${showText(rawDomain)} is not a domain name`);
  // `@domain` is LUD-16's shorthand; a BIP 353 name (₿) always has a user.
  if (signed && local === '')
    throw new LnurlError(
      'invalid-username',
      `${showText(text)} has no user: a ₿ name is user@domain (the @domain form of LUD-16 has no ₿)`,
    );
  const name = readLud16Name(local, lenient);
  if (name === undefined) {
    const uppercase = /[A-Z]/.test(local)
      ? ' (only lowercase is allowed; the lenient option lowercases it)'
      : '';
    throw new LnurlError(
      'invalid-username',
      `${showText(local)} is not a username of a-z 0-9 - _ . (with an optional +tag)${uppercase}`,
    );
  }
  return {
    address: `${name.name}@${domain}`,
    username: name.username,
    tag: name.tag,
    domain,
    url: lightningAddressUrl(name.name, domain),
  };
};
