// Messages for the differential tests, built with OUR builders from fast-check values drawn with a
// fixed seed (`fc.sample`), so every run compares the same messages: offers, invoice requests
// answering them, invoices answering those, and damaged copies of each (a flipped byte, a cut
// stream, a flipped byte re-signed, one rule broken on purpose and re-signed).
import { segwitAddress } from '@lninvoice/core/address';
import { sha256 } from '@noble/hashes/sha2.js';
import { getPublicKey, hashes, schnorr } from '@noble/secp256k1';
import fc from 'fast-check';
import { bolt12String } from 'test-support/bolt12-vectors';
import { chainNamed } from '../../src/chains.js';
import {
  type CreateInvoiceParams,
  type CreateInvoiceRequestParams,
  type CreateOfferParams,
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeInvoiceRequest,
  encodeBolt12,
  type InvoiceRequest,
  type Offer,
  signBolt12,
  type TlvRecord,
} from '../../src/index.js';
import { merkleRoot, signatureHash } from '../../src/merkle.js';
import type { Bolt12Kind } from '../../src/string.js';
import { readTlvStream, writeTlvStream } from '../../src/tlv.js';

hashes.sha256 ??= sha256;

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** One message to read with both implementations. */
export interface Sample {
  readonly kind: Bolt12Kind;
  /** How it was made, to name it in a failure. */
  readonly label: string;
  /** Its string (what our decoder and LDK's offer reader read). */
  readonly text: string;
  /** Its TLV stream (what LDK's invoice request and invoice readers read). */
  readonly bytes: Uint8Array;
  /** Built by our builders, not damaged afterwards. */
  readonly built: boolean;
}

const PREFIX = { offer: 'lno', invoice_request: 'lnr', invoice: 'lni' } as const;

/** A message of `kind` from its bytes, written without a checksum by test-support's writer. */
export const sampleOf = (
  kind: Bolt12Kind,
  label: string,
  bytes: Uint8Array,
  built = false,
): Sample => ({ kind, label, bytes, built, text: bolt12String(PREFIX[kind], hex(bytes)) });

// ---- keys ---------------------------------------------------------------------------------------

/** Sixteen key pairs, derived from fixed seeds: every key in a message is one of them. */
const KEYS = Array.from({ length: 16 }, (_, i) => {
  const secret = sha256(new TextEncoder().encode(`lninvoice differential key ${i}`));
  return { secret, public: getPublicKey(secret, true) };
});
const secretOf = (publicKey: Uint8Array): Uint8Array => {
  const pair = KEYS.find((k) => hex(k.public) === hex(publicKey));
  if (pair === undefined) throw new Error(`no secret key for ${hex(publicKey)}`);
  return pair.secret;
};

// ---- arbitraries --------------------------------------------------------------------------------

const MAX_MSAT = 0x1d24b2dfac520000n;
const U64 = 2n ** 64n - 1n;
/** `arb` or undefined, half and half. */
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
/** `arb` one time in eight, undefined otherwise. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 7 },
    { arbitrary: arb as fc.Arbitrary<T | undefined>, weight: 1 },
  );
/** `arb` one time in four, undefined otherwise. */
const rare = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: arb as fc.Arbitrary<T | undefined>, weight: 1 },
  );
const key = fc.nat(KEYS.length - 1).map((i) => (KEYS[i] as (typeof KEYS)[number]).public);
const text = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ maxLength }));
const oddBit = fc.nat(127).map((n) => 2 * n + 1);
const oddBits = fc.uniqueArray(oddBit, { maxLength: 4 });
const oddType = (from: bigint, to: bigint) =>
  fc.bigInt(from / 2n, (to - 1n) / 2n).map((n) => 2n * n + 1n);
const extraRecords = (ranges: [bigint, bigint][]) =>
  fc.uniqueArray(
    fc.record({
      type: fc.oneof(...ranges.map(([from, to]) => oddType(from, to))),
      value: fc.uint8Array({ maxLength: 12 }),
    }),
    { selector: (r) => r.type, minLength: 1, maxLength: 3 },
  );

