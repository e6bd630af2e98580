// Properties of the zap validators (NIP-57): whatever JSON or value they are given — random, or a
// valid zap request or receipt with one part changed — they return findings and never throw;
// every message is safe text; `ok` is "no error". Fixed seeds and counts; `pnpm fuzz` runs longer.
import { createInvoice, signInvoice } from '@lninvoice/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import * as nip57 from 'nostr-tools/nip57';
import { finalizeEvent, getPublicKey } from 'nostr-tools/pure';
import { ZAP_SERVER_KEY, ZAP_SERVER_PUBKEY } from 'test-support/lnurl-service';
import { expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  createZapRequest,
  validateZapReceipt,
  validateZapRequest,
  ZAP_ISSUE_CODES,
  type ZapIssue,
} from '../src/zap.js';

const SENDER_KEY = new Uint8Array(32).fill(0x44);
const RECIPIENT = getPublicKey(new Uint8Array(32).fill(0x66));
const REQUEST = createZapRequest(
  {
    recipientPubkey: RECIPIENT,
    amountMsat: 21_000n,
    relays: ['wss://relay.example.com'],
    eventId: 'ab'.repeat(32),
    comment: 'gm',
    createdAt: 1_700_000_000,
  },
  SENDER_KEY,
);
const TEXT = JSON.stringify(REQUEST);
const BOLT11 = signInvoice(
  createInvoice({
    network: 'regtest',
    amountMsat: 21_000n,
    paymentHash: sha256(new Uint8Array(32).fill(7)),
    descriptionHash: sha256(utf8ToBytes(TEXT)),
    timestamp: 1_700_000_100,
  }),
  new Uint8Array(32).fill(0x22),
);
const RECEIPT = finalizeEvent(
  nip57.makeZapReceipt({
    zapRequest: TEXT,
    bolt11: BOLT11,
    preimage: '07'.repeat(32),
    paidAt: new Date(1_700_000_200_000),
  }),
  ZAP_SERVER_KEY,
);

/** Text with the characters that must never reach a message raw. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202e', '\u0000', '\u001b[31m', '\ud800', '\u200b', 'lnurl1\u202e'),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText, fc.constant(undefined));

/** The event as plain JSON with one part replaced: a field, a tag, or one string of a tag. */
const mutated = (event: object) =>
  fc
    .tuple(fc.nat(), fc.nat(), fc.nat(), anyValue, fc.constantFrom('field', 'tag', 'string', 'add'))
    .map(([i, j, k, value, how]) => {
      const copy = JSON.parse(JSON.stringify(event)) as Record<string, unknown> & {
        tags: unknown[][];
      };
      const keys = Object.keys(copy);
      if (how === 'field') copy[keys[i % keys.length] as string] = value;
      else if (how === 'add')
        copy.tags.push([
          ['p', 'e', 'a', 'P', 'amount', 'relays', 'lnurl', 'bolt11', 'description', 'preimage'][
            k % 10
          ],
          value,
        ] as unknown[]);
      else if (copy.tags.length > 0) {
        const tag = copy.tags[j % copy.tags.length] as unknown[];
        if (how === 'tag') copy.tags[j % copy.tags.length] = value as unknown[];
        else tag[k % tag.length] = value;
      }
      return copy;
    });

const expectWellFormed = (result: { ok: boolean; issues: readonly ZapIssue[] }): void => {
  expect(result.ok).toBe(result.issues.every((i) => i.severity === 'warning'));
  for (const issue of result.issues) {
    expect(ZAP_ISSUE_CODES).toContain(issue.code);
    expectSafeText(issue.message);
    expect(issue.rule.length).toBeGreaterThan(10);
  }
};

describe('validateZapRequest and validateZapReceipt, on any input', () => {
  it('never throw on random JSON, text or values', () => {
    checkProperty(
      'zap-random-input',
      fc.property(
        fc.oneof(
          anyValue,
          anyValue.map((v) => JSON.stringify(v) ?? ''),
        ),
        (input) => {
          expectWellFormed(validateZapRequest(input, { amountMsat: 21_000n }));
          expectWellFormed(validateZapReceipt(input, { nostrPubkey: ZAP_SERVER_PUBKEY }));
        },
      ),
      { seed: 57, numRuns: 300 },
    );
  });

  it('never throw on a zap request with one part changed, and find every change', () => {
    checkProperty(
      'zap-mutated-request',
      fc.property(mutated(REQUEST), fc.boolean(), (event, asText) => {
        const result = validateZapRequest(asText ? JSON.stringify(event) : event, {
          amountMsat: 21_000n,
        });
        expectWellFormed(result);
        // A change to a signed field breaks the id; a change elsewhere is no change at all.
        if (JSON.stringify(event) !== TEXT && result.ok)
          expect(JSON.stringify(result.request?.event)).toBe(TEXT);
      }),
      { seed: 9734, numRuns: 300 },
    );
  });

  it('never throw on a zap receipt with one part changed', () => {
    checkProperty(
      'zap-mutated-receipt',
      fc.property(mutated(RECEIPT), fc.boolean(), (event, asText) => {
        const result = validateZapReceipt(asText ? JSON.stringify(event) : event, {
          nostrPubkey: ZAP_SERVER_PUBKEY,
          zapRequest: TEXT,
        });
        expectWellFormed(result);
        if (JSON.stringify(event) !== JSON.stringify(RECEIPT) && result.ok)
          expect(JSON.stringify(result.zap?.receipt)).toBe(JSON.stringify(RECEIPT));
      }),
      { seed: 9735, numRuns: 300 },
    );
  });

  it('pass the unchanged ones', () => {
    expect(validateZapRequest(TEXT, { amountMsat: 21_000n })).toMatchObject({
      ok: true,
      issues: [],
    });
    expect(
      validateZapReceipt(RECEIPT, { nostrPubkey: ZAP_SERVER_PUBKEY, zapRequest: TEXT }),
    ).toMatchObject({
      ok: true,
      issues: [],
    });
  });
});
