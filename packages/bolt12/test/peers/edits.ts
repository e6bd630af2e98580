// One reader rule broken on purpose in a built invoice request or invoice, then signed again, so
// that the rule itself (not the signature) decides: each edit names the code we refuse it with.
import { CHAINS, chainNamed } from '../../src/chains.js';
import { featureBitmap } from '../../src/features.js';
import type { TlvRecord } from '../../src/tlv.js';
import { writeTlvStream } from '../../src/tlv.js';
import { truncatedBytes } from '../../src/write.js';
import { type Generated, KEYS, type Sample, sampleOf, signed } from './generate.js';

type Records = readonly TlvRecord[];

export interface Edit {
  readonly kind: 'invoice_request' | 'invoice';
  readonly name: string;
  /** Our code for the edited message ('ok' when no rule refuses it). */
  readonly ours: string;
  /** The edited records (signature left out), or undefined when the edit does not apply. */
  readonly edit: (records: Records) => Records | undefined;
  /** Sign with another key than the message's own, or with the (new) invoice_node_id's key. */
  readonly signer?: 'other' | 'node-id';
}

const MAX_MSAT = 0x1d24b2dfac520000n;
const get = (records: Records, type: bigint) => records.find((r) => r.type === type)?.value;
const uint = (bytes: Uint8Array): bigint => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
const without = (records: Records, type: bigint): Records | undefined =>
  get(records, type) === undefined ? undefined : records.filter((r) => r.type !== type);
/** `records` with `type` set to `value` (added or replaced), in order. */
const withRecord = (records: Records, type: bigint, value: Uint8Array): Records =>
  [...records.filter((r) => r.type !== type), { type, value }].sort((a, b) =>
    a.type < b.type ? -1 : a.type > b.type ? 1 : 0,
  );
const when = (ok: boolean, records: () => Records): Records | undefined =>
  ok ? records() : undefined;
const text = (s: string) => new TextEncoder().encode(s);
const otherKey = (records: Records, type: bigint): Uint8Array => {
  const own = get(records, type);
  return (KEYS.find((k) => own === undefined || k.public.some((b, i) => b !== own[i])) ?? KEYS[0])
    ?.public as Uint8Array;
};
/** The blinded_payinfo entries of invoice_blindedpay. */
const payInfos = (value: Uint8Array): Uint8Array[] => {
  const out: Uint8Array[] = [];
  for (let at = 0; at + 28 <= value.length; ) {
    const flen = ((value[at + 26] as number) << 8) | (value[at + 27] as number);
    out.push(value.subarray(at, at + 28 + flen));
    at += 28 + flen;
  }
  return out;
};
const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

