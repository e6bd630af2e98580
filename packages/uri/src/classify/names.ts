// Human-readable names: Lightning Addresses (LUD-16) and BIP 353 names, `user@domain` or
// `₿user@domain`.
import { showText } from '@lninvoice/core/text';
import { UriError } from '../errors.js';
import type { Bip353Input, LightningAddressInput } from '../types.js';
import { isOnion } from './lnurl.js';

/** BIP 353: "wallets SHOULD prefix it with ₿, i.e. ₿user@domain". */
export const BITCOIN_SIGN = '\u20bf';
// LUD-16: "The `<username>` is limited to `a-z0-9-_.`"; `+` since lnurl/luds#277 (user+tag).
const LUD16_USER = /^[a-z0-9._+-]+$/;
const USER = /^[A-Za-z0-9._+-]+$/;
const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const NON_ASCII = /[\u0080-\uffff]/;

/** Each dot-separated label of `name` has 1 to 63 characters that `label` accepts. */
const labelsAre = (name: string, label: RegExp): boolean =>
  name.split('.').every((l) => l.length > 0 && l.length <= 63 && label.test(l));

/** The name `text`, found at `offset` of the input: a Lightning Address or a BIP 353 name. */
export const classifyName = (text: string, offset: number): LightningAddressInput | Bip353Input => {
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
  const domain = name.slice(separator + 1);
  const invalid = (why: string, start: number, end: number) =>
    new UriError('invalid-name', `name ${showText(text)}: ${why}`, {
      span: [offset + at + start, offset + at + end],
    });
  if (separator < 1 || domain.includes('@'))
    throw invalid('expected user@domain with one "@"', 0, name.length);
  if (!labelsAre(user, USER))
    throw invalid(
      `the user ${showText(user)} may hold letters, digits and - _ . + only`,
      0,
      separator,
    );
  if (!labelsAre(domain, DNS_LABEL) || !domain.includes('.'))
    throw invalid(`${showText(domain)} is not a domain name`, separator + 1, name.length);
  const dnsName = `${user}.user._bitcoin-payment.${domain}`;
  if (dnsName.length > 253)
    throw invalid(`its DNS name (BIP 353) would be longer than 253 characters`, 0, name.length);
  if (signed || !LUD16_USER.test(user))
    return { kind: 'bip353', value: text, user, domain, dnsName };
  const url = `${isOnion(domain) ? 'http' : 'https'}://${domain}/.well-known/lnurlp/${user}`;
  return { kind: 'lightning-address', value: text, user, domain, url, dnsName };
};
