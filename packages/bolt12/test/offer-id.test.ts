// The ids of the offer a message is or answers: their values (Core Lightning's SHA-256 of the
// offer records, LDK's tagged Merkle root), and `offerId` as a property computed when first read
// that behaves as the plain data property it stands for.
import { sha256 } from '@noble/hashes/sha2.js';
import { BOLT12_VALID_OFFERS } from 'test-support/bolt12-vectors';
import { describe, expect, test } from 'vitest';
import { decodeInvoice, decodeInvoiceRequest, decodeOffer } from '../src/index.js';
import { hex, invoice, offer, request } from './helpers.js';

const MINIMAL = 'lno1zcss9mk8y3wkklfvevcrszlmu23kfrxh49px20665dqwmn4p72pksese';
const VIA_BOB = BOLT12_VALID_OFFERS.find((v) =>
  v.description.startsWith('with blinded path via Bob'),
)?.bolt12 as string;

describe('offer ids', () => {
  test("the SHA-256 of the offer's records, and LDK's OfferId (as LDK 0.1 computes it)", () => {
    const minimal = decodeOffer(MINIMAL);
    const bytes = minimal.records.flatMap((r) => [Number(r.type), r.value.length, ...r.value]);
    expect(hex(minimal.offerId.sha256)).toBe(hex(sha256(Uint8Array.from(bytes))));
    // OfferId of boltz-bolt12 0.2.0 (the Rust `lightning` crate 0.1.1) for the same strings.
    expect(hex(minimal.offerId.ldk)).toBe(
      '0e8fee07fd5f23ac74553b96e7d72b89cae29a2b5d0eb21dcea4a34c4ee71fcc',
    );
    expect(hex(decodeOffer(VIA_BOB).offerId.ldk)).toBe(
      '6727323d683ff5f880f289d84b715dc47c4b203afcb8e6a337f92d1c8a619cf3',
    );
  });

  test('a request and an invoice have the id of the offer they answer', () => {
    const id = decodeOffer(offer()).offerId;
    expect(decodeInvoiceRequest(request()).offerId).toEqual(id);
    expect(decodeInvoice(invoice()).offerId).toEqual(id);
  });
});

describe('offerId, computed when first read', () => {
  test('is the last enumerable property, seen by keys, spread, JSON and structuredClone', () => {
    const expected = { ...decodeOffer(MINIMAL) }.offerId;
    const keys = Object.keys(decodeOffer(MINIMAL));
    expect(keys.at(-1)).toBe('offerId');
    expect({ ...decodeOffer(MINIMAL) }.offerId).toEqual(expected);
    expect(structuredClone(decodeOffer(MINIMAL)).offerId).toEqual(expected);
    expect(JSON.parse(JSON.stringify(decodeOffer(MINIMAL))).offerId).toEqual({
      sha256: hex(expected.sha256),
      ldk: hex(expected.ldk),
    });
    expect(Object.keys(decodeInvoiceRequest(request())).at(-1)).toBe('offerId');
    expect(Object.keys(decodeInvoice(invoice())).at(-1)).toBe('offerId');
  });

  test('is computed once, then a plain writable data property', () => {
    const decoded = decodeOffer(MINIMAL);
    const first = decoded.offerId;
    expect(decoded.offerId).toBe(first);
    expect(Object.getOwnPropertyDescriptor(decoded, 'offerId')).toEqual({
      value: first,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    const assigned = decodeOffer(MINIMAL) as { offerId: unknown };
    assigned.offerId = 'mine';
    expect(assigned.offerId).toBe('mine');
  });

  test('a frozen message still reads it, and refuses a new value as a frozen object does', () => {
    const frozen = Object.freeze(decodeOffer(MINIMAL));
    expect(frozen.offerId).toEqual(decodeOffer(MINIMAL).offerId);
    expect(() => {
      (frozen as { offerId: unknown }).offerId = 'mine';
    }).toThrow(TypeError);
  });
});
