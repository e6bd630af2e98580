// `bitcoin:` URIs as BIP 321 (which replaces BIP 21) defines them.

import type { Offer } from '@lninvoice/bolt12';
import type { Span } from '@lninvoice/core/errors';
import { showText } from '@lninvoice/core/text';
import { classifyAddress, segwitPrefixOf } from './addresses.js';
import { parseBtcAmount } from './amount.js';
import { looksLikeBolt12, readOffer } from './classify/bolt12.js';
import { UriError, type UriErrorCode, uriError } from './errors.js';
import {
  asciiLowercase,
  checkCharacters,
  NOT_QUERY_CHARACTER,
  percentDecode,
  rawSpanOf,
  schemeOf,
} from './rfc3986.js';
import type {
  BitcoinAmount,
  BitcoinUri,
  InstructionKey,
  OnchainAddressInput,
  ProofOfPayment,
  UriWarning,
} from './types.js';

/** BIP 321 "keys ... currently defined for payment instructions", and the segwit HRP keys. */
export const INSTRUCTION_KEYS: readonly InstructionKey[] = [
  'lightning',
  'lno',
  'sp',
  'pay',
  'bc',
  'tb',
];

// BIP 321: "A wallet MUST validate that the provided URI's scheme is not (case-insensitive)
// "http", "https", "file", "javascript", "mailto" or any other scheme which will open in a web
// browser prior to opening it."
const BROWSER_SCHEMES: ReadonlySet<string> = new Set([
  'http',
  'https',
  'file',
  'javascript',
  'mailto',
  'about',
  'blob',
  'data',
  'ftp',
  'vbscript',
  'view-source',
  'ws',
  'wss',
]);

interface Param {
  /** Percent-decoded, ASCII letters lowercased (BIP 321: "The query parameter keys are also case-insensitive"). */
  readonly key: string;
  /** Percent-decoded. */
  readonly value: string;
  readonly span: Span;
  /** The value as written, and where it starts in the input. */
  readonly raw: string;
  readonly rawStart: number;
}

/** The parameters of `query`, which starts at `offset` of the input, in order. */
const paramsOf = (query: string, offset: number): Param[] => {
  const params: Param[] = [];
  let start = offset;
  // bitcoinparams = bitcoinparam [ "&" bitcoinparams ], where a bitcoinparam may be empty.
  for (const raw of query.split('&')) {
    const span = [start, start + raw.length] as const;
    start += raw.length + 1;
    if (raw === '') continue;
    // Only the first "=" separates: BIP 321's own pop example has one in its value.
    const equals = raw.includes('=') ? raw.indexOf('=') : raw.length;
    const key = asciiLowercase(percentDecode(raw.slice(0, equals), span[0], 'parameter key'));
    if (key === '')
      throw new UriError('missing-key', `parameter ${showText(raw)} has no key`, { span });
    const rawValue = raw.slice(equals + 1);
    const rawStart = span[0] + equals + 1;
    const value = percentDecode(rawValue, rawStart, showText(key));
    params.push({ key, value, span, raw: rawValue, rawStart });
  }
  return params;
};

const proofOfPayment = ({ key, value, span }: Param): ProofOfPayment => {
  const scheme = schemeOf(value);
  const allowed = scheme !== undefined && !BROWSER_SCHEMES.has(scheme);
  const required = key === 'req-pop';
  // "If a wallet will not open the pop scheme ... and the parameter was passed as a "req-pop"
  // parameter, the wallet MUST NOT initiate payment."
  if (required && !allowed) {
    throw new UriError(
      'invalid-pop-scheme',
      `req-pop: ${showText(value)} ${scheme === undefined ? 'has no scheme' : `opens a web browser (${showText(scheme)})`}; a wallet must not open it, so it must not pay`,
      { span },
    );
  }
  return { uri: value, required, allowed };
};

