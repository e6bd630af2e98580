// Differential test, bitcoinjs `bolt11`'s writer → our reader: 1,500 invoices encoded and signed
// by bolt11 (30,000 under `pnpm fuzz`) (random keys and fields, within what it writes correctly: see
// helpers/bolt11-input.ts) decode in ours to exactly what they decode to in bolt11, with a valid
// signature, and our `encode` gives back the very string.
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import { decode as theirDecode, encode as theirEncode, sign as theirSign } from 'bolt11';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '../src/index.js';
import { bolt11Input } from './helpers/bolt11-input.js';
import { ourView, theirView } from './helpers/bolt11-view.js';

describe('bitcoinjs bolt11 invoices, decoded by ours', () => {
  it('give the same fields, payee and signature as in bolt11, and encode back to themselves', () => {
    checkProperty(
      'bolt11-theirs-to-ours',
      fc.property(bolt11Input, ({ input, addDefaults, key }) => {
        const signed = theirSign(theirEncode(input, addDefaults), hex(key));
        const invoice = signed.paymentRequest as string;
        const ours = decode(invoice);
        expect(ourView(ours)).toEqual(theirView(theirDecode(invoice)));
        expect(hex(ours.payeeNodeKey)).toBe(signed.payeeNodeKey);
        expect(encode(ours)).toBe(invoice);
      }),
      { seed: 92, numRuns: 1500 },
    );
  });
});
