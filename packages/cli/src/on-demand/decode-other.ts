// What `lninvoice decode` loads only when the text is no BOLT 11 invoice: the BOLT 12 decoder
// and the reader that says what other text is. Kept out of the decode command's own file, so
// that decoding a BOLT 11 invoice starts as fast as before.
import { Bolt12Error, bolt12ToJSON, decodeBolt12 } from '@lninvoice/bolt12';
import { showText } from '@lninvoice/core/text';
import { type Input, parseInput, UriError } from '@lninvoice/uri';
import { oneLine, underline } from '../io.js';

/** A BOLT 12 string by its prefix (after whitespace and `lightning:`): lno, lnr or lni. */
const BOLT12 = /^(?:lightning:)?ln[oir]/i;
/** What BOLT 11 and BOLT 12 strings start with: `ln`, but for an LNURL. */
const PAYMENT_REQUEST = /^(?:lightning:)?ln(?!url)/i;
const PAYMENT_KINDS: readonly Input['kind'][] = [
  'bolt11',
  'bolt12-offer',
  'bolt12-invoice-request',
  'bolt12-invoice',
];

/** Text that is something else than a payment request, and what it is. */
class OtherInput extends Error {
  constructor(readonly input: Input) {
    super(input.kind);
  }
}

/** What `text` is, when it is something parseInput knows; undefined otherwise. */
const inputOf = (text: string): Input | undefined => {
  try {
    return parseInput(text, { lenient: true });
  } catch {
    return undefined;
  }
};

/**
 * Throws `OtherInput` when `text`, which failed to decode as a payment request, is in fact
 * something else that starts with "ln" (a Lightning Address such as lnbits@example.com).
 */
export const checkOtherInput = (text: string): void => {
  const input = inputOf(text);
  if (input && !PAYMENT_KINDS.includes(input.kind)) throw new OtherInput(input);
};

/**
 * The JSON view of `text` when it is a BOLT 12 string. Other text that is no payment request by
 * its start throws `OtherInput` saying what it is, or parseInput's `UriError` when it is nothing
 * known; what is left is read as a BOLT 11 invoice by `decodeBolt11`.
 */
export const decodeOther = (
  text: string,
  verify: boolean,
  decodeBolt11: (text: string) => unknown,
): unknown => {
  const trimmed = text.trim();
  if (!PAYMENT_REQUEST.test(trimmed)) {
    const input = parseInput(text, { lenient: true });
    if (!PAYMENT_KINDS.includes(input.kind)) throw new OtherInput(input);
  }
  try {
    return BOLT12.test(trimmed) ? bolt12ToJSON(decodeBolt12(text, { verify })) : decodeBolt11(text);
  } catch (error) {
    checkOtherInput(text);
    throw error;
  }
};

/** What `input` is, in words, and what to do with it instead, if anything. */
const describeInput = (input: Input): [what: string, advice: string] => {
  const lnurlPay = '"lninvoice lnurl pay" asks its service for an invoice';
  switch (input.kind) {
    case 'bitcoin-uri': {
      const inside = [
        input.lightning.length > 0 ? 'invoice' : '',
        input.lno.length > 0 ? 'offer' : '',
      ].filter(Boolean);
      const within = [
        inside.includes('invoice') ? 'a BOLT 11 invoice in its lightning parameter' : '',
        inside.includes('offer') ? 'a BOLT 12 offer in its lno parameter' : '',
      ].filter(Boolean);
      return [
        `a bitcoin: URI (BIP 321)${within.length > 0 ? ` with ${within.join(' and ')}` : ''}`,
        inside.length > 0 ? `decode that ${inside.join(' or ')}` : '',
      ];
    }
    case 'lnurl':
      return ['an LNURL (LUD-01)', lnurlPay];
    case 'lud17':
      return [`an LNURL in the ${input.lnurlScheme}:// form (LUD-17)`, lnurlPay];
    case 'lightning-address':
      return ['a Lightning Address (LUD-16)', lnurlPay];
    case 'bip353':
      return [
        'a BIP 353 name (payment instructions in DNS)',
        '"lninvoice resolve" looks up its payment instructions',
      ];
    case 'onchain-address':
      return [`an on-chain address (${input.type})`, ''];
    case 'node-id':
      return ['a node id', ''];
    case 'node-uri':
      return ['a node URI (node id, host and port)', ''];
    default:
      return [`a ${input.kind}`, ''];
  }
};

/** `text` quoted for a POSIX shell, when it needs to be. */
const shellWord = (text: string): string =>
  /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;

/** The line that sends text decode does not read to `inspect`. */
const inspectHint = (text: string): string => {
  const word = shellWord(text.trim());
  const command = word.length <= 2000 ? `lninvoice inspect ${word}` : 'lninvoice inspect <text>';
  return `Run "${oneLine(command)}" to read it.\n`;
};

/**
 * Why `text` was not decoded, as the lines after "lninvoice: ": the code and message of a BOLT 12
 * error with the input underlined, or what the text is instead and the `inspect` command that
 * reads it. Undefined for an error of another kind.
 */
export const describeOtherFailure = (text: string, error: unknown): string | undefined => {
  if (error instanceof OtherInput) {
    const [what, advice] = describeInput(error.input);
    return `unsupported-input: ${showText(text.trim())} is ${what}, not a BOLT 11 or BOLT 12 string${advice ? `: ${advice}` : ''}\n${inspectHint(text)}`;
  }
  if (error instanceof UriError)
    return `${error.code}: ${oneLine(error.message)}\n${underline(text, error.span)}${inspectHint(text)}`;
  if (error instanceof Bolt12Error)
    return `${error.code}: ${oneLine(error.message)}\n${underline(text, error.span)}`;
  return undefined;
};