const checkInstruction = (
  key: InstructionKey,
  { value, span, raw, rawStart }: Param,
  lenient: boolean,
): void => {
  if (value === '')
    throw new UriError('invalid-payment-instruction', `${key}: the payment instruction is empty`, {
      span,
    });
  if (key === 'lightning') {
    // BIP 321: "lightning: Lightning BOLT 11 invoices". An LNURL here is common, but no spec's.
    const lnurl = /^lnurl/i.test(value);
    if (/^ln/i.test(value) && !looksLikeBolt12(value) && (!lnurl || lenient)) return;
    throw new UriError(
      'invalid-lightning-param',
      `lightning: ${showText(value)} is not a BOLT 11 invoice${lnurl ? ' but an LNURL; { lenient: true } accepts it' : ''} (BOLT 12 offers go in "lno")`,
      { span },
    );
  }
  // BIP 321: "lno: BOLT 12 offers" (decoded by the caller). The decoder would skip a lightning:
  // prefix, which makes no offer of a parameter value.
  if (key === 'lno' && schemeOf(value) !== undefined) {
    throw new UriError(
      'invalid-lno-param',
      `lno: ${showText(value)} is a URI, not a BOLT 12 offer`,
      { span },
    );
  }
  // "A testnet segwit addresses must be included in the `tb` parameter, not the `bc` parameter."
  if (key === 'bc' || key === 'tb') {
    if (segwitPrefixOf(value) !== key) {
      throw new UriError(
        'network-mismatch',
        `${key}: ${showText(value)} is not a ${key}1… segwit address`,
        { span },
      );
    }
    // Read as every address is: an address that cannot be paid to is no payment instruction.
    classifyAddress(value, 0, (code, message, at) =>
      uriError(code, `${key}: ${message}`, at && rawSpanOf(raw, rawStart, at)),
    );
  }
};

/**
 * The address before `?`, found at `offset` of the input. BIP 321: "The bitcoinaddress body MUST
 * be either a base58 P2SH or P2PKH address, bech32 Segwit version 0 address, bech32m Segwit
 * address, or empty."
 */
const readAddress = (address: string, offset: number): OnchainAddressInput => {
  const span = [offset, offset + address.length] as const;
  if (!/^[A-Za-z0-9]*$/.test(address)) {
    throw new UriError(
      'invalid-address',
      `bitcoin: URI: the address ${showText(address)} has characters that no base58 or bech32 address has`,
      { span },
    );
  }
  try {
    return classifyAddress(address, offset);
  } catch (error) {
    // `bitcoin:lnbc1…`: an invoice where the address goes is no address.
    if (!(error instanceof UriError && /^ln/i.test(address))) throw error;
    throw new UriError(
      'invalid-address',
      `bitcoin: URI: ${showText(address)} is no on-chain address but looks like a Lightning payment request, which BIP 321 puts in the lightning= or lno= parameter`,
      { span, cause: error },
    );
  }
};

/** An address or instruction refused, and where: the URI is read without it. */
interface Refused {
  readonly key: UriWarning['key'];
  readonly value: string;
  readonly span: Span;
  readonly error: UriError;
}

/**
 * Runs `read`, keeping a UriError it throws in `refused`: BIP 321's instructions are
 * alternatives, and one that is invalid leaves the others to pay with.
 */
const keep = (refused: Refused[], refusal: Omit<Refused, 'error'>, read: () => void): void => {
  try {
    read();
  } catch (error) {
    if (!(error instanceof UriError)) throw error;
    refused.push({ ...refusal, error });
  }
};

/**
 * The `bitcoin:` URI whose part after `bitcoin:` is `body`, starting at `offset` of the input.
 * The address and the `bc` / `tb` addresses are read (checksum, program, networks), `lno` offers
 * decoded, the other instructions checked for their place. An invalid address or instruction is
 * left out with a warning; a URI with none left fails with the first one's error, and one with
 * none at all with `missing-payment-instruction`. A fault of the URI as a whole (its characters,
 * amount, label, message, pop, a `req-` key) fails it whatever else it holds.
 */
