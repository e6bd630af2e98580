// Inputs for the property tests: what a QR code or a web page may hold. Mostly the vectors,
// edited, because random text rarely gets past the first check of a parser.
import fc from 'fast-check';
import { edited, stretch, stretched, stretching } from 'test-support/edits';
import addresses from 'test-support/vectors/uri/bip350-addresses.json' with { type: 'json' };
import vectors from 'test-support/vectors/uri/cases.json' with { type: 'json' };
import { ADDRESS, INVOICE, OFFER } from './index.js';

const NODE = '02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619';
const LNURL =
  'lnurl1dp68gurn8ghj7um9wfmxjcm99e3k7mf0v9cxj0m385ekvcenxc6r2c35xvukxefcv5mkvv34x5ekzd3ev56nyd3hxqurzepexejxxepnxscrvwfnv9nxzcn9xq6xyefhvgcxxcmyxymnserxfq5fns';

/** Every input of the vectors, and one valid example of each kind parseInput tells apart. */
export const SAMPLES: readonly string[] = [
  ...vectors.cases.map((c) => c.input),
  ...addresses.valid.map((a) => a.address),
  INVOICE,
  OFFER,
  ADDRESS,
  LNURL,
  `lightning:${LNURL}`,
  'lnurlp://service.com/pay?x=1',
  'alice@example.com',
  '₿alice@example.com',
  NODE,
  `${NODE}@1.2.3.4:9735`,
  `${NODE}@[2001:db8::1]:9735`,
  `bitcoin:${ADDRESS}?amount=0.00001&label=a%20b&lightning=${INVOICE}&lno=${OFFER}&x=1`,
];

/** Characters and escapes that mean something to one of the parsers. */
// biome-ignore format: a compact table
const SPECIAL = [
  '%', '%2', '%25', '%41', '%C3', '%C3%A9', '%E2%82%AC', '%F0%9F%98%80', '%ED%A0%80', '%00',
  '&', '=', '?', '#', '+', '+ ', ' ', '\n', ':', '/', '//', '@', '[', ']', '.', '-', '1', '0',
  'A', 'a', 'q', 'Q', '₿', '😀', '\u202e', '\u0000', '\ud800', 'é',
  'amount=', 'label=', 'req-', 'pop=', 'lightning=', 'lno=', 'bc=', '__proto__', 'constructor',
];
export const special = fc.constantFrom(...SPECIAL);

/** One piece of a pasted text: random characters, or a fragment that means something. */
export const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  special,
  fc.constantFrom('bitcoin:', 'BITCOIN:', 'lightning:', 'lightning://', 'lnurlp://', 'lno1'),
  fc.constantFrom('lnbc', 'lnurl1', 'bc1q', '02', 'a'.repeat(64), INVOICE, OFFER, ADDRESS),
);

/** Texts glued from pieces. */
export const pieces = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

/** A sample with one to four edits. */
export const mutatedSample = edited(SAMPLES, special);

/**
 * Minimal examples of each place a parser reads, as [before, value, after]: the value is where
 * a run of characters goes. Short, so that a random position often lands on what matters (a zero
 * between the point and the last digit of an amount, a `%` of a label, a dot of a host).
 */
// biome-ignore format: a table
const TEMPLATES: readonly (readonly [string, string, string])[] = [
  [`bitcoin:${ADDRESS}?amount=`, '0.001', ''],
  [`bitcoin:${ADDRESS}?amount=`, '100.0000005', '&label=x'],
  [`bitcoin:${ADDRESS}?label=`, 'a%20b+c', ''],
  [`bitcoin:${ADDRESS}?message=`, '%E2%82%AC%', ''],
  [`bitcoin:${ADDRESS}?`, 'k%5F_ey', '=1'],
  [`bitcoin:${ADDRESS}?x=1`, '&&', 'label=2'],
  ['bitcoin:', '175tWpb8', '?label=x'],
  ['bitcoin:?lightning=', 'lnbc1qq', ''],
  ['bitcoin:?lno=', 'lno1q+q', '&sp=sp1q'],
  ['bitcoin:?bc=', 'bc1qq', ''],
  [`bitcoin:${ADDRESS}?req-pop=`, 'app%3A', ''],
  ['lightning:', 'lnbc10n1qq', ''],
  ['', 'LNBC2500U1QQ', ''],
  ['', 'lno1qq+ q', ''],
  ['', 'lnurl1dp68', ''],
  ['lnurlp://', 'a.b', '/p?q=1'],
  ['', 'al.ice', '@example.com'],
  ['alice@', 'ex-ample.com', ''],
  ['₿', 'a.b', '@c.d'],
  [`${NODE}@`, '1.2.3.4', ':9735'],
  [`${NODE}@[`, '2001::1', ']:9735'],
  ['', '02ab', ''],
  ['', 'bc1qw508', ''],
  ['', '1BgGZ9', ''],
  [' \n', 'lnbc1', '\t'],
];

/**
 * A text of 64 kB to 1 MB in the shape that makes a backtracking regex or a nested scan take
 * quadratic time: a run of one to three characters (or of a special fragment) inside a template's
 * value, or anywhere in a sample.
 */
export const hugeInput = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...TEMPLATES), stretching(special))
      .map(([[before, value, after], how]) => before + stretch(value, how) + after),
  },
  { weight: 1, arbitrary: stretched(SAMPLES, special) },
);