const pathArb = fc.record({
  firstNodeId: fc.oneof(
    key.map((nodeId) => ({ nodeId })),
    fc
      .tuple(fc.nat(2 ** 24 - 1), fc.nat(2 ** 24 - 1), fc.nat(65535), fc.constantFrom(0, 1))
      .map(([block, tx, out, direction]) => ({
        shortChannelId: `${block}x${tx}x${out}`,
        direction,
      })),
  ),
  firstPathKey: key,
  hops: fc.array(
    fc.record({ blindedNodeId: key, encryptedRecipientData: fc.uint8Array({ maxLength: 24 }) }),
    { minLength: 1, maxLength: 3 },
  ),
});
const paths = fc.array(pathArb, { minLength: 1, maxLength: 3 });

const offerArb = fc.record({
  description: opt(text(40)),
  issuer: opt(text(30)),
  amount: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    {
      arbitrary: fc.record({
        msat: fc.oneof(fc.bigInt(1n, 10n ** 9n), fc.bigInt(1n, MAX_MSAT)),
      }),
      weight: 5,
    },
    {
      arbitrary: fc.record({
        currency: fc.constantFrom('USD', 'EUR', 'JPY', 'XAU'),
        amount: fc.bigInt(1n, U64),
      }),
      weight: 1,
    },
  ),
  quantityMax: opt(fc.oneof(fc.constant(0n), fc.bigInt(1n, 10n), fc.bigInt(1n, U64))),
  absoluteExpiry: opt(fc.oneof(fc.bigInt(1_700_000_000n, 2_000_000_000n), fc.bigInt(0n, U64))),
  chains: opt(
    fc.subarray(
      ['bitcoin', 'testnet', 'testnet4', 'signet', 'regtest', 'liquidv1', 'ab'.repeat(32)],
      {
        minLength: 1,
      },
    ),
  ),
  identity: fc.constantFrom('id', 'paths', 'both'),
  issuerId: key,
  paths,
  metadata: opt(fc.uint8Array({ maxLength: 40 })),
  features: opt(oddBits),
  extraRecords: rare(
    extraRecords([
      [1n, 79n],
      [1000000000n, 1999999999n],
    ]),
  ),
});

const bip353Part = fc.oneof(
  { arbitrary: fc.stringMatching(/^[0-9A-Za-z_-][0-9A-Za-z._-]{0,15}$/), weight: 8 },
  { arbitrary: fc.constantFrom('', '.'), weight: 1 },
  { arbitrary: fc.stringMatching(/^[0-9A-Za-z._-]{100,255}$/), weight: 1 },
);

const requestArb = fc.record({
  payer: key,
  invreqMetadata: fc.uint8Array({ maxLength: 40 }),
  chainPick: opt(fc.nat()),
  quantityPick: fc.oneof(fc.bigInt(1n, 5n), fc.bigInt(1n, U64)),
  amountMode: fc.constantFrom('omit', 'exact', 'tip', 'any'),
  tip: fc.bigInt(1n, 10n ** 12n),
  anyAmount: fc.oneof(fc.bigInt(1n, 10n ** 9n), fc.bigInt(1n, MAX_MSAT)),
  payerNote: opt(text(30)),
  features: opt(oddBits),
  paths: sometimes(paths),
  bip353Name: rare(fc.record({ name: bip353Part, domain: bip353Part })),
  extraRecords: rare(
    extraRecords([
      [93n, 159n],
      [2000000000n, 2999999999n],
    ]),
  ),
});