export const parseBitcoinUri = (body: string, offset: number, lenient: boolean): BitcoinUri => {
  const question = body.includes('?') ? body.indexOf('?') : body.length;
  const address = body.slice(0, question);
  const refused: Refused[] = [];
  let onchain: OnchainAddressInput | undefined;
  if (address !== '') {
    const span = [offset, offset + address.length] as const;
    keep(refused, { key: 'address', value: address, span }, () => {
      onchain = readAddress(address, offset);
    });
  }
  // The address's characters are its own rule, above.
  checkCharacters(body.slice(question), offset + question, NOT_QUERY_CHARACTER, 'bitcoin: URI');
  const instructions: Record<InstructionKey, string[]> = {
    lightning: [],
    lno: [],
    sp: [],
    pay: [],
    bc: [],
    tb: [],
  };
  // Keys come from the input: a prototype-less object keeps "__proto__" or "constructor" as data.
  const unknown: Record<string, string[]> = Object.create(null);
  let amount: BitcoinAmount | undefined;
  let label: string | undefined;
  let message: string | undefined;
  let pop: ProofOfPayment | undefined;
  // "Multiple query parameters with the same key MUST NOT be included for keys "label",
  // "message", or "pop"" (nor, by its examples, "amount", "even if they are the same").
  const once = (param: Param, present: boolean, code: UriErrorCode & `duplicate-${string}`) => {
    if (present)
      throw new UriError(code, `${param.key}: given twice; BIP 321 allows it once`, {
        span: param.span,
      });
  };
  const offers: Offer[] = [];
  for (const param of paramsOf(body.slice(question + 1), offset + question + 1)) {
    const { key, value, span } = param;
    if (key === 'amount') {
      once(param, amount !== undefined, 'duplicate-amount');
      amount = parseBtcAmount(value, span);
    } else if (key === 'label') {
      once(param, label !== undefined, 'duplicate-label');
      label = value;
    } else if (key === 'message') {
      once(param, message !== undefined, 'duplicate-message');
      message = value;
    } else if (key === 'pop' || key === 'req-pop') {
      once(param, pop !== undefined, 'duplicate-pop');
      pop = proofOfPayment(param);
    } else if ((INSTRUCTION_KEYS as readonly string[]).includes(key)) {
      const instruction = key as InstructionKey;
      keep(refused, { key: instruction, value, span }, () => {
        checkInstruction(instruction, param, lenient);
        // BIP 321: "lno: BOLT 12 offers", read by @lninvoice/bolt12's decoder.
        if (key === 'lno')
          offers.push(readOffer(value, (at) => rawSpanOf(param.raw, param.rawStart, at)));
        instructions[instruction].push(value);
      });
    } else if (key.startsWith('req-')) {
      // "If a client does not implement handling a query parameter which has a key prefixed with
      // req-, it MUST consider the entire URI invalid."
      throw new UriError(
        'unknown-required-param',
        `${showText(key)} is a required parameter this reader does not know, so the URI is invalid`,
        { span },
      );
    } else {
      const values = unknown[key] ?? [];
      values.push(value);
      unknown[key] = values;
    }
  }
  // "The bitcoinaddress part of the URI MAY be left empty if there is at least one payment
  // instruction provided in a query parameter".
  if (onchain === undefined && Object.values(instructions).every((values) => values.length === 0)) {
    // Nothing left to pay: the first fault is the URI's.
    if (refused[0] !== undefined) throw refused[0].error;
    throw new UriError(
      'missing-payment-instruction',
      'bitcoin: URI: no address and no payment instruction (lightning, lno, sp, pay, bc, tb)',
      { span: [offset, offset + body.length] },
    );
  }
  return {
    kind: 'bitcoin-uri',
    scheme: 'bitcoin',
    address: onchain === undefined ? '' : address,
    ...(onchain !== undefined && { onchain }),
    ...(amount !== undefined && { amount }),
    ...(label !== undefined && { label }),
    ...(message !== undefined && { message }),
    ...(pop !== undefined && { pop }),
    ...instructions,
    offers,
    unknown,
    warnings: refused.map(({ key, value, span, error }) => ({
      code: error.code,
      message: error.message,
      span: error.span ?? span,
      key,
      value,
    })),
  };
};
