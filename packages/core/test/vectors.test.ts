// Every BOLT 11 example: valid ones decode to exactly their listed fields, invalid ones fail with
// the code of the rule they break (the vectors name rules in their own words; test-support gives
// our code for each).

import { bytesToHex as hex } from '@noble/hashes/utils.js';
import {
  BOLT11_INVALID as invalid,
  type ValidVector,
  BOLT11_VALID as valid,
} from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { wordsToChars } from '../src/bech32.js';
import { Bolt11Error, decode, type Invoice, type Legacy } from '../src/index.js';

const expectFields = (inv: Legacy<Invoice>, v: ValidVector): void => {
  expect(inv.network).toBe(v.network);
  expect(inv.prefix).toBe(v.currency_prefix);
  expect(inv.hrp).toBe(v.hrp);
  expect(inv.amountMsat).toBe(v.amount_msat === null ? undefined : BigInt(v.amount_msat));
  expect(inv.timestamp).toBe(v.timestamp);
  expect(hex(inv.payeeNodeKey)).toBe(v.payee);
  expect(inv.payeeSource).toBe(v.payee_source);
  expect(hex(inv.paymentHash)).toBe(v.payment_hash);
  expect(inv.paymentSecret && hex(inv.paymentSecret)).toBe(v.payment_secret);
  expect(inv.description).toBe(v.description ?? undefined);
  expect(inv.descriptionHash && hex(inv.descriptionHash)).toBe(v.description_hash ?? undefined);
  expect(inv.expiry).toBe(v.expiry);
  expect(inv.expiresAt).toBe(v.timestamp + v.expiry);
  expect(inv.fields.some((f) => f.tag === 'x')).toBe(v.expiry_explicit);
  expect(inv.minFinalCltvExpiryDelta).toBe(v.min_final_cltv_expiry);
  expect(inv.fields.some((f) => f.tag === 'c')).toBe(v.min_final_cltv_expiry_explicit);
  expect(
    inv.fallbackAddresses.map((f) => ({
      version: f.version,
      hex: hex(f.program),
      address: f.address,
    })),
  ).toEqual(v.fallbacks);
  expect(
    inv.routeHints.map((route) =>
      route.map((h) => ({
        pubkey: hex(h.pubkey),
        short_channel_id: h.shortChannelId,
        fee_base_msat: h.feeBaseMsat,
        fee_proportional_millionths: h.feeProportionalMillionths,
        cltv_expiry_delta: h.cltvExpiryDelta,
      })),
    ),
  ).toEqual(
    v.route_hints.map((route) => route.map(({ short_channel_id_hex: _hexId, ...hop }) => hop)),
  );
  expect(inv.features.map((f) => f.bit)).toEqual(v.features);
  expect(wordsToChars(inv.fields.find((f) => f.tag === '9')?.words ?? new Uint8Array())).toBe(
    v.features_field_words,
  );
  expect(inv.metadata && hex(inv.metadata)).toBe(v.metadata ?? undefined);
  expect(
    inv.unknownFields.map((f) => ({
      type: f.type,
      char: f.tag,
      data_length: f.words.length,
      data_words: wordsToChars(f.words),
    })),
  ).toEqual(v.unknown_tags);
  expect(inv.fields.map((f) => f.tag)).toEqual(v.tag_order);
  expect(hex(inv.signature.compact)).toBe(v.signature);
  expect(inv.signature.recoveryId).toBe(v.recovery_id);
  expect(hex(inv.signingHash)).toBe(v.signing_hash);
};

describe('spec valid examples', () => {
  for (const v of valid as ValidVector[]) {
    const disputed = v.conformance_status === 'disputed';
    it(`${v.name}${disputed ? ' (disputed: legacy option only)' : ''}`, () => {
      if (disputed) {
        expect(() => decode(v.invoice)).toThrow(
          expect.objectContaining({ code: 'invalid-field-length', field: 'p' }),
        );
        const inv = decode(v.invoice, { legacy: true });
        expectFields(inv, v);
        expect(
          inv.ignoredFields.map((f) => ({ char: f.tag, data_length: f.words.length })),
        ).toEqual(v.ignored_fields?.map(({ char, data_length }) => ({ char, data_length })));
      } else {
        expectFields(decode(v.invoice), v);
        expectFields(decode(v.invoice, { legacy: true }), v);
      }
    });
  }

  it('decodes the high-S example to the key recovery gives (02d0139c…), not the spec key', () => {
    const v = valid.find((x) => x.name === 'high-s-public-key-recovery');
    const inv = decode(v?.invoice ?? '');
    expect(hex(inv.payeeNodeKey).startsWith('02d0139c')).toBe(true);
    expect(hex(inv.payeeNodeKey)).not.toBe(v?.signer_pubkey_of_private_key);
  });
});

describe('spec invalid examples', () => {
  for (const v of invalid) {
    it(`${v.name} fails with ${v.code} (the vector's ${v.rule})`, () => {
      let error: unknown;
      try {
        decode(v.invoice);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Bolt11Error);
      expect((error as Bolt11Error).code).toBe(v.code);
      expect((error as Bolt11Error).message.length).toBeGreaterThan(10);
    });
  }
});
