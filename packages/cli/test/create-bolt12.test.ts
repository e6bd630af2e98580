// `lninvoice create offer | invoice-request | invoice`, run as a user runs them.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bolt12ToJSON,
  checkInvoiceForRequest,
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeInvoice,
  decodeInvoiceRequest,
  decodeOffer,
  encodeBolt12,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';
import { describe, expect, it } from 'vitest';
import { G, PATH } from './bolt12-examples.js';
import { run } from './helpers.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();

const ALICE = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734'; // the issuer
const BOB = '42'.repeat(32); // the payer
const ALICE_ID = hex(nodeKeyOf(ALICE));
const BOB_ID = hex(nodeKeyOf(BOB));
const dir = mkdtempSync(join(tmpdir(), 'lninvoice-cli-bolt12-'));
const aliceKey = join(dir, 'alice.key');
const bobKey = join(dir, 'bob.key');
writeFileSync(aliceKey, `${ALICE}\n`);
writeFileSync(bobKey, Buffer.from(BOB, 'hex'));

const OFFER_FLAGS = [
  '--description',
  'a coffee',
  '--amount-msat',
  '21000',
  '--issuer',
  'example.com',
  '--quantity-max',
  '5',
  '--absolute-expiry',
  '2000000000',
  '--chain',
  'bitcoin',
  '--chain',
  'signet',
];
const OFFER_PARAMS = {
  description: 'a coffee',
  amountMsat: 21000n,
  issuer: 'example.com',
  quantityMax: 5n,
  absoluteExpiry: 2000000000n,
  chains: ['bitcoin', 'signet'],
  issuerId: ALICE_ID,
};
const OFFER = encodeBolt12(createOffer(OFFER_PARAMS));

/** The path flag of PATH (see bolt12-examples.ts). */
const PATH_FLAG = `${G},${G},1000,100,144,1,10000000000,${G}:aabb`;

