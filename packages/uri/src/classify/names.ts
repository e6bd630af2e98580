// Human-readable names: Lightning Addresses (LUD-16) and BIP 353 names, `user@domain` or
// `₿user@domain`. Domains, LUD-16 names and their URL follow core's rules
// (@lninvoice/core/service-url), which @lninvoice/lnurl reads addresses with too.
import {
  BITCOIN_SIGN,
  isDomainName,
  lightningAddressUrl,
  readLud16Name,
} from '@lninvoice/core/service-url';
import { showText } from '@lninvoice/core/text';
import { UriError } from '../errors.js';
import type { Bip353Input, LightningAddressInput } from '../types.js';

/** BIP 353 users are DNS labels; `+` is kept for `user+tag` Lightning Addresses (luds PR #277). */
const USER_LABEL = /^[A-Za-z0-9_+-]{1,63}$/;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The name `text`, found at `offset` of the input: a Lightning Address (a user LUD-16 allows, or
 * none: `@domain` is `_@domain`, luds PR #296), or else a BIP 353 name. `lenient` reads an upper
 * case LUD-16 user as the lowercase one, as @lninvoice/lnurl's lenient mode does.
 */
export const classifyName = (
  text: string,
  offset: number,
  lenient: boolean,
): LightningAddressInput | Bip353Input => {
  const signed = text.startsWith(BITCOIN_SIGN);
  const name = signed ? text.slice(BITCOIN_SIGN.length) : text;
  const at = signed ? BITCOIN_SIGN.length : 0;
  const nonAscii = NON_ASCII.exec(name);
  // BIP 353: "User and domain names which are not expressible using standard printable ASCII MUST
  // be encoded using the punycode IDN encoding" (and shown as punycode: homographs).
  if (nonAscii) {
    const char = String.fromCodePoint(name.codePointAt(nonAscii.index) as number);
    throw new UriError(
      'invalid-name',
      `name: ${showText(char)} is not ASCII; names must be written in punycode (xn--…)`,
      { span: [offset + at + nonAscii.index, offset + at + nonAscii.index + char.length] },
    );
  }
  const separator = name.indexOf('@');
  const user = name.slice(0, separator);
  const domain = name.slice(separator + 1).toLowerCase();
  const invalid = (why: string, start: number, end: number) =>
    new UriError('invalid-name', `name ${showText(text)}: ${why}`, {
      span: [offset + at + start, offset + at + end],
    });
  if (separator < 0 || domain.includes('@') || (signed && separator === 0))
    throw invalid(
      `expected ${signed ? '₿user@domain' : 'user@domain'} with one "@"`,
      0,
      name.length,
    );
  if (user !== '' && !user.split('.').every((label) => USER_LABEL.test(label)))
    throw invalid(
      `the user ${showText(user)} may hold letters, digits and - _ . + only`,
      0,
      separator,
    );
  // DNS names: labels of letters, digits, "-" and "_" (BIP 353's own dnssec_proof_tests.…).
  if (!isDomainName(domain))
    throw invalid(`${showText(domain)} is not a domain name`, separator + 1, name.length);
  // LUD-16 names for Lightning Addresses; BIP 353 names are what `₿` marks, or any other user.
  const lud16 = signed ? undefined : readLud16Name(user, lenient);
  const dnsName = `${lud16?.name ?? user}.user._bitcoin-payment.${domain}`;
  if (dnsName.length > 253)
    throw invalid(`its DNS name (BIP 353) would be longer than 253 characters`, 0, name.length);
  if (lud16 === undefined) return { kind: 'bip353', value: text, user, domain, dnsName };
  const url = lightningAddressUrl(lud16.name, domain);
  return { kind: 'lightning-address', value: text, user: lud16.name, domain, url, dnsName };
};