export const EDITS: readonly Edit[] = [
  // ---- invoice requests
  {
    kind: 'invoice_request',
    name: 'no invreq_metadata',
    ours: 'missing-invreq-metadata',
    edit: (r) => without(r, 0n),
  },
  {
    kind: 'invoice_request',
    name: 'no invreq_payer_id',
    ours: 'missing-payer-id',
    edit: (r) => without(r, 88n),
  },
  {
    kind: 'invoice_request',
    name: 'no invreq_quantity for an offer_quantity_max',
    ours: 'missing-quantity',
    edit: (r) => without(r, 86n),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_quantity zero, offer_quantity_max zero (any quantity)',
    ours: 'invalid-quantity',
    edit: (r) => when(get(r, 20n)?.length === 0, () => withRecord(r, 86n, new Uint8Array(0))),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_quantity zero, offer_quantity_max above zero',
    ours: 'invalid-quantity',
    edit: (r) => when((get(r, 20n)?.length ?? 0) > 0, () => withRecord(r, 86n, new Uint8Array(0))),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_quantity above offer_quantity_max',
    ours: 'invalid-quantity',
    edit: (r) => {
      const max = get(r, 20n);
      return when(max !== undefined && max.length > 0 && uint(max) < 2n ** 63n, () =>
        withRecord(r, 86n, truncatedBytes(uint(max as Uint8Array) + 1n)),
      );
    },
  },
  {
    kind: 'invoice_request',
    name: 'invreq_quantity without offer_quantity_max',
    ours: 'unexpected-field',
    edit: (r) => when(get(r, 20n) === undefined, () => withRecord(r, 86n, Uint8Array.of(1))),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_amount below the expected amount',
    ours: 'amount-too-small',
    edit: (r) => {
      const amount = get(r, 8n);
      const quantity = get(r, 86n);
      const expected = amount === undefined ? 0n : uint(amount) * (quantity ? uint(quantity) : 1n);
      return when(get(r, 6n) === undefined && expected >= 2n && expected <= MAX_MSAT, () =>
        withRecord(r, 82n, truncatedBytes(expected - 1n)),
      );
    },
  },
  {
    kind: 'invoice_request',
    name: 'no invreq_amount and no offer_amount',
    ours: 'missing-amount',
    edit: (r) => when(get(r, 8n) === undefined, () => without(r, 82n) as Records),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_amount above 21 million bitcoin',
    ours: 'amount-too-large',
    edit: (r) => withRecord(r, 82n, truncatedBytes(MAX_MSAT + 1n)),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_amount 2^64-1',
    ours: 'amount-too-large',
    edit: (r) => withRecord(r, 82n, truncatedBytes(2n ** 64n - 1n)),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_chain not among the offer chains',
    ours: 'chain-mismatch',
    edit: (r) => {
      const offered = get(r, 2n);
      const chains =
        offered === undefined
          ? [chainNamed('bitcoin')?.hash]
          : Array.from({ length: offered.length / 32 }, (_, i) =>
              Buffer.from(offered.subarray(32 * i, 32 * i + 32)).toString('hex'),
            );
      const other = CHAINS.find((c) => !chains.includes(c.hash));
      return when(other !== undefined, () =>
        withRecord(r, 80n, Uint8Array.from(Buffer.from(other?.hash as string, 'hex'))),
      );
    },
  },
  {
    kind: 'invoice_request',
    name: 'invreq_chain bitcoin written out',
    ours: 'ok',
    edit: (r) =>
      when(get(r, 2n) === undefined, () =>
        withRecord(
          r,
          80n,
          Uint8Array.from(Buffer.from(chainNamed('bitcoin')?.hash as string, 'hex')),
        ),
      ),
  },
  {
    kind: 'invoice_request',
    name: 'unknown even invreq_features bit',
    ours: 'unknown-required-feature',
    edit: (r) => withRecord(r, 84n, featureBitmap([100])),
  },
  {
    kind: 'invoice_request',
    name: 'unknown even offer_features bit in a request',
    ours: 'ok',
    edit: (r) => withRecord(r, 12n, featureBitmap([100])),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_bip_353_name with "@"',
    ours: 'invalid-bip353-name',
    edit: (r) =>
      withRecord(r, 91n, concat([Uint8Array.of(3), text('a@b'), Uint8Array.of(1), text('c')])),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_bip_353_name ending inside its domain',
    ours: 'invalid-field-length',
    edit: (r) =>
      withRecord(r, 91n, concat([Uint8Array.of(1), text('a'), Uint8Array.of(5), text('c')])),
  },
  {
    kind: 'invoice_request',
    name: 'invreq_payer_note not UTF-8',
    ours: 'invalid-utf8',
    edit: (r) => withRecord(r, 89n, Uint8Array.of(0xff, 0xfe)),
  },
  {
    kind: 'invoice_request',
    name: 'empty invreq_paths',
    ours: 'empty-paths',
    edit: (r) => withRecord(r, 90n, new Uint8Array(0)),
  },
  {
    kind: 'invoice_request',
    name: 'unknown even type 92',
    ours: 'unknown-required-record',
    edit: (r) => withRecord(r, 92n, Uint8Array.of(1)),
  },
  {
    kind: 'invoice_request',
    name: 'odd type 161, outside the request ranges',
    ours: 'record-out-of-range',
    edit: (r) => withRecord(r, 161n, Uint8Array.of(1)),
  },
  {
    kind: 'invoice_request',
    name: 'odd experimental type 2000000001',
    ours: 'ok',
    edit: (r) => withRecord(r, 2000000001n, Uint8Array.of(1)),
  },
  {
    kind: 'invoice_request',
    name: 'odd experimental type 3000000001, outside the request ranges',
    ours: 'record-out-of-range',
    edit: (r) => withRecord(r, 3000000001n, Uint8Array.of(1)),
  },
  {
    kind: 'invoice_request',
    name: 'signed by another key',
    ours: 'invalid-signature',
    edit: (r) => r,
    signer: 'other',
  },
  {
    kind: 'invoice_request',
    name: 'zero offer_amount',
    ours: 'invalid-amount',
    edit: (r) => when(get(r, 10n) !== undefined, () => withRecord(r, 8n, new Uint8Array(0))),
  },
  {
    kind: 'invoice_request',
    name: 'offer_amount without offer_description',
    ours: 'missing-description',
    edit: (r) => when(get(r, 8n) !== undefined, () => without(r, 10n) ?? r),
  },
  {
    kind: 'invoice_request',
    name: 'offer_currency without offer_amount',
    ours: 'missing-amount',
    edit: (r) => when(get(r, 6n) !== undefined, () => without(r, 8n) as Records),
  },
  {
    kind: 'invoice_request',
    name: 'offer_amount above 21 million bitcoin',
    ours: 'amount-too-large',
    edit: (r) =>
      when(get(r, 6n) === undefined, () =>
        withRecord(withRecord(r, 8n, truncatedBytes(MAX_MSAT + 1n)), 10n, get(r, 10n) ?? text('x')),
      ),
  },
  // ---- invoices
  {
    kind: 'invoice',
    name: 'no invreq_metadata',
    ours: 'ok',
    edit: (r) => without(r, 0n),
  },
  {
    kind: 'invoice',
    name: 'no invreq_payer_id',
    ours: 'ok',
    edit: (r) => without(r, 88n),
  },
  {
    kind: 'invoice',
    name: 'no invoice_paths',
    ours: 'missing-paths',
    edit: (r) => without(r, 160n),
  },
  {
    kind: 'invoice',
    name: 'no invoice_blindedpay',
    ours: 'missing-blindedpay',
    edit: (r) => without(r, 162n),
  },
  {
    kind: 'invoice',
    name: 'no invoice_created_at',
    ours: 'missing-created-at',
    edit: (r) => without(r, 164n),
  },
  {
    kind: 'invoice',
    name: 'no invoice_payment_hash',
    ours: 'missing-payment-hash',
    edit: (r) => without(r, 168n),
  },
  {
    kind: 'invoice',
    name: 'no invoice_amount',
    ours: 'missing-amount',
    edit: (r) => without(r, 170n),
  },
  {
    kind: 'invoice',
    name: 'no invoice_node_id',
    ours: 'missing-node-id',
    edit: (r) => without(r, 176n),
  },
  {
    kind: 'invoice',
    name: 'empty invoice_paths',
    ours: 'empty-paths',
    edit: (r) => withRecord(r, 160n, new Uint8Array(0)),
  },
  {
    kind: 'invoice',
    name: 'one blinded_payinfo too many',
    ours: 'payinfo-count-mismatch',
    edit: (r) => {
      const pay = get(r, 162n) as Uint8Array;
      const infos = payInfos(pay);
      return withRecord(r, 162n, concat([pay, infos[0] as Uint8Array]));
    },
  },
  {
    kind: 'invoice',
    name: 'invoice_amount not invreq_amount',
    ours: 'amount-mismatch',
    edit: (r) => {
      const requested = get(r, 82n);
      return when(requested !== undefined && uint(requested) < MAX_MSAT, () =>
        withRecord(r, 170n, truncatedBytes(uint(requested as Uint8Array) + 1n)),
      );
    },
  },
  {
    kind: 'invoice',
    name: 'invoice_node_id not the offer issuer (signed by it)',
    ours: 'node-id-mismatch',
    edit: (r) => when(get(r, 22n) !== undefined, () => withRecord(r, 176n, otherKey(r, 176n))),
    signer: 'node-id',
  },
  {
    kind: 'invoice',
    name: 'unknown even invoice_features bit',
    ours: 'unknown-required-feature',
    edit: (r) => withRecord(r, 174n, featureBitmap([100])),
  },
  {
    kind: 'invoice',
    name: 'MPP compulsory',
    ours: 'ok',
    edit: (r) => withRecord(r, 174n, featureBitmap([16])),
  },
  {
    kind: 'invoice',
    name: 'every blinded_payinfo requires an unknown feature',
    ours: 'missing-usable-path',
    edit: (r) => {
      const bitmap = featureBitmap([100]);
      const infos = payInfos(get(r, 162n) as Uint8Array).map((info) =>
        concat([info.subarray(0, 26), Uint8Array.of(0, bitmap.length), bitmap]),
      );
      return withRecord(r, 162n, concat(infos));
    },
  },
  {
    kind: 'invoice',
    name: 'fallbacks a payer ignores (version 17, 1-byte and 41-byte programs)',
    ours: 'ok',
    edit: (r) =>
      withRecord(
        r,
        172n,
        concat([
          Uint8Array.of(17, 0, 20),
          new Uint8Array(20),
          Uint8Array.of(1, 0, 1, 7),
          Uint8Array.of(2, 0, 41),
          new Uint8Array(41),
        ]),
      ),
  },
  {
    kind: 'invoice',
    name: 'fallback ending inside its address',
    ours: 'invalid-fallback',
    edit: (r) => withRecord(r, 172n, Uint8Array.of(0, 0, 20, 1, 2, 3)),
  },
  {
    kind: 'invoice',
    name: 'invoice_amount above 21 million bitcoin',
    ours: 'amount-too-large',
    edit: (r) =>
      when(get(r, 82n) === undefined, () => withRecord(r, 170n, truncatedBytes(MAX_MSAT + 1n))),
  },
  {
    kind: 'invoice',
    name: 'invoice_relative_expiry in 5 bytes',
    ours: 'invalid-field-length',
    edit: (r) => withRecord(r, 166n, Uint8Array.of(1, 0, 0, 0, 0)),
  },
  {
    kind: 'invoice',
    name: 'invoice_relative_expiry zero',
    ours: 'ok',
    edit: (r) => withRecord(r, 166n, new Uint8Array(0)),
  },
  {
    kind: 'invoice',
    name: 'signed by another key',
    ours: 'invalid-signature',
    edit: (r) => r,
    signer: 'other',
  },
  {
    kind: 'invoice',
    name: 'unknown even type 178',
    ours: 'unknown-required-record',
    edit: (r) => withRecord(r, 178n, Uint8Array.of(1)),
  },
  {
    kind: 'invoice',
    name: 'odd type 177',
    ours: 'ok',
    edit: (r) => withRecord(r, 177n, Uint8Array.of(1)),
  },
  {
    kind: 'invoice',
    name: 'odd experimental type 3000000001',
    ours: 'ok',
    edit: (r) => withRecord(r, 3000000001n, Uint8Array.of(1)),
  },
];

/** Each edit applied to up to `perEdit` of the generated messages it applies to, signed again. */
export const editedSamples = (
  generated: Generated,
  perEdit: number,
): { sample: Sample; edit: Edit }[] => {
  const out: { sample: Sample; edit: Edit }[] = [];
  for (const edit of EDITS) {
    let count = 0;
    for (const message of generated.signedMessages) {
      if (message.kind !== edit.kind || count >= perEdit) continue;
      const body = message.records.filter((r) => r.type !== 240n);
      const edited = edit.edit(body);
      if (edited === undefined) continue;
      const nodeId = edited.find((r) => r.type === 176n)?.value;
      const signer =
        edit.signer === 'other'
          ? KEYS.find((k) => k.secret.some((b, i) => b !== message.secret[i]))?.secret
          : edit.signer === 'node-id' && nodeId !== undefined
            ? KEYS.find((k) => k.public.every((b, i) => b === nodeId[i]))?.secret
            : message.secret;
      out.push({
        sample: sampleOf(
          edit.kind,
          `${message.label}, ${edit.name}`,
          signed(edit.kind, writeTlvStream(edited), signer as Uint8Array),
        ),
        edit,
      });
      count++;
    }
  }
  return out;
};
