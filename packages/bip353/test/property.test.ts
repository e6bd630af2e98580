// Proof bytes mutated, truncated, spliced and huge: verifyBip353Proof answers or throws a
// Bip353Error with a listed code and a safe message, never another exception, never a hang.
// Fixed seeds and counts here; `pnpm fuzz` runs longer.
import fc from 'fast-check';
import { expectNoHangAsync } from 'test-support/hang';
import { asyncOutcomeOf } from 'test-support/outcome';
import { checkAsyncProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { BIP353_ERROR_CODES, Bip353Error, verifyBip353Proof } from '../src/index.js';
import { readProof, writeProof } from '../src/proof.js';
import { EXAMPLE_NOW, EXAMPLES, fromHex } from './helpers.js';

const CONTRACT = { type: Bip353Error, codes: BIP353_ERROR_CODES };
const proofs = EXAMPLES.map((e) => ({ name: e.name, proof: fromHex(e.proofHex) }));

const verify = (name: string, proof: Uint8Array) =>
  asyncOutcomeOf(() => verifyBip353Proof(name, proof, { now: EXAMPLE_NOW }), CONTRACT);

/** A byte edit: set, insert or delete at a position (modulo the length). */
const byteEdit = fc.record({
  kind: fc.constantFrom('set', 'insert', 'delete', 'truncate'),
  at: fc.nat(),
  value: fc.integer({ min: 0, max: 255 }),
});

const applyEdits = (
  bytes: Uint8Array,
  edits: readonly { kind: string; at: number; value: number }[],
): Uint8Array => {
  let out = Array.from(bytes);
  for (const { kind, at, value } of edits) {
    const i = out.length === 0 ? 0 : at % out.length;
    if (kind === 'set') out[i] = value;
    else if (kind === 'insert') out.splice(i, 0, value);
    else if (kind === 'delete') out.splice(i, 1);
    else out = out.slice(0, i);
  }
  return Uint8Array.from(out);
};

describe('properties', () => {
  it('edited bytes: an answer or a coded error', async () => {
    await checkAsyncProperty(
      'bip353-proof-bytes',
      fc.asyncProperty(
        fc.nat({ max: proofs.length - 1 }),
        fc.array(byteEdit, { minLength: 1, maxLength: 4 }),
        async (which, edits) => {
          const { name, proof } = proofs[which] as (typeof proofs)[number];
          await verify(name, applyEdits(proof, edits));
        },
      ),
      { seed: 353, numRuns: 150 },
    );
  });

  it('records shuffled, dropped and repeated: the order of a proof does not matter', async () => {
    await checkAsyncProperty(
      'bip353-proof-records',
      fc.asyncProperty(
        fc.nat({ max: proofs.length - 1 }),
        fc.array(fc.nat(), { maxLength: 80 }),
        fc.boolean(),
        async (which, order, keepAll) => {
          const { name, proof } = proofs[which] as (typeof proofs)[number];
          const records = readProof(proof);
          const picked = keepAll
            ? [...records].sort(
                (a, b) => (order[records.indexOf(a)] ?? 0) - (order[records.indexOf(b)] ?? 0),
              )
            : order.map((i) => records[i % records.length] as (typeof records)[number]);
          const original = await verify(name, proof);
          const outcome = await verify(name, writeProof(picked));
          // Every record kept, in any order: the same answer as the proof as given.
          if (keepAll)
            expect(outcome instanceof Error ? outcome.code : outcome.uri).toBe(
              original instanceof Error ? original.code : original.uri,
            );
        },
      ),
      { seed: 9102, numRuns: 60 },
    );
  });

  it('random bytes: a coded error', async () => {
    await checkAsyncProperty(
      'bip353-random-proof',
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        const outcome = await verify('alice@example.com', bytes);
        expect(outcome).toBeInstanceOf(Bip353Error);
      }),
      { seed: 4033, numRuns: 300 },
    );
  });

  it('huge proofs are refused unread, and many records read without a hang', async () => {
    const huge = new Uint8Array(1 << 24);
    expect(((await verify('alice@example.com', huge)) as Bip353Error).code).toBe('too-long');
    // 65 535 bytes of small TXT records at distinct names: about 3 400 records to group.
    const many = writeProof(
      Array.from({ length: 3449 }, (_, i) => ({
        name: [`x${String(i).padStart(4, '0')}`],
        type: 16,
        class: 1,
        ttl: 30,
        rdata: Uint8Array.of(1, i & 0xff),
      })),
    );
    expect(many.length).toBeLessThanOrEqual(65_535);
    await expectNoHangAsync(async () => {
      expect(((await verify('alice@example.com', many)) as Bip353Error).code).toBe(
        'missing-record',
      );
    }, 25);
    // The valid chain with thousands of records of noise beside it still verifies, in time.
    const simple = proofs[0] as (typeof proofs)[number];
    const noisy = writeProof([...readProof(many).slice(0, 2000), ...readProof(simple.proof)]);
    await expectNoHangAsync(async () => {
      expect(await verify(simple.name, noisy)).toMatchObject({
        uri: 'bitcoin:?bc=bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l',
      });
    }, 30);
  });
});
