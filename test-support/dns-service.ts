// The DNS world of the tests of @lninvoice/bip353 (and of the CLI and browser tests after them): a
// ready-made set of signed zones, the names in them and what each one exhibits, on top of the
// world builder (dns-zones.ts) and the DNS-over-HTTPS endpoint (dns-doh-server.ts) it re-exports.
//
//   const world = await scenarioWorld();               // signed for SCENARIO_NOW
//   const doh = await startDohServer(world);           // doh.url: http://127.0.0.1:…/dns-query
//   world.trustAnchor                                  // the root KSK's DS: validation starts there
//   authenticationChain(world, scenario('alice').name) // RFC 9102 proof bytes, for offline checks
//
// Everything here is written from the RFCs, apart from the package it tests: nothing is imported
// from packages/bip353.
import { buildWorld, type TrustAnchor, type World, type ZoneSpec } from './dns-zones.js';

export * from './dns-doh-server.js';
export * from './dns-zones.js';

/** The time the scenario world is signed for (2025-06-15T15:06:40Z): tests validate at it. */
export const SCENARIO_NOW = 1_750_000_000;

/** A valid mainnet address (BIP 353's example proof pays it). */
export const ADDRESS = 'bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l';
/** A valid BOLT 12 offer (566 characters, from the BOLT 12 test vectors, with blinded paths). */
export const LONG_OFFER =
  'lno1pgx9getnwss8vetrw3hhyucsl5qj5qeyv5l2cs6y3qqzesrth7mlzrlp3xg7xhulusczm04x6g6nms9trspqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqqsqqqqqqqqqqqqqqqqqqqqqqqqqqpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqsqpqg3zyg3zyg3zygpqqqqzqqqqgqqxqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqqgqqqqqqqqqqqqqqqqqqqqqqqqqqqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgqqsg3zyg3zyg3zygtzzqhwcuj966ma9n9nqwqtl032xeyv6755yeflt235pmww58egx6rxry';
/** A shorter valid offer (188 characters, for bitcoin or liquidv1). */
export const SHORT_OFFER =
  'lno1qfqpge38tqmzyrdjj3x2qkdr5y80dlfw56ztq6yd9sme995g3gsxqqm0u2xq4dh3kdevrf4zg6hx8a60jv0gxe0ptgyfc6xkryqqqqqqqq9qc4r9wd6zqan9vd6x7unnzcss9mk8y3wkklfvevcrszlmu23kfrxh49px20665dqwmn4p72pksese';

/** alice's URI: 620 characters, three TXT character-strings (255 + 255 + 110). */
export const ALICE_URI = `bitcoin:?lno=${LONG_OFFER}&label=Alice%20the%20baker%20at%20example`;
export const ADDRESS_URI = `bitcoin:${ADDRESS}`;
export const CAROL_URI = `bitcoin:?lno=${SHORT_OFFER}`;

/** `user.user._bitcoin-payment.domain` (BIP 353 "Records"). */
export const dnsNameOf = (user: string, domain: string): string =>
  `${user}.user._bitcoin-payment.${domain}`;

const U = (user: string, domain = 'example.test') => dnsNameOf(user, domain);

/** Zones that each hold `alice.user._bitcoin-payment.<zone>` TXT ADDRESS_URI and one fault. */
const faultZone = (name: string, zone: Omit<ZoneSpec, 'name'>): ZoneSpec => ({
  name,
  ...zone,
  records: [{ name: U('alice', name), type: 'TXT', data: ADDRESS_URI }, ...(zone.records ?? [])],
});

/**
 * The zones of the scenario world, signed for `now`. Keys: root RSA-2048 (algorithm 8); `test`
 * P-256 (13); `example.test` Ed25519 (15), NSEC3 with salt and one extra iteration; `other.test`
 * RSA-2048; `alias.test` P-256; the rest as their names say.
 */
