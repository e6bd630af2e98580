// One casing across the JSON of every command: snake_case, as lncli and the views of decode and
// validate write it; inspect, uri parse, lnurl decode and the `parsed` of BIP 353 were camelCase.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffer, encodeBolt12 } from '@lninvoice/bolt12';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { BIP353_EXAMPLES, bareProof, VALID_AT } from './bip353-examples.js';
import { run } from './helpers.js';

const COFFEE = valid.find((v) => v.name === 'coffee-2500u-expiry-60')?.invoice as string;
const NODE = '02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619';
const ADDRESS = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const OFFER = encodeBolt12(
  createOffer({ description: 'a coffee', amountMsat: 21_000n, quantityMax: 5n, issuerId: NODE }),
);
const dir = mkdtempSync(join(tmpdir(), 'lninvoice-casing-'));
const KEY = join(dir, 'key.hex');
writeFileSync(KEY, 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734');
const SIMPLE = BIP353_EXAMPLES[0] as (typeof BIP353_EXAMPLES)[number];

/** Every key of `value` that is not snake_case, with its path; `unknown` holds data, not fields. */
const otherKeys = (value: unknown, path = '$'): string[] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => otherKeys(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(/^[a-z0-9_]+$/.test(key) ? [] : [`${path}.${key}`]),
    ...(key === 'unknown' ? [] : otherKeys(v, `${path}.${key}`)),
  ]);
};

/** The JSON a command prints (its first line of JSON, for one read from standard input). */
const json = (args: string[], input?: string): unknown => {
  const r = run(args, input);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout);
};

describe('every command prints its JSON in snake_case', () => {
  it.each([
    ['decode (BOLT 11)', ['decode', COFFEE]],
    ['decode (BOLT 12)', ['decode', OFFER]],
    [
      'validate --json',
      ['validate', COFFEE, '--json', '--network', 'bitcoin', '--now', '1496314658'],
    ],
    ['validate --json (BOLT 12)', ['validate', OFFER, '--json', '--network', 'bitcoin']],
    ['inspect a node URI', ['inspect', `${NODE}@127.0.0.1:9735`]],
    ['inspect an address', ['inspect', ADDRESS]],
    ['inspect a LUD-17 URL', ['inspect', 'lnurlp://example.com/p']],
    ['inspect a BIP 353 name', ['inspect', '₿matt@mattcorallo.com']],
    ['inspect an offer', ['inspect', OFFER]],
    ['uri parse', ['uri', 'parse', `bitcoin:${ADDRESS}?amount=1&lno=${OFFER}&my-Param=1`]],
    ['uri parse (lightning:)', ['uri', 'parse', `lightning:${COFFEE}`]],
    ['lnurl decode', ['lnurl', 'decode', 'satoshi+tip@bitcoin.org']],
    [
      'create --json',
      ['create', '--network', 'signet', '--key-file', KEY, '--description', 'a', '--json'],
    ],
    ['create offer --json', ['create', 'offer', '--issuer-id', NODE, '--json']],
    [
      'verify-proof --json',
      ['verify-proof', SIMPLE.name, bareProof(SIMPLE), '--now', String(VALID_AT), '--json'],
    ],
  ])('%s', (_, args) => {
    expect(otherKeys(json(args))).toEqual([]);
  });
});

describe('inspect and uri parse', () => {
  it('were camelCase: now node_id, witness_version, lnurl_scheme, issuer_id, dns_name', () => {
    expect(json(['inspect', `${NODE}@127.0.0.1:9735`])).toMatchObject({ node_id: NODE });
    expect(json(['inspect', ADDRESS])).toMatchObject({ witness_version: 0 });
    expect(json(['inspect', 'lnurlp://example.com/p'])).toMatchObject({ lnurl_scheme: 'lnurlp' });
    expect(json(['inspect', '₿matt@mattcorallo.com'])).toMatchObject({
      dns_name: 'matt.user._bitcoin-payment.mattcorallo.com',
    });
    const uri = json(['uri', 'parse', `bitcoin:?lno=${OFFER}`]) as { offers: unknown[] };
    expect(uri.offers[0]).toMatchObject({
      issuer_id: NODE,
      quantity_max: '5',
      amount_msat: '21000',
    });
  });

  it('keep the names of unknown URI parameters as they were read', () => {
    const uri = json(['uri', 'parse', `bitcoin:${ADDRESS}?my-Param=1&otherParam=2`]);
    expect((uri as { unknown: unknown }).unknown).toEqual({ 'my-param': ['1'], otherparam: ['2'] });
  });

  it('print the same JSON from standard input, on one line each', () => {
    const r = run(['inspect', '-'], `${NODE}@127.0.0.1:9735\n`);
    expect(JSON.parse(r.stdout)).toEqual(json(['inspect', `${NODE}@127.0.0.1:9735`]));
  });
});