const invoiceArb = fc.record({
  paths: fc.array(
    fc.record({
      path: pathArb,
      blindedPayInfo: fc.record({
        feeBaseMsat: fc.nat(2 ** 32 - 1),
        feeProportionalMillionths: fc.nat(2 ** 32 - 1),
        cltvExpiryDelta: fc.nat(65535),
        htlcMinimumMsat: fc.bigInt(0n, U64),
        htlcMaximumMsat: fc.bigInt(0n, U64),
        features: opt(oddBits),
      }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  paymentHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  createdAt: fc.oneof(fc.bigInt(1_700_000_000n, 2_000_000_000n), fc.bigInt(0n, U64)),
  relativeExpiry: opt(fc.oneof(fc.nat(100_000), fc.nat(2 ** 32 - 1))),
  amountMsat: fc.oneof(fc.bigInt(1n, 10n ** 9n), fc.bigInt(1n, MAX_MSAT)),
  fallbacks: opt(
    fc.array(
      fc.oneof(
        fc.uint8Array({ minLength: 20, maxLength: 20 }).map((p) => [0, p] as const),
        fc.uint8Array({ minLength: 32, maxLength: 32 }).map((p) => [0, p] as const),
        fc.uint8Array({ minLength: 32, maxLength: 32 }).map((p) => [1, p] as const),
        fc.tuple(fc.integer({ min: 1, max: 16 }), fc.uint8Array({ minLength: 2, maxLength: 40 })),
      ),
      { maxLength: 3 },
    ),
  ),
  features: opt(fc.oneof(fc.constant([17]), fc.constant([]), oddBits)),
  nodePick: fc.nat(),
  extraRecords: rare(
    extraRecords([
      [177n, 239n],
      [3000000000n, 3999999999n],
    ]),
  ),
});

/** A byte to damage: where (a fraction of the length) and how (a non-zero XOR mask). */
const damageArb = fc.record({
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  mask: fc.integer({ min: 1, max: 255 }),
  cut: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});

const scenarioArb = fc.record({
  offer: offerArb,
  request: requestArb,
  invoice: invoiceArb,
  damage: fc.array(damageArb, { minLength: 3, maxLength: 3 }),
});

type ScenarioValue = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

// ---- building -----------------------------------------------------------------------------------

/** `params` without its undefined entries (the builders take absent, not undefined, options). */
const defined = <T extends object>(params: { [K in keyof T]: T[K] | undefined }): T =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as T;

const offerParams = (o: ScenarioValue['offer']): CreateOfferParams => {
  const amount =
    o.amount === undefined
      ? {}
      : 'msat' in o.amount
        ? { amountMsat: o.amount.msat }
        : { amount: o.amount.amount, currency: o.amount.currency };
  return defined<CreateOfferParams>({
    ...amount,
    // "MUST set `offer_description`" with an amount.
    description: o.description ?? (o.amount === undefined ? undefined : ''),
    issuer: o.issuer,
    quantityMax: o.quantityMax,
    absoluteExpiry: o.absoluteExpiry,
    chains: o.chains,
    issuerId: o.identity === 'paths' ? undefined : o.issuerId,
    paths: o.identity === 'id' ? undefined : o.paths,
    metadata: o.metadata,
    features: o.features,
    extraRecords: o.extraRecords,
  });
};

const requestParams = (offer: Offer, r: ScenarioValue['request']): CreateInvoiceRequestParams => {
  const chains = offer.chains;
  const chain = r.chainPick === undefined ? undefined : chains[r.chainPick % chains.length];
  let quantity: bigint | undefined;
  if (offer.quantityMax !== undefined)
    quantity =
      offer.quantityMax === 0n ? r.quantityPick : 1n + (r.quantityPick % offer.quantityMax);
  const expected = offer.amountMsat === undefined ? undefined : offer.amountMsat * (quantity ?? 1n);
  let amountMsat: bigint | undefined;
  if (offer.amount === undefined || r.amountMode === 'any') amountMsat = r.anyAmount;
  else if (expected !== undefined && r.amountMode !== 'omit') {
    const amount = r.amountMode === 'tip' ? expected + r.tip : expected;
    amountMsat = amount <= MAX_MSAT ? amount : undefined;
  }
  if (expected !== undefined && amountMsat !== undefined && amountMsat < expected)
    amountMsat = expected <= MAX_MSAT ? expected : undefined;
  return defined<CreateInvoiceRequestParams>({
    offer,
    payerId: r.payer,
    invreqMetadata: r.invreqMetadata,
    chain,
    quantity,
    amountMsat,
    payerNote: r.payerNote,
    features: r.features,
    paths: r.paths,
    bip353Name: r.bip353Name,
    extraRecords: r.extraRecords,
  });
};

const invoiceParams = (
  request: InvoiceRequest,
  i: ScenarioValue['invoice'],
): CreateInvoiceParams => {
  const offer = request.offer;
  const network = chainNamed(request.chain)?.network;
  const finals = offer.paths.map((p) => p.hops[p.hops.length - 1]?.blindedNodeId as Uint8Array);
  // The amount is the request's, or the offer's times the quantity, unless the offer has a currency.
  const amountKnown = request.amountMsat !== undefined || offer.amountMsat !== undefined;
  return defined<CreateInvoiceParams>({
    request,
    paths: i.paths.map((p) => ({
      ...p.path,
      blindedPayInfo: defined(p.blindedPayInfo),
    })),
    paymentHash: i.paymentHash,
    createdAt: i.createdAt,
    relativeExpiry: i.relativeExpiry,
    amountMsat: amountKnown ? undefined : i.amountMsat,
    fallbacks:
      network === undefined || i.fallbacks === undefined
        ? undefined
        : i.fallbacks.map(([version, program]) => segwitAddress(network, version, program)),
    features: i.features,
    nodeId: offer.issuerId === undefined ? finals[i.nodePick % finals.length] : undefined,
    extraRecords: i.extraRecords,
  });
};

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/**
 * The TLV stream of a BOLT 12 string, read leniently (any case, `+` joins, padding ignored): what
 * the difference predicates look at, and what LDK's byte readers are given.
 */
export const bytesOf = (text: string): Uint8Array => {
  const joined = text.replace(/\+\s*/g, '').trim().toLowerCase();
  const data = joined.slice(joined.lastIndexOf('1') + 1);
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of data) {
    acc = ((acc << 5) | CHARSET.indexOf(c)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return Uint8Array.from(out);
};

// ---- damage -------------------------------------------------------------------------------------

const flip = (bytes: Uint8Array, at: number, mask: number): Uint8Array => {
  const out = bytes.slice();
  const i = Math.floor(at * out.length);
  out[i] = (out[i] as number) ^ mask;
  return out;
};

const spanOf = (s: number, e: number) => [s, e] as const;

/** `body` (a stream without its signature) with a signature by `secret` over it, where it belongs. */
export const signed = (
  kind: 'invoice_request' | 'invoice',
  body: Uint8Array,
  secret: Uint8Array,
): Uint8Array => {
  let signature = new Uint8Array(64);
  let at = body.length;
  try {
    const records = readTlvStream(body, spanOf);
    const root = merkleRoot(body, records);
    signature = schnorr.sign(signatureHash(kind, 'signature', root), secret, new Uint8Array(32));
    at = records.find((r) => r.type > 240n)?.start ?? body.length;
  } catch {
    // Not a stream, or no records: any signature will do, the message is refused before it.
  }
  const record = writeTlvStream([{ type: 240n, value: signature }]);
  return Uint8Array.from([...body.subarray(0, at), ...record, ...body.subarray(at)]);
};

/** The records of a message without its signature. */
const bodyOf = (records: readonly TlvRecord[]): Uint8Array =>
  writeTlvStream(records.filter((r) => r.type !== 240n));

/** Damaged copies of a built message. */
const damaged = (
  kind: Bolt12Kind,
  label: string,
  bytes: Uint8Array,
  damage: ScenarioValue['damage'],
  secret: Uint8Array | undefined,
): Sample[] => {
  const [a, b, c] = damage as [(typeof damage)[0], (typeof damage)[0], (typeof damage)[0]];
  const out = [
    sampleOf(
      kind,
      `${label}, byte ${Math.floor(a.at * bytes.length)} ^ ${a.mask}`,
      flip(bytes, a.at, a.mask),
    ),
    sampleOf(
      kind,
      `${label}, cut at ${Math.floor(c.cut * bytes.length)}`,
      bytes.subarray(0, Math.floor(c.cut * bytes.length)),
    ),
  ];
  if (kind !== 'offer' && secret !== undefined) {
    const records = readTlvStream(bytes, spanOf);
    const body = bodyOf(records);
    out.push(
      sampleOf(
        kind,
        `${label}, body byte ${Math.floor(b.at * body.length)} ^ ${b.mask}, re-signed`,
        signed(kind, flip(body, b.at, b.mask), secret),
      ),
    );
  }
  return out;
};

/** What `generate` made: the built messages and their damaged copies, and what could not be built. */
export interface Generated {
  readonly samples: Sample[];
  /** Builds the builders refused (a parameter combination no valid message has), by stage. */
  readonly refused: { offer: number; invoice_request: number; invoice: number };
  /** The built invoice requests and invoices with their signing keys, for rule edits. */
  readonly signedMessages: {
    kind: 'invoice_request' | 'invoice';
    label: string;
    records: TlvRecord[];
    secret: Uint8Array;
  }[];
}

/** `count` scenarios drawn with `seed`: each an offer, a request answering it, an invoice answering that. */
export const generate = (seed: number, count: number): Generated => {
  const samples: Sample[] = [];
  const refused = { offer: 0, invoice_request: 0, invoice: 0 };
  const signedMessages: Generated['signedMessages'] = [];
  const scenarios = fc.sample(scenarioArb, { seed, numRuns: count });
  scenarios.forEach((s, n) => {
    let offer: Offer;
    try {
      offer = createOffer(offerParams(s.offer));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      refused.offer++;
      return;
    }
    const offerText = encodeBolt12(offer);
    samples.push(sampleOf('offer', `offer ${n}`, bytesOf(offerText), true));
    samples.push(...damaged('offer', `offer ${n}`, bytesOf(offerText), s.damage, undefined));

    const payerSecret = secretOf(s.request.payer);
    let requestText: string;
    try {
      requestText = signBolt12(createInvoiceRequest(requestParams(offer, s.request)), payerSecret);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      refused.invoice_request++;
      return;
    }
    const requestBytes = bytesOf(requestText);
    samples.push(sampleOf('invoice_request', `request ${n}`, requestBytes, true));
    samples.push(
      ...damaged('invoice_request', `request ${n}`, requestBytes, s.damage, payerSecret),
    );
    signedMessages.push({
      kind: 'invoice_request',
      label: `request ${n}`,
      records: readTlvStream(requestBytes, spanOf),
      secret: payerSecret,
    });

    let invoiceText: string;
    let nodeSecret: Uint8Array;
    try {
      const unsigned = createInvoice(invoiceParams(decodeInvoiceRequest(requestText), s.invoice));
      nodeSecret = secretOf(unsigned.signingKey);
      invoiceText = signBolt12(unsigned, nodeSecret);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      refused.invoice++;
      return;
    }
    const invoiceBytes = bytesOf(invoiceText);
    samples.push(sampleOf('invoice', `invoice ${n}`, invoiceBytes, true));
    samples.push(...damaged('invoice', `invoice ${n}`, invoiceBytes, s.damage, nodeSecret));
    signedMessages.push({
      kind: 'invoice',
      label: `invoice ${n}`,
      records: readTlvStream(invoiceBytes, spanOf),
      secret: nodeSecret,
    });
  });
  return { samples, refused, signedMessages };
};

export { KEYS };