export const scenarioZones = (now: number): ZoneSpec[] => [
  { name: '.', algorithm: 8, bits: 2048, denial: 'nsec' },
  { name: 'test', algorithm: 13 },
  {
    name: 'example.test',
    algorithm: 15,
    nsec3: { iterations: 1, salt: Uint8Array.of(0xab, 0x12, 0xcd, 0x34) },
    dsTtl: 7200,
    records: [
      { name: U('alice'), type: 'TXT', data: ALICE_URI, ttl: 1800 },
      { name: U('bob'), type: 'TXT', data: 'v=spf1 -all' },
      { name: U('bob'), type: 'TXT', data: 'bitcoin is cool!' },
      { name: U('bob'), type: 'TXT', data: ADDRESS_URI },
      { name: U('twice'), type: 'TXT', data: ADDRESS_URI },
      { name: U('twice'), type: 'TXT', data: CAROL_URI },
      { name: U('twice-case'), type: 'TXT', data: ADDRESS_URI },
      { name: U('twice-case'), type: 'TXT', data: `BITCOIN:?lno=${SHORT_OFFER}` },
      { name: U('upper'), type: 'TXT', data: ADDRESS_URI.toUpperCase() },
      {
        name: U('split'),
        type: 'TXT',
        data: ['bitcoin:bc1qztwy6x', '', `en3zdtt7z0vrgapmjt`, 'fz8acjkfp5fp7l'],
      },
      { name: U('nobtc'), type: 'TXT', data: 'v=spf1 -all' },
      { name: U('nobtc'), type: 'TXT', data: 'bitcoin is cool!' },
      { name: U('short'), type: 'TXT', data: ADDRESS_URI, ttl: 60 },
      { name: U('carol'), type: 'CNAME', data: U('carol', 'other.test') },
      { name: U('dave'), type: 'CNAME', data: 'Carol.USER._bitcoin-payment.Other.TEST' },
      { name: 'Erin.User._bitcoin-payment.Example.Test', type: 'TXT', data: ADDRESS_URI },
      { name: U('loop'), type: 'CNAME', data: U('loop2') },
      { name: U('loop2'), type: 'CNAME', data: U('loop') },
      {
        name: U('cname-unsigned'),
        type: 'CNAME',
        data: U('carol', 'other.test'),
        signature: { omit: true },
      },
      { name: U('cname-dangling'), type: 'CNAME', data: U('nobody', 'other.test') },
      { name: U('nodata'), type: 'A', data: '192.0.2.1' },
      {
        name: U('expired'),
        type: 'TXT',
        data: ADDRESS_URI,
        signature: { inception: now - 30 * 86400, expiration: now - 86400 },
      },
      {
        name: U('future'),
        type: 'TXT',
        data: ADDRESS_URI,
        signature: { inception: now + 86400, expiration: now + 30 * 86400 },
      },
      { name: U('tampered'), type: 'TXT', data: ADDRESS_URI, signature: { tamper: true } },
      { name: U('unsigned'), type: 'TXT', data: ADDRESS_URI, signature: { omit: true } },
      { name: U('mallory'), type: 'TXT', data: ADDRESS_URI, signature: { signer: 'other.test' } },
      { name: `*.${U('wild')}`, type: 'TXT', data: ADDRESS_URI },
    ],
  },
  {
    name: 'other.test',
    algorithm: 8,
    bits: 2048,
    records: [{ name: U('carol', 'other.test'), type: 'TXT', data: CAROL_URI }],
  },
  {
    name: 'alias.test',
    algorithm: 13,
    records: [
      {
        name: 'user._bitcoin-payment.alias.test',
        type: 'DNAME',
        data: 'user._bitcoin-payment.example.test',
      },
    ],
  },
  {
    name: 'wild.test',
    algorithm: 13,
    records: [{ name: '*.user._bitcoin-payment.wild.test', type: 'TXT', data: ADDRESS_URI }],
  },
  {
    name: 'nowild.test',
    algorithm: 13,
    omitWildcardProof: true,
    records: [{ name: '*.user._bitcoin-payment.nowild.test', type: 'TXT', data: ADDRESS_URI }],
  },
  {
    name: 'wildnsec.test',
    algorithm: 15,
    denial: 'nsec',
    records: [{ name: '*.user._bitcoin-payment.wildnsec.test', type: 'TXT', data: ADDRESS_URI }],
  },
  faultZone('ttl.test', { algorithm: 13, ttl: 600, dnskeyTtl: 45, dsTtl: 30 }),
  faultZone('dsmismatch.test', { algorithm: 13, ds: 'other-key' }),
  faultZone('dsdigest.test', { algorithm: 13, ds: 'bad-digest' }),
  faultZone('nods.test', { algorithm: 13, ds: 'none' }),
  faultZone('zsksigned.test', { algorithm: 13, dnskeySigners: ['zsk'] }),
  faultZone('dnskeyexpired.test', {
    algorithm: 13,
    dnskeySignature: { inception: now - 30 * 86400, expiration: now - 86400 },
  }),
  faultZone('dsunsigned.test', { algorithm: 13, dsSignature: { omit: true } }),
  faultZone('dstampered.test', { algorithm: 13, dsSignature: { tamper: true } }),
  faultZone('rsa768.test', { algorithm: 8, bits: 768 }),
  faultZone('rsa1024.test', { algorithm: 8, bits: 1024 }),
  faultZone('rsasha1.test', { algorithm: 5, bits: 2048 }),
  faultZone('nsec3sha1.test', { algorithm: 7, bits: 2048 }),
  faultZone('rsasha512.test', { algorithm: 10, bits: 2048 }),
  faultZone('p384.test', { algorithm: 14 }),
  faultZone('ed448.test', { algorithm: 16 }),
  faultZone('unknownalg.test', { algorithm: 253 }),
  faultZone('dssha1.test', { algorithm: 13, digestType: 1 }),
  faultZone('dssha384.test', { algorithm: 13, digestType: 4 }),
];

