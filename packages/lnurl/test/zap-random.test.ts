// A zap request's BIP 340 signature takes fresh auxiliary randomness from crypto.getRandomValues
// (core's randomBytes, not @noble/secp256k1's own). Where the platform has none (React Native
// without a polyfill) createZapRequest fails with an Error naming it and the way around it, and
// createZapRequestWith, whose signer brings its own randomness, and the checks still work.
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { schnorr } from '@noble/secp256k1';
import { getEventHash, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createZapRequest,
  createZapRequestWith,
  type EventTemplate,
  type NostrEvent,
  validateZapRequest,
} from '../src/zap.js';

const SENDER_KEY = new Uint8Array(32).fill(0x44);
const SENDER = getPublicKey(SENDER_KEY);
const PARAMS = {
  recipientPubkey: getPublicKey(new Uint8Array(32).fill(0x66)),
  amountMsat: 21_000n,
  relays: ['wss://relay.example.com'],
  createdAt: 1_700_000_000,
};
const AUX = new Uint8Array(32).fill(0x01);

const mutable = (event: NostrEvent) => ({ ...event, tags: event.tags.map((t) => [...t]) });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createZapRequest', () => {
  it('signs with auxiliary randomness from crypto.getRandomValues', () => {
    vi.stubGlobal('crypto', {
      getRandomValues: (bytes: Uint8Array) => {
        bytes.set(AUX);
        return bytes;
      },
    });
    const event = createZapRequest(PARAMS, SENDER_KEY);
    expect(event.sig).toBe(bytesToHex(schnorr.sign(hexToBytes(event.id), SENDER_KEY, AUX)));
    expect(verifyEvent(mutable(event))).toBe(true);
  });

  it('without crypto.getRandomValues, an Error names it and the way around it', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => createZapRequest(PARAMS, SENDER_KEY)).toThrow(
      new Error(
        'crypto.getRandomValues is not available here: sign with your own signer (createZapRequestWith), or install a polyfill (e.g. react-native-get-random-values)',
      ),
    );
  });

  it('without it, a signer of its own still makes a request that validates', async () => {
    vi.stubGlobal('crypto', undefined);
    const signer = {
      getPublicKey: async () => SENDER,
      signEvent: async (template: EventTemplate): Promise<NostrEvent> => {
        const unsigned = { ...template, pubkey: SENDER };
        const id = getEventHash({ ...unsigned, tags: unsigned.tags.map((t) => [...t]) });
        const sig = bytesToHex(schnorr.sign(hexToBytes(id), SENDER_KEY, AUX));
        return { ...unsigned, id, sig };
      },
    };
    const event = await createZapRequestWith(PARAMS, signer);
    expect(validateZapRequest(event, { amountMsat: 21_000n })).toMatchObject({
      ok: true,
      issues: [],
    });
  });
});
