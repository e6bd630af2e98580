// parseInput: "what am I looking at?" for whatever a wallet user pastes or scans.
import { showText } from '@lninvoice/core/text';
import { classifyPayload } from './classify/index.js';
import { UriError } from './errors.js';
import { readSource } from './input.js';
import { parseUriSource } from './parse-uri.js';
import { schemeOf } from './rfc3986.js';
import type { Input, ParseOptions } from './types.js';

/**
 * The kind and content of `text`: a `bitcoin:` or `lightning:` URI, a BOLT 11 invoice, a BOLT 12
 * offer / invoice request / invoice, an LNURL (bech32, or a LUD-01 fallback URL) or LUD-17 URL, a
 * Lightning Address, a BIP 353 name, an on-chain address, a node id or node URI. Surrounding
 * whitespace and line breaks are ignored; upper case (QR codes) is read. Throws a UriError saying
 * why `text` is none of these.
 */
export const parseInput = (text: string, options?: ParseOptions): Input => {
  const source = readSource('parseInput', text, options);
  const scheme = schemeOf(source.text);
  if (scheme === 'bitcoin' || scheme === 'lightning') return parseUriSource(source);
  const input = classifyPayload(source.text, source.offset, source.lenient);
  if (input !== undefined) return input;
  throw new UriError(
    'unknown-input',
    scheme === undefined
      ? `${showText(source.text)} is not a payment request, address, name or node this package knows`
      : `${showText(source.text)} is a ${showText(scheme)} URI, not a bitcoin:, lightning: or LUD-17 one, nor a web URL with an LNURL in lightning= (LUD-01)`,
    { span: [source.offset, source.offset + source.text.length] },
  );
};