const worlds = new Map<number, Promise<World>>();

/** The scenario world signed for `now` (built once per `now` and process). */
export const scenarioWorld = (now: number = SCENARIO_NOW): Promise<World> => {
  let world = worlds.get(now);
  if (!world) {
    world = buildWorld({ now, zones: scenarioZones(now) });
    worlds.set(now, world);
  }
  return world;
};

/** A trust anchor naming the root KSK's tag and algorithm with a wrong digest. */
export const wrongTrustAnchor = (world: World): TrustAnchor => ({
  ...world.trustAnchor,
  digest: world.trustAnchor.digest.map((byte, i) => (i === 0 ? byte ^ 0xff : byte)),
});

/** What resolving a scenario gives. */
export interface Expected {
  /** The payment instructions (the TXT strings concatenated), when it resolves. */
  readonly uri?: string;
  /** The lowest TTL of the chain, when it resolves. */
  readonly ttl?: number;
  /**
   * The error codes (BIP353_ERROR_CODES) a refusal may carry; with `uri` too, the library may
   * either accept or refuse with one of them (an algorithm or digest it may not support).
   */
  readonly errors?: readonly string[];
}

export interface Scenario {
  readonly id: string;
  /** The BIP 353 name, without the ₿. */
  readonly address: string;
  /** The DNS name of its TXT record. */
  readonly name: string;
  /** What it exhibits. */
  readonly note: string;
  readonly expected: Expected;
}

const S = (
  id: string,
  user: string,
  domain: string,
  note: string,
  expected: Expected,
): Scenario => ({
  id,
  address: `${user}@${domain}`,
  name: dnsNameOf(user, domain),
  note,
  expected,
});

