// The BOLT 12 spec vectors: every valid offer decodes to exactly its records and re-encodes to the
// same string; every invalid one is refused with its code; the Merkle and signature cases match.

import {
  BOLT12_CORRECTED,
  BOLT12_FORMAT_STRINGS,
  BOLT12_INVALID_OFFERS,
  BOLT12_MERKLE,
  BOLT12_SIGNED_REQUEST,
  BOLT12_VALID_OFFERS,
} from 'test-support/bolt12-vectors';
import { codeOf } from 'test-support/outcome';
import { describe, expect, test } from 'vitest';
import {
  Bolt12Error,
  decodeBolt12,
  decodeInvoiceRequest,
  decodeOffer,
  encodeBolt12,
} from '../src/index.js';
import { merkleRoot, signatureHash } from '../src/merkle.js';
import { readTlvStream } from '../src/tlv.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const unhex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

describe('offers-test.json: valid offers', () => {
  test.each(BOLT12_VALID_OFFERS.map((v) => [v.description, v] as const))('%s', (_, vector) => {
    const offer = decodeOffer(vector.bolt12);
    expect(
      offer.records.map((r) => ({
        type: Number(r.type),
        length: r.value.length,
        hex: hex(r.value),
      })),
    ).toEqual(vector.fields);
    expect(encodeBolt12(offer)).toBe(vector.bolt12);
  });

  const byName = (name: string) => {
    const vector = BOLT12_VALID_OFFERS.find((v) => v.description.startsWith(name));
    if (vector === undefined) throw new Error(`no vector ${name}`);
    return decodeOffer(vector.bolt12);
  };

  test('each field reads as its "field info" says', () => {
    expect(byName('Minimal').issuerId).toEqual(
      unhex('02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619'),
    );
    expect(byName('Minimal').chains).toEqual(['bitcoin']);
    expect(byName('with description').description).toBe('Test vectors');
    expect(byName('for testnet').chains).toEqual(['testnet']);
    expect(byName('for bitcoin (redundant)').chains).toEqual(['bitcoin']);
    expect(byName('for bitcoin or liquidv1').chains).toEqual(['liquidv1', 'bitcoin']);
    expect(byName('with metadata').metadata).toEqual(new Uint8Array(16));
    const amount = byName('with amount');
    expect([amount.amount, amount.amountMsat, amount.currency]).toEqual([
      10000n,
      10000n,
      undefined,
    ]);
    const usd = byName('with currency');
    expect([usd.amount, usd.amountMsat, usd.currency, usd.currencyExponent]).toEqual([
      10000n,
      undefined,
      'USD',
      2,
    ]);
    // "2035-01-01" at midnight in Adelaide (UTC+10:30), where the vectors were written.
    expect(byName('with expiry').absoluteExpiry).toBe(BigInt(Date.UTC(2035, 0, 1) / 1000 - 37800));
    expect(byName('with issuer').issuer).toBe('https://bolt12.org BOLT12 industries');
    expect(byName('with quantity').quantityMax).toBe(5n);
    expect(byName('with unlimited').quantityMax).toBe(0n);
    expect(byName('with single quantity').quantityMax).toBe(1n);
    expect(byName('with feature').features).toEqual([
      { bit: 99, name: undefined, required: false, known: false },
    ]);
  });

  test('blinded paths: both forms of first_node_id, hops and their data', () => {
    const [viaKey] = byName('with blinded path via Bob').paths;
    // Bob's key (private key 0x4242…), as in the signature vector.
    const bob = '0324653eac434488002cc06bbfb7f10fe18991e35f9fe4302dbea6d2353dc0ab1c';
    expect(viaKey?.firstNodeId).toEqual({ nodeId: unhex(bob) });
    expect(viaKey?.firstPathKey).toEqual(unhex(`02${'02'.repeat(32)}`));
    expect(viaKey?.hops.map((h) => [hex(h.blindedNodeId), hex(h.encryptedRecipientData)])).toEqual([
      [`02${'02'.repeat(32)}`, '00'.repeat(16)],
      [`02${'02'.repeat(32)}`, '11'.repeat(8)],
    ]);
    const [viaScid] = byName('same, with blinded path first_node_id using sciddir').paths;
    expect(viaScid?.firstNodeId).toEqual({ shortChannelId: '0x0x42', direction: 0 });
    const two = byName('... and with second blinded path').paths;
    expect(two.map((p) => p.firstNodeId)).toEqual([
      viaKey?.firstNodeId,
      { shortChannelId: '1x2x3', direction: 1 },
    ]);
    expect(two[1]?.hops[1]?.encryptedRecipientData).toEqual(unhex('22'.repeat(8)));
    const noId = byName('with no issuer_id');
    expect([noId.issuerId, noId.paths.length]).toEqual([undefined, 1]);
  });

  test('unknown odd records are kept, in order', () => {
    expect(byName('unknown odd field').unknownRecords).toEqual([
      { type: 33n, value: new TextEncoder().encode('helloworld') },
    ]);
    expect(byName('unknown odd experimental field').unknownRecords).toEqual([
      { type: 1000000033n, value: new TextEncoder().encode('helloworld') },
    ]);
  });
});

