// parseUri: `bitcoin:` and `lightning:` URIs, told apart by their scheme.
import { showText } from '@lninvoice/core/text';
import { parseBitcoinUri } from './bitcoin-uri.js';
import { UriError } from './errors.js';
import { readSource, type Source } from './input.js';
import { parseLightningUri } from './lightning-uri.js';
import { schemeOf } from './rfc3986.js';
import type { ParsedUri, ParseOptions } from './types.js';

/** The URI of a checked, trimmed input. */
export const parseUriSource = ({ text, offset, lenient }: Source): ParsedUri => {
  const scheme = schemeOf(text);
  if (scheme === undefined) {
    throw new UriError(
      'missing-scheme',
      `${showText(text)} has no scheme: a URI starts with bitcoin: or lightning:`,
      { span: [offset, offset + text.length] },
    );
  }
  if (scheme !== 'bitcoin' && scheme !== 'lightning') {
    throw new UriError(
      'unknown-scheme',
      `${showText(text)} is not a bitcoin: or lightning: URI (its scheme is ${showText(scheme)})`,
      { span: [offset, offset + scheme.length] },
    );
  }
  let start = scheme.length + 1;
  // BOLT 11: "use 'lightning:' as a prefix before the BOLT-11 encoding (note: not
  // 'lightning://')"; BIP 321: bitcoinurn = "bitcoin:" [ bitcoinaddress ] [ "?" bitcoinparams ].
  if (text.startsWith('//', start)) {
    if (!lenient) {
      throw new UriError(
        'non-standard-form',
        `${scheme}: URIs have no "//" after the scheme: write ${scheme}:… , not ${scheme}://… ({ lenient: true } accepts it)`,
        { span: [offset + start, offset + start + 2] },
      );
    }
    start += 2;
  }
  const body = text.slice(start);
  return scheme === 'bitcoin'
    ? parseBitcoinUri(body, offset + start, lenient)
    : parseLightningUri(body, offset + start, lenient);
};

/**
 * A `bitcoin:` URI (BIP 321) or a `lightning:` URI (BOLT 11, LUD-01), surrounding whitespace
 * ignored. Throws a UriError saying what is wrong and where.
 */
export const parseUri = (text: string, options?: ParseOptions): ParsedUri =>
  parseUriSource(readSource('parseUri', text, options));