/**
 * The scenarios, by id. Each name is `<user>.user._bitcoin-payment.<domain>`, written `user@domain`
 * below; proofs start at the root KSK (world.trustAnchor) and are checked at SCENARIO_NOW. Keys:
 * root RSA-2048 (8) → test P-256 (13) → example.test Ed25519 (15); other.test RSA-2048 (8).
 *
 * | id              | user@domain              | exhibits                    | expected           |
 * |-----------------|--------------------------|-----------------------------|--------------------|
 * | alice           | alice@example.test       | a 620-char URI in strings   | ALICE_URI, ttl     |
 * |                 |                          | of 255, 255 and 110 bytes   | 1800               |
 * | bob             | bob@example.test         | "v=spf1 -all", "bitcoin is  | ADDRESS_URI        |
 * |                 |                          | cool!" and one bitcoin:     |                    |
 * |                 |                          | record                      |                    |
 * | twice           | twice@example.test       | two bitcoin: records        | duplicate-payment- |
 * |                 |                          |                             | instructions       |
 * | twice-case      | twice-case@example.test  | a bitcoin: and a BITCOIN:   | duplicate-payment- |
 * |                 |                          | record                      | instructions       |
 * | upper           | upper@example.test       | one BITCOIN:BC1Q… record    | that URI           |
 * | split           | split@example.test       | 4 strings, one empty, split | ADDRESS_URI        |
 * |                 |                          | mid-address                 |                    |
 * | nobtc           | nobtc@example.test       | the two decoys only         | missing-payment-   |
 * |                 |                          |                             | instructions       |
 * | short           | short@example.test       | TXT TTL 60                  | ADDRESS_URI, ttl   |
 * |                 |                          |                             | 60                 |
 * | carol           | carol@example.test       | CNAME to carol@other.test   | CAROL_URI          |
 * |                 |                          | (RSA zone)                  |                    |
 * | dave            | dave@example.test        | CNAME to                    | CAROL_URI          |
 * |                 |                          | Carol.USER._bitcoin-        |                    |
 * |                 |                          | payment.Other.TEST          |                    |
 * | erin            | erin@example.test        | owner written               | ADDRESS_URI        |
 * |                 |                          | Erin.User._bitcoin-         |                    |
 * |                 |                          | payment.Example.Test,       |                    |
 * |                 |                          | served so                   |                    |
 * | dname           | alice@alias.test         | DNAME user._bitcoin-        | ALICE_URI, ttl     |
 * |                 |                          | payment.alias.test →        | 1800               |
 * |                 |                          | …example.test; synthesized  |                    |
 * |                 |                          | CNAME                       |                    |
 * | wildcard        | anyone.wild@example.test | *.wild.user._bitcoin-       | ADDRESS_URI        |
 * |                 |                          | payment.example.test; NSEC3 |                    |
 * |                 |                          | salt ab12cd34, 1 iteration  |                    |
 * | wild            | anyone@wild.test         | *.user._bitcoin-            | ADDRESS_URI        |
 * |                 |                          | payment.wild.test; NSEC3,   |                    |
 * |                 |                          | no salt, 0 iterations       |                    |
 * | wild-nsec       | anyone@wildnsec.test     | the same with an NSEC proof | ADDRESS_URI        |
 * | wild-no-proof   | anyone@nowild.test       | a wildcard answer without   | missing-wildcard-  |
 * |                 |                          | its NSEC3                   | proof              |
 * | loop            | loop@example.test        | CNAME loop (the resolver    | alias-chain-too-   |
 * |                 |                          | stops after 12)             | long               |
 * | cname-unsigned  | cname-unsigned@          | CNAME without RRSIG to a    | missing-signature  |
 * |                 | example.test             | signed TXT                  |                    |
 * | cname-dangling  | cname-dangling@          | CNAME to a name that does   | missing-record     |
 * |                 | example.test             | not exist                   |                    |
 * | nodata          | nodata@example.test      | an A record only: NODATA    | missing-record     |
 * | nobody          | nobody@example.test      | NXDOMAIN, with NSEC3 proofs | missing-record     |
 * | expired         | expired@example.test     | TXT RRSIG expired a day     | expired            |
 * |                 |                          | before now                  |                    |
 * | future          | future@example.test      | TXT RRSIG incepts a day     | not-yet-valid      |
 * |                 |                          | after now                   |                    |
 * | tampered        | tampered@example.test    | TXT RRSIG with one bit      | invalid-signature  |
 * |                 |                          | flipped                     |                    |
 * | unsigned        | unsigned@example.test    | TXT without RRSIG           | missing-signature  |
 * | foreign-signer  | mallory@example.test     | TXT validly signed by       | invalid- or        |
 * |                 |                          | other.test                  | missing-signature  |
 * | ttl             | alice@ttl.test           | DS TTL 30, DNSKEY 45, TXT   | ADDRESS_URI, ttl   |
 * |                 |                          | 600                         | 30                 |
 * | ds-mismatch     | alice@dsmismatch.test    | DS of a key the zone does   | ds-mismatch        |
 * |                 |                          | not have                    |                    |
 * | ds-bad-digest   | alice@dsdigest.test      | DS with the KSK's tag, a    | ds-mismatch        |
 * |                 |                          | wrong digest                |                    |
 * | no-ds           | alice@nods.test          | a delegation without DS     | missing-ds         |
 * |                 |                          | (insecure)                  |                    |
 * | zsk-signed-keys | alice@zsksigned.test     | DNSKEY RRset signed by the  | missing-key, ds-   |
 * |                 |                          | ZSK only; the DS names the  | mismatch, …        |
 * |                 |                          | KSK                         |                    |
 * | dnskey-expired  | alice@dnskeyexpired.test | the DNSKEY RRSIG expired    | expired            |
 * | ds-unsigned     | alice@dsunsigned.test    | the DS RRset (in test)      | missing-signature  |
 * |                 |                          | without RRSIG               |                    |
 * | ds-tampered     | alice@dstampered.test    | the DS RRSIG with one bit   | invalid-signature  |
 * |                 |                          | flipped                     |                    |
 * | rsa-768         | alice@rsa768.test        | RSA/SHA-256 with 768-bit    | insecure-key-size  |
 * |                 |                          | keys                        |                    |
 * | rsa-1024        | alice@rsa1024.test       | RSA/SHA-256 with 1024-bit   | ADDRESS_URI        |
 * |                 |                          | keys                        |                    |
 * | rsa-sha1        | alice@rsasha1.test       | algorithm 5 RSA/SHA-1       | insecure-algorithm |
 * | nsec3-rsa-sha1  | alice@nsec3sha1.test     | algorithm 7                 | insecure-algorithm |
 * |                 |                          | RSASHA1-NSEC3-SHA1          |                    |
 * | rsa-sha512      | alice@rsasha512.test     | algorithm 10 RSA/SHA-512    | URI or unsupported |
 * | p384            | alice@p384.test          | algorithm 14 ECDSA          | URI or unsupported |
 * |                 |                          | P-384/SHA-384               |                    |
 * | ed448           | alice@ed448.test         | algorithm 16 Ed448          | URI or unsupported |
 * | unknown-alg     | alice@unknownalg.test    | algorithm 253: random key   | unsupported-       |
 * |                 |                          | and signature               | algorithm          |
 * | ds-sha1         | alice@dssha1.test        | DS digest type 1 (BIP 353:  | URI or refused     |
 * |                 |                          | MAY accept)                 |                    |
 * | ds-sha384       | alice@dssha384.test      | DS digest type 4            | URI or unsupported |
 *
 * Every alice@<fault zone> TXT is ADDRESS_URI. With `wrongTrustAnchor(world)` every name gives
 * `trust-anchor-mismatch`. `expected.errors` lists every code a refusal may carry.
 */