describe('lninvoice create offer', () => {
  it('prints the offer the library makes from the same parameters', () => {
    const r = run(['create', 'offer', '--issuer-id', ALICE_ID, ...OFFER_FLAGS]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`${OFFER}\n`);
  });

  it('round-trips through decode: every flag is a field of the JSON view', () => {
    const made = run(['create', 'offer', '--key-file', aliceKey, ...OFFER_FLAGS]).stdout.trim();
    expect(made).toBe(OFFER);
    const json = JSON.parse(run(['decode', made]).stdout);
    expect(json).toMatchObject({
      kind: 'offer',
      offer_description: 'a coffee',
      offer_amount: '21000',
      offer_currency: null,
      offer_issuer: 'example.com',
      offer_quantity_max: '5',
      offer_absolute_expiry: '2000000000',
      offer_chains: ['bitcoin', 'signet'],
      offer_issuer_id: ALICE_ID,
    });
  });

  it('takes sats, a price in a currency, upper case and --json', () => {
    const sats = run([
      'create',
      'offer',
      '--issuer-id',
      ALICE_ID,
      '--amount-sat',
      '21',
      '--description',
      'x',
    ]);
    expect(decodeOffer(sats.stdout.trim()).amountMsat).toBe(21000n);
    const r = run([
      'create',
      'offer',
      '--key-file',
      aliceKey,
      '--amount',
      '250',
      '--currency',
      'USD',
      '--description',
      'a tea',
      '--uppercase',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['offer', 'offer_id']);
    expect(json.offer).toBe(json.offer.toUpperCase());
    const offer = decodeOffer(json.offer);
    expect([offer.amount, offer.currency, offer.amountMsat]).toEqual([250n, 'USD', undefined]);
    expect(json.offer_id).toEqual(bolt12ToJSON(offer).offer_id);
  });

  it('makes an offer without an amount: the payer chooses', () => {
    const r = run(['create', 'offer', '--issuer-id', ALICE_ID]);
    expect(bolt12ToJSON(decodeOffer(r.stdout.trim()))).toMatchObject({
      offer_amount: null,
      offer_description: null,
      offer_issuer_id: ALICE_ID,
    });
  });
});

describe('lninvoice create invoice-request', () => {
  it('signs the request the library makes, with the payer key of --key-file', () => {
    const r = run([
      'create',
      'invoice-request',
      '--offer',
      OFFER,
      '--key-file',
      bobKey,
      '--quantity',
      '2',
      '--payer-note',
      'thanks',
      '--chain',
      'signet',
      '--metadata',
      '0102',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const expected = signBolt12(
      createInvoiceRequest({
        offer: OFFER,
        payerId: BOB_ID,
        quantity: 2n,
        payerNote: 'thanks',
        chain: 'signet',
        invreqMetadata: '0102',
      }),
      BOB,
    );
    expect(r.stdout).toBe(`${expected}\n`);
    const json = JSON.parse(run(['decode', r.stdout.trim()]).stdout);
    expect(json).toMatchObject({
      kind: 'invoice_request',
      invreq_payer_id: BOB_ID,
      invreq_quantity: '2',
      invreq_chain: 'signet',
      invreq_payer_note: 'thanks',
      verified: true,
    });
  });

  it('makes new metadata each time, and prints JSON with --json', () => {
    const args = ['create', 'invoice-request', '--offer', OFFER, '--key-file', bobKey];
    const a = run([...args, '--quantity', '1', '--amount-sat', '30', '--json']);
    const json = JSON.parse(a.stdout);
    expect(json.payer_id).toBe(BOB_ID);
    const request = decodeInvoiceRequest(json.invoice_request);
    expect(request.amountMsat).toBe(30000n);
    const b = decodeInvoiceRequest(run([...args, '--quantity', '1']).stdout.trim());
    expect(hex(b.invreqMetadata)).not.toBe(hex(request.invreqMetadata));
    expect(b.invreqMetadata).toHaveLength(32);
  });
});

describe('lninvoice create invoice', () => {
  const REQUEST = signBolt12(
    createInvoiceRequest({ offer: OFFER, payerId: BOB_ID, quantity: 2n, invreqMetadata: '01' }),
    BOB,
  );

  it('signs the invoice the library makes, with paths from --path', () => {
    const r = run([
      'create',
      'invoice',
      '--request',
      REQUEST,
      '--key-file',
      aliceKey,
      '--path',
      PATH_FLAG,
      '--path',
      `700000x1x2/1,${G},0,0,40,1000,2000,${G}:,${G}:0102`,
      '--payment-hash',
      '11'.repeat(32),
      '--timestamp',
      '1700000000',
      '--expiry',
      '600',
      '--fallback',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const expected = signBolt12(
      createInvoice({
        request: REQUEST,
        paths: [
          PATH,
          {
            firstNodeId: { shortChannelId: '700000x1x2', direction: 1 },
            firstPathKey: G,
            hops: [
              { blindedNodeId: G, encryptedRecipientData: '' },
              { blindedNodeId: G, encryptedRecipientData: '0102' },
            ],
            blindedPayInfo: {
              feeBaseMsat: 0,
              feeProportionalMillionths: 0,
              cltvExpiryDelta: 40,
              htlcMinimumMsat: 1000n,
              htlcMaximumMsat: 2000n,
            },
          },
        ],
        paymentHash: '11'.repeat(32),
        createdAt: 1700000000,
        relativeExpiry: 600,
        fallbacks: ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
      }),
      ALICE,
    );
    expect(r.stdout).toBe(`${expected}\n`);
    const invoice = decodeInvoice(r.stdout.trim());
    expect(checkInvoiceForRequest(invoice, decodeInvoiceRequest(REQUEST)).ok).toBe(true);
    const json = JSON.parse(run(['decode', r.stdout.trim()]).stdout);
    expect(json).toMatchObject({ kind: 'invoice', invoice_amount: '42000', verified: true });
    expect(json.invoice_paths.map((p: { first_scid: string | null }) => p.first_scid)).toEqual([
      null,
      '700000x1x2',
    ]);
  });

  it('makes a preimage when given none, and prints it after the invoice', () => {
    const r = run([
      'create',
      'invoice',
      '--request',
      REQUEST,
      '--key-file',
      aliceKey,
      '--path',
      PATH_FLAG,
    ]);
    expect(r.code).toBe(0);
    const [invoice, preimageLine] = r.stdout.trim().split('\n');
    const preimage = preimageLine?.replace('preimage ', '') ?? '';
    expect(preimage).toMatch(/^[0-9a-f]{64}$/);
    expect(hex(decodeInvoice(invoice ?? '').paymentHash)).toBe(
      hex(sha256(Buffer.from(preimage, 'hex'))),
    );
  });

  it('takes --preimage, and prints JSON with --json and upper case', () => {
    const preimage = '22'.repeat(32);
    const r = run([
      'create',
      'invoice',
      '--request',
      REQUEST,
      '--key-file',
      aliceKey,
      '--path',
      PATH_FLAG,
      '--preimage',
      preimage,
      '--uppercase',
      '--json',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.invoice).toBe(json.invoice.toUpperCase());
    expect(json.preimage).toBeNull();
    expect(json.payment_hash).toBe(hex(sha256(Buffer.from(preimage, 'hex'))));
    expect(hex(decodeInvoice(json.invoice).paymentHash)).toBe(json.payment_hash);
  });
});

describe('lninvoice create offer | invoice-request | invoice: bad options', () => {
  const REQUEST = signBolt12(
    createInvoiceRequest({ offer: OFFER, payerId: BOB_ID, quantity: 1n, invreqMetadata: '01' }),
    BOB,
  );
  const offer = ['create', 'offer', '--issuer-id', ALICE_ID];
  const request = ['create', 'invoice-request', '--offer', OFFER, '--key-file', bobKey];
  const invoice = ['create', 'invoice', '--request', REQUEST, '--key-file', aliceKey];
  const cases: [string[], string][] = [
    [['create', 'offer', '--description', 'x'], '--issuer-id or --key-file is required'],
    [[...offer, '--key-file', aliceKey], 'give --issuer-id or --key-file, not both'],
    [[...offer, '--amount-sat', '21'], '--description is required with an amount'],
    [
      [...offer, '--amount-msat', '1', '--amount-sat', '1'],
      'give --amount-msat or --amount-sat, not both',
    ],
    [[...offer, '--amount', '5'], '--amount and --currency go together'],
    [[...offer, '--amount', '5', '--currency', 'USD', '--amount-msat', '5'], 'not several'],
    [
      [...offer, '--amount', '5', '--currency', 'usd', '--description', 'x'],
      '--currency must be an ISO 4217 code of three capital letters, got "usd"',
    ],
    [[...offer, '--amount-msat', '1.5'], '--amount-msat must be a whole number'],
    [[...offer, '--amount-msat', '0', '--description', 'x'], '--amount-msat must be from 1'],
    [[...offer, '--chain', 'mainnet'], '--chain #1 must be bitcoin, testnet, testnet4, signet'],
    [['create', 'offer', '--issuer-id', '02ff'], '--issuer-id must be 33 bytes'],
    [['create', 'offer', '--issuer-id', `02${'ff'.repeat(32)}`], '--issuer-id is not a compressed'],
    [[...offer, '--quantity-max', `${2n ** 64n}`], '--quantity-max must be from 0 to'],
    [[...offer, '--absolute-expiry', 'tomorrow'], '--absolute-expiry must be a whole number'],
    [[...offer, 'extra'], 'unexpected argument "extra": this command takes options only'],
    [[...offer, '--bogus'], 'unknown option --bogus'],
    [['create', 'offer', '--key-file', join(dir, 'missing')], 'cannot read --key-file'],
    [['create', 'invoice-request', '--key-file', bobKey], '--offer is required'],
    [['create', 'invoice-request', '--offer', OFFER], '--key-file is required'],
    [
      [...request.slice(0, 2), '--offer', 'lno1qq', '--key-file', bobKey],
      '--offer: truncated-record',
    ],
    [[...request, '--quantity', '9'], '--quantity must be from 1 to 5, got 9'],
    [request, '--quantity is required: the offer sells up to 5 items'],
    [
      [...request, '--quantity', '1', '--chain', 'testnet'],
      "--chain testnet is not one of the offer's chains",
    ],
    [[...request, '--quantity', '1', '--metadata', 'xyz'], '--metadata must be hex'],
    [
      ['create', 'invoice', '--request', REQUEST, '--key-file', bobKey, '--path', PATH_FLAG],
      `is the key of ${BOB_ID}, not of the offer's issuer id ${ALICE_ID}`,
    ],
    [['create', 'invoice', '--key-file', aliceKey, '--path', PATH_FLAG], '--request is required'],
    [
      [
        'create',
        'invoice',
        '--request',
        tamperedRequest(REQUEST),
        '--key-file',
        aliceKey,
        '--path',
        PATH_FLAG,
      ],
      '--request: invalid-signature',
    ],
    [invoice, '--path is required (at least one)'],
    [[...invoice, '--path', 'abc'], '--path "abc" must be <first_node_id>,<first_path_key>'],
    [
      [...invoice, '--path', `${G},02ff,1,1,1,1,1,${G}:aa`],
      '--path #1 first_path_key must be 33 bytes',
    ],
    [
      [...invoice, '--path', `${G},${G},1,1,1,1,1,02ff:aa`],
      '--path #1 hop 1 blinded_node_id must be 33 bytes',
    ],
    [[...invoice, '--path', `1x2/0,${G},1,1,1,1,1,${G}:aa`], '--path #1 first_node_id must be'],
    [
      [...invoice, '--path', `${G},${G},1,1,1,1,1,${G}`],
      `--path hop "${G}" must be <blinded_node_id>:<encrypted_data>`,
    ],
    [
      [...invoice, '--path', `${G},${G},x,1,1,1,1,${G}:`],
      '--path fee_base_msat must be a whole number',
    ],
    [
      [...invoice, '--path', `${G},${G},1,1,70000,1,1,${G}:`],
      '--path #1 cltv_delta must be an integer from 0 to 65535',
    ],
    [[...invoice, '--path', PATH_FLAG, '--payment-hash', '00'], '--payment-hash must be 32 bytes'],
    [[...invoice, '--path', PATH_FLAG, '--preimage', '00'], '--preimage must be 32 bytes'],
    [
      [
        ...invoice,
        '--path',
        PATH_FLAG,
        '--preimage',
        '00'.repeat(32),
        '--payment-hash',
        '00'.repeat(32),
      ],
      'give --preimage or --payment-hash, not both',
    ],
    [
      [...invoice, '--path', PATH_FLAG, '--amount-msat', '5'],
      '--amount-msat is only for an offer priced in a currency',
    ],
    [
      [...invoice, '--path', PATH_FLAG, '--fallback', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx'],
      '--fallback #1: address',
    ],
    [[...invoice, '--path', PATH_FLAG, '--expiry=-1'], '--expiry must be a whole number'],
  ];

  it.each(cases)('%j: exits 2 and names the option', (args, message) => {
    const r = run(args);
    const kind = args[1] as string;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`lninvoice create ${kind}: `);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(`Run "lninvoice create ${kind} --help" for usage.`);
    // The library's parameter names never reach the user.
    expect(r.stderr).not.toMatch(/params|issuerId|amountMsat|firstPathKey/);
  });
});

describe('help', () => {
  it('each create command has its help, and create and the command list name them', () => {
    expect(run(['create', 'offer', '--help']).stdout).toContain('--quantity-max <n>');
    expect(run(['create', 'invoice-request', '-h']).stdout).toContain('--offer <offer>');
    expect(run(['create', 'invoice', '--help']).stdout).toContain('--path <path>');
    expect(run(['create', '--help']).stdout).toContain('create offer | invoice-request | invoice');
    expect(run(['--help']).stdout).toContain('create offer | invoice-request | invoice');
    expect(run(['decode', '--help']).stdout).toContain('BOLT 12 offer (lno1…)');
  });
});

/** `text` (an invoice request) with a record changed after it was signed. */
function tamperedRequest(text: string): string {
  const records = decodeInvoiceRequest(text).records.map((r) =>
    r.type === 0n ? { type: r.type, value: Uint8Array.of(9) } : r,
  );
  return encodeBolt12({ kind: 'invoice_request', records });
}
