// The signature: recovery, verification against n, low-S, recovery ids, the pluggable backend.
import { bytesToHex as hex, hexToBytes } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import { describe, expect, it } from 'vitest';
import { hasHighS, isValidScalar } from '../src/bolt11/signature.js';
import { decode, type Secp256k1, verifyInvoice } from '../src/index.js';
import { nobleSecp256k1 } from '../src/noble.js';
import { baseFields, bytesField, craft, SPEC_KEY, SPEC_PUBKEY } from './helpers/craft.js';
import { codeOf, errorOf, parseOnly } from './helpers/outcome.js';

const withN = (key = SPEC_PUBKEY) => [...baseFields(), bytesField('n', hexToBytes(key))];
const OTHER_KEY = hexToBytes('11'.repeat(32));

describe('signature', () => {
  it('recovers the payee when there is no n field', () => {
    const inv = decode(craft());
    expect(hex(inv.payeeNodeKey)).toBe(SPEC_PUBKEY);
    expect(inv.payeeSource).toBe('recovered');
  });

  it('recovers with a high-S signature (BOLT 11: "accept both high-S and low-S")', () => {
    expect(hex(decode(craft({ highS: true })).payeeNodeKey)).toBe(SPEC_PUBKEY);
  });

  it('rejects a high-S signature when there is an n field', () => {
    expect(decode(craft({ fields: withN() })).payeeSource).toBe('n-field');
    expect(codeOf(craft({ fields: withN(), highS: true }))).toBe('non-canonical-signature');
  });

  it('rejects a signature that n did not make', () => {
    const other = hex(secp.getPublicKey(OTHER_KEY));
    const e = errorOf(craft({ fields: withN(other) }));
    expect(e.code).toBe('invalid-signature');
    expect(e.message).toContain(other);
  });

  it('recovers someone else when the invoice was altered (signature over the original words)', () => {
    const inv = decode(craft({ key: OTHER_KEY }));
    expect(hex(inv.payeeNodeKey)).toBe(hex(secp.getPublicKey(OTHER_KEY)));
    expect(hex(inv.payeeNodeKey)).not.toBe(SPEC_PUBKEY);
  });

  it('ldk-n-field-bad-recovery-id: with n, the recovery id plays no part', () => {
    expect(decode(craft({ fields: withN(), recoveryId: 2 })).payeeSource).toBe('n-field');
    expect(codeOf(craft({ recoveryId: 2 }))).toBe('invalid-signature');
  });

  it('rejects recovery ids above 3', () => {
    for (const id of [4, 31, 255]) {
      const e = errorOf(craft({ recoveryId: id }));
      expect(e.code).toBe('invalid-recovery-id');
      expect(e.message).toContain(String(id));
    }
  });

  it('rejects R or S of zero or not below the curve order', () => {
    const r = new Uint8Array(32).fill(1);
    const cases = [
      Uint8Array.from([...new Uint8Array(32), ...r]),
      Uint8Array.from([...r, ...new Uint8Array(32)]),
      Uint8Array.from([...r, ...new Uint8Array(32).fill(0xff)]),
    ];
    for (const compact of cases) expect(codeOf(craft({ compact }))).toBe('invalid-signature');
  });

  it('covers the signature span in errors', () => {
    const invoice = craft({ recoveryId: 9 });
    const e = errorOf(invoice);
    expect(e.span?.[1]).toBe(invoice.length - 6);
    expect((e.span?.[1] ?? 0) - (e.span?.[0] ?? 0)).toBe(104);
  });
});