describe('offers-test.json: invalid offers', () => {
  test.each(BOLT12_INVALID_OFFERS.map((v) => [v.description, v] as const))('%s', (_, vector) => {
    expect(() => decodeBolt12(vector.bolt12)).toThrow(Bolt12Error);
    expect(codeOf(() => decodeBolt12(vector.bolt12))).toBe(vector.code);
  });

  test.each(BOLT12_CORRECTED.map((v) => [v.description, v] as const))(
    'corrected copy: %s reaches its rule',
    (_, vector) => {
      expect(codeOf(() => decodeBolt12(vector.bolt12))).toBe(vector.code);
    },
  );
});

describe('format-string-test.json', () => {
  const [complete] = BOLT12_FORMAT_STRINGS;
  test.each(BOLT12_FORMAT_STRINGS.map((v, i) => [`${i}: ${v.comment}`, v] as const))(
    '%s',
    (_, vector) => {
      if (vector.valid) {
        const offer = decodeOffer(vector.string);
        expect(encodeBolt12(offer)).toBe(complete?.string);
        expect(encodeBolt12(offer)).toBe(vector.string.toLowerCase().replace(/\+\s*/g, ''));
        expect(offer.uppercase).toBe(vector.string === vector.string.toUpperCase());
      } else {
        expect(codeOf(() => decodeOffer(vector.string))).toBe(
          vector.comment.startsWith('Mixed') ? 'mixed-case' : 'invalid-continuation',
        );
      }
    },
  );
});

describe('signature-test.json', () => {
  /** The stream of a case: the records its leaves name, in order. */
  const streamOf = (leaves: readonly Record<string, string>[]) =>
    unhex(
      leaves
        .map((leaf) => (Object.keys(leaf)[0] as string).match(/^H\(`LnLeaf`,([0-9a-f]+)\)$/)?.[1])
        .join(''),
    );

  test.each(BOLT12_MERKLE.map((v) => [v.comment, v] as const))('%s', (_, vector) => {
    const bytes = streamOf(vector.leaves);
    expect(hex(bytes.subarray(0, vector['first-tlv'].length / 2))).toBe(vector['first-tlv']);
    expect(
      hex(
        merkleRoot(
          bytes,
          readTlvStream(bytes, (s, e) => [s, e]),
        ),
      ),
    ).toBe(vector.merkle);
  });

  test('the signed invoice request: root, signature hash, signature, all checked', () => {
    const request = decodeInvoiceRequest(BOLT12_SIGNED_REQUEST.bolt12);
    expect(hex(request.merkleRoot)).toBe(BOLT12_SIGNED_REQUEST.merkle);
    expect(hex(signatureHash('invoice_request', 'signature', request.merkleRoot))).toBe(
      BOLT12_SIGNED_REQUEST['H(signature_tag,merkle)'],
    );
    expect(hex(request.signatureHash)).toBe(BOLT12_SIGNED_REQUEST['H(signature_tag,merkle)']);
    expect(hex(request.signature as Uint8Array)).toBe(BOLT12_SIGNED_REQUEST.signature);
    expect(request.verified).toBe(true);
    expect(request.offer).toMatchObject({
      description: 'A Mathematical Treatise',
      amount: 100n,
      currency: 'USD',
    });
    expect(request.invreqMetadata).toEqual(new Uint8Array(8));
  });
});

test('the signed invoice request: any changed byte of a signed record makes it fail', () => {
  const request = decodeInvoiceRequest(BOLT12_SIGNED_REQUEST.bolt12);
  for (const [i, record] of request.records.entries()) {
    if (record.type === 240n) continue;
    const records = request.records.map((r, j) =>
      j === i
        ? { type: r.type, value: r.value.map((b, k) => (k === r.value.length - 1 ? b ^ 1 : b)) }
        : r,
    );
    const changed = encodeBolt12({ kind: 'invoice_request', records });
    expect(() => decodeInvoiceRequest(changed), `record ${record.type}`).toThrow(Bolt12Error);
    expect(
      codeOf(() => decodeInvoiceRequest(changed, { verify: false })),
      `record ${record.type}`,
    ).not.toBe('invalid-signature');
  }
});