export const SCENARIOS: readonly Scenario[] = [
  S('alice', 'alice', 'example.test', 'a 620-char URI in 3 strings', { uri: ALICE_URI, ttl: 1800 }),
  S('bob', 'bob', 'example.test', 'decoy TXT records and one bitcoin: record', {
    uri: ADDRESS_URI,
    ttl: 3600,
  }),
  S('twice', 'twice', 'example.test', 'two bitcoin: records', {
    errors: ['duplicate-payment-instructions'],
  }),
  S('twice-case', 'twice-case', 'example.test', 'bitcoin: and BITCOIN: records', {
    errors: ['duplicate-payment-instructions'],
  }),
  S('upper', 'upper', 'example.test', 'one BITCOIN: record', { uri: ADDRESS_URI.toUpperCase() }),
  S('split', 'split', 'example.test', 'four strings, one empty', { uri: ADDRESS_URI }),
  S('nobtc', 'nobtc', 'example.test', 'decoy TXT records only', {
    errors: ['missing-payment-instructions'],
  }),
  S('short', 'short', 'example.test', 'TXT TTL 60', { uri: ADDRESS_URI, ttl: 60 }),
  S('carol', 'carol', 'example.test', 'CNAME to another zone (RSA-2048)', { uri: CAROL_URI }),
  S('dave', 'dave', 'example.test', 'CNAME with a mixed-case target', { uri: CAROL_URI }),
  S('erin', 'erin', 'example.test', 'owner name in mixed case', { uri: ADDRESS_URI }),
  S('dname', 'alice', 'alias.test', 'DNAME to user._bitcoin-payment.example.test', {
    uri: ALICE_URI,
    ttl: 1800,
  }),
  S('wildcard', 'anyone.wild', 'example.test', 'wildcard with NSEC3 proof (salt, iteration)', {
    uri: ADDRESS_URI,
  }),
  S('wild', 'anyone', 'wild.test', 'wildcard with NSEC3 proof', { uri: ADDRESS_URI }),
  S('wild-nsec', 'anyone', 'wildnsec.test', 'wildcard with NSEC proof', { uri: ADDRESS_URI }),
  S('wild-no-proof', 'anyone', 'nowild.test', 'wildcard answer without proof', {
    errors: ['missing-wildcard-proof'],
  }),
  S('loop', 'loop', 'example.test', 'CNAME loop', { errors: ['alias-chain-too-long'] }),
  S('cname-unsigned', 'cname-unsigned', 'example.test', 'unsigned CNAME', {
    errors: ['missing-signature'],
  }),
  S('cname-dangling', 'cname-dangling', 'example.test', 'CNAME to a missing name', {
    errors: ['missing-record'],
  }),
  S('nodata', 'nodata', 'example.test', 'no TXT at the name (NODATA)', {
    errors: ['missing-record'],
  }),
  S('nobody', 'nobody', 'example.test', 'no such name (NXDOMAIN)', { errors: ['missing-record'] }),
  S('expired', 'expired', 'example.test', 'expired TXT RRSIG', { errors: ['expired'] }),
  S('future', 'future', 'example.test', 'TXT RRSIG not yet valid', { errors: ['not-yet-valid'] }),
  S('tampered', 'tampered', 'example.test', 'tampered TXT RRSIG', {
    errors: ['invalid-signature'],
  }),
  S('unsigned', 'unsigned', 'example.test', 'TXT without RRSIG', { errors: ['missing-signature'] }),
  S('foreign-signer', 'mallory', 'example.test', 'TXT signed by other.test', {
    errors: ['invalid-signature', 'missing-signature'],
  }),
  S('ttl', 'alice', 'ttl.test', 'lowest TTL in the DS', { uri: ADDRESS_URI, ttl: 30 }),
  S('ds-mismatch', 'alice', 'dsmismatch.test', 'DS of another key', { errors: ['ds-mismatch'] }),
  S('ds-bad-digest', 'alice', 'dsdigest.test', 'DS with a wrong digest', {
    errors: ['ds-mismatch'],
  }),
  S('no-ds', 'alice', 'nods.test', 'delegation without DS', { errors: ['missing-ds'] }),
  S('zsk-signed-keys', 'alice', 'zsksigned.test', 'DNSKEY RRset signed by the ZSK only', {
    errors: ['missing-key', 'ds-mismatch', 'missing-signature', 'invalid-signature'],
  }),
  S('dnskey-expired', 'alice', 'dnskeyexpired.test', 'expired DNSKEY RRSIG', {
    errors: ['expired'],
  }),
  S('ds-unsigned', 'alice', 'dsunsigned.test', 'DS without RRSIG', {
    errors: ['missing-signature'],
  }),
  S('ds-tampered', 'alice', 'dstampered.test', 'tampered DS RRSIG', {
    errors: ['invalid-signature'],
  }),
  S('rsa-768', 'alice', 'rsa768.test', 'RSA-768 keys', { errors: ['insecure-key-size'] }),
  S('rsa-1024', 'alice', 'rsa1024.test', 'RSA-1024 keys', { uri: ADDRESS_URI }),
  S('rsa-sha1', 'alice', 'rsasha1.test', 'algorithm 5', { errors: ['insecure-algorithm'] }),
  S('nsec3-rsa-sha1', 'alice', 'nsec3sha1.test', 'algorithm 7', {
    errors: ['insecure-algorithm'],
  }),
  S('rsa-sha512', 'alice', 'rsasha512.test', 'algorithm 10', {
    uri: ADDRESS_URI,
    errors: ['unsupported-algorithm'],
  }),
  S('p384', 'alice', 'p384.test', 'algorithm 14', {
    uri: ADDRESS_URI,
    errors: ['unsupported-algorithm'],
  }),
  S('ed448', 'alice', 'ed448.test', 'algorithm 16', {
    uri: ADDRESS_URI,
    errors: ['unsupported-algorithm'],
  }),
  S('unknown-alg', 'alice', 'unknownalg.test', 'algorithm 253', {
    errors: ['unsupported-algorithm'],
  }),
  S('ds-sha1', 'alice', 'dssha1.test', 'DS digest type 1', {
    uri: ADDRESS_URI,
    errors: ['insecure-algorithm', 'unsupported-algorithm', 'ds-mismatch'],
  }),
  S('ds-sha384', 'alice', 'dssha384.test', 'DS digest type 4', {
    uri: ADDRESS_URI,
    errors: ['unsupported-algorithm', 'ds-mismatch'],
  }),
];

/** The scenario `id`; throws for an unknown one. */
export const scenario = (id: string): Scenario => {
  const found = SCENARIOS.find((s) => s.id === id);
  if (!found) throw new Error(`no DNS scenario ${id}`);
  return found;
};