describe('verify: false and verifyInvoice', () => {
  const counting = (): Secp256k1 & { calls: string[] } => {
    const calls: string[] = [];
    return {
      calls,
      recoverPublicKey: (...a) => {
        calls.push('recover');
        return nobleSecp256k1.recoverPublicKey(...a);
      },
      verify: (...a) => {
        calls.push('verify');
        return nobleSecp256k1.verify(...a);
      },
      isValidPublicKey: (...a) => {
        calls.push('point');
        return nobleSecp256k1.isValidPublicKey(...a);
      },
      sign: (...a) => {
        calls.push('sign');
        return nobleSecp256k1.sign(...a);
      },
    };
  };

  it('does no elliptic-curve work and leaves the payee unknown without n', () => {
    const backend = counting();
    const inv = decode(craft({ recoveryId: 2 }), { verify: false, secp256k1: backend });
    expect(backend.calls).toEqual([]);
    expect(inv.payeeNodeKey).toBeUndefined();
    expect('payeeSource' in inv).toBe(false);
  });

  it('verifyInvoice later gives what decode gives', () => {
    for (const invoice of [craft(), craft({ fields: withN() }), craft({ highS: true })]) {
      expect(verifyInvoice(parseOnly(invoice))).toEqual(decode(invoice));
    }
    expect(() => verifyInvoice(parseOnly(craft({ recoveryId: 2 })))).toThrow(
      expect.objectContaining({ code: 'invalid-signature' }),
    );
  });

  it('with legacy, blames the n field in use, not a skipped wrong-length one', () => {
    const offCurve = hexToBytes(`05${SPEC_PUBKEY.slice(2)}`);
    const invoice = craft({
      fields: [...baseFields(), { tag: 'n', words: new Uint8Array(52) }, bytesField('n', offCurve)],
    });
    const parsed = decode(invoice, { verify: false, legacy: true });
    const used = parsed.fields.filter((f) => f.tag === 'n')[1];
    expect(() => verifyInvoice(parsed)).toThrow(
      expect.objectContaining({ code: 'invalid-node-key', span: used?.span }),
    );
    expect(errorOf(invoice, { legacy: true }).span).toEqual(used?.span);
  });

  it('uses the backend it is given', () => {
    const backend = counting();
    decode(craft({ fields: withN() }), { secp256k1: backend });
    expect(backend.calls).toEqual(['point', 'verify']);
    const recovering = counting();
    decode(craft(), { secp256k1: recovering });
    expect(recovering.calls).toEqual(['recover']);
  });

  it('trusts the backend: one that rejects everything fails every invoice', () => {
    const nay: Secp256k1 = {
      recoverPublicKey: () => undefined,
      verify: () => false,
      isValidPublicKey: () => false,
      sign: () => ({ signature: new Uint8Array(64), recoveryId: 0 }),
    };
    expect(codeOf(craft(), { secp256k1: nay })).toBe('invalid-signature');
    expect(codeOf(craft({ fields: withN() }), { secp256k1: nay })).toBe('invalid-node-key');
  });

  it('the default backend agrees with noble on the spec key', () => {
    expect(hex(secp.getPublicKey(SPEC_KEY))).toBe(SPEC_PUBKEY);
    expect(nobleSecp256k1.isValidPublicKey(hexToBytes(SPEC_PUBKEY))).toBe(true);
    expect(nobleSecp256k1.isValidPublicKey(new Uint8Array(33))).toBe(false);
    expect(nobleSecp256k1.isValidPublicKey(secp.getPublicKey(SPEC_KEY, false))).toBe(false);
  });
});

describe('scalar ranges, compared as bytes', () => {
  const N = secp.Point.CURVE().n;
  const bytes = (value: bigint): Uint8Array => hexToBytes(value.toString(16).padStart(64, '0'));
  const compact = (s: bigint) => ({
    compact: Uint8Array.from([...bytes(1n), ...bytes(s)]),
    recoveryId: 0,
  });

  it('accepts 1 to n-1 and refuses 0, n and above (R, S and private keys)', () => {
    for (const [value, valid] of [
      [0n, false],
      [1n, true],
      [N >> 1n, true],
      [N - 1n, true],
      [N, false],
      [N + 1n, false],
      [2n ** 256n - 1n, false],
    ] as const) {
      expect(isValidScalar(bytes(value)), `${value}`).toBe(valid);
    }
    expect(isValidScalar(new Uint8Array(31).fill(1))).toBe(false);
  });

  it('calls S high from n/2 + 1 on (BIP 62)', () => {
    expect(hasHighS(compact(N >> 1n))).toBe(false);
    expect(hasHighS(compact((N >> 1n) + 1n))).toBe(true);
    expect(hasHighS(compact(N - 1n))).toBe(true);
    expect(hasHighS(compact(1n))).toBe(false);
  });
});
