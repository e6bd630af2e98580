// BIP 353 names: `user@domain` or `₿user@domain`, and the DNS name that holds their record,
// `<user>.user._bitcoin-payment.<domain>`.
import { BITCOIN_SIGN, isDomainName } from '@lninvoice/core/service-url';
import { showText } from '@lninvoice/core/text';
import { parseName } from './dns/name.js';
import type { Name } from './dns/types.js';
import { Bip353Error } from './errors.js';

/** A BIP 353 name read. */
export interface Bip353Name {
  /** `user@domain`, without the ₿, the domain in lower case: what to show after a ₿. */
  readonly name: string;
  /** The part before the `@`, as written: DNS labels of letters, digits and `-` `_` `+`. */
  readonly user: string;
  /** The part after the `@`, in lower case. */
  readonly domain: string;
  /** Where the record lives: `<user>.user._bitcoin-payment.<domain>`. */
  readonly dnsName: string;
}

/** User labels: letters, digits, `-`, `_` and `+` (Lightning Address tags, luds PR #277). */
const USER_LABEL = /^[A-Za-z0-9_+-]{1,63}$/;

/**
 * Reads `text` as a BIP 353 name. "For the avoidance of doubt, the ₿ is *not* included in the
 * DNS label which is resolved"; names "which are not expressible using standard printable ASCII
 * MUST be encoded using the punycode IDN encoding", so other characters are refused here (a
 * wallet shows punycode, not homographs).
 */
export const parseBip353Name = (text: string): Bip353Name => {
  if (typeof text !== 'string') throw new TypeError(`name: expected a string, got ${typeof text}`);
  const bare = text.startsWith(BITCOIN_SIGN) ? text.slice(BITCOIN_SIGN.length) : text;
  const invalid = (why: string) =>
    new Bip353Error('invalid-name', `the name ${showText(text)} ${why}`);
  if (/[^\x21-\x7e]/.test(bare))
    throw invalid('is not printable ASCII: write it in punycode (xn--…)');
  const at = bare.indexOf('@');
  if (at <= 0 || bare.indexOf('@', at + 1) >= 0) throw invalid('is not user@domain with one "@"');
  const user = bare.slice(0, at);
  const domain = bare.slice(at + 1).toLowerCase();
  if (!user.split('.').every((label) => USER_LABEL.test(label)))
    throw invalid('has a user that is not DNS labels of letters, digits and - _ +');
  if (!isDomainName(domain)) throw invalid('has no valid domain after "@"');
  const dnsName = `${user}.user._bitcoin-payment.${domain}`;
  if (dnsName.length > 253) throw invalid('makes a DNS name over 253 characters');
  return { name: `${user}@${domain}`, user, domain, dnsName };
};

/** The record's DNS name as labels. */
export const recordName = (name: Bip353Name): Name => parseName(name.dnsName);
