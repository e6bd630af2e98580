// On-chain addresses: the shared reader (BIP 173 / BIP 350 vectors and base58check, with the
// networks that write each) and the fallback fields' use of it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { decodeAddress, segwitAddress } from '../src/address.js';
import { fallbackAddress } from '../src/bolt11/fields/fallback.js';
import { LninvoiceError } from '../src/errors.js';
import { BITCOIN, NETWORKS, parseAddress, REGTEST, SIGNET, TESTNET } from '../src/index.js';

const decoded = (text: string) =>
  decodeAddress(text, {
    networks: NETWORKS,
    error: (code, message, span) => new LninvoiceError(code, message, { span }),
  });

const networkOf = (address: string) => (address.toLowerCase().startsWith('tb') ? TESTNET : BITCOIN);
const scriptPubKey = ({ version, program }: { version: number; program: Uint8Array }) =>
  hex(Uint8Array.of(version === 0 ? 0 : 0x50 + version, program.length, ...program));

describe('segwit addresses (BIP 350 test vectors)', () => {
  const valid: [string, string][] = [
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', '0014751e76e8199196d454941c45d1b3a323f1433bd6'],
    [
      'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
      '00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262',
    ],
    [
      'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
      '5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6',
    ],
    ['BC1SW50QGDZ25J', '6002751e'],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', '5210751e76e8199196d454941c45d1b3a323'],
    [
      'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy',
      '0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433',
    ],
    [
      'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
      '5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433',
    ],
    [
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
      '512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798',
    ],
  ];
  it('reads every valid address to its scriptPubKey, and writes it back', () => {
    for (const [address, script] of valid) {
      const network = networkOf(address);
      const parsed = parseAddress(address, network, 'address');
      expect(scriptPubKey(parsed)).toBe(script);
      expect(segwitAddress(network, parsed.version, parsed.program)).toBe(address.toLowerCase());
    }
  });

  const invalid = [
    'tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd',
    'tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf',
    'BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL',
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh',
    'tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47',
    'bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4',
    'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R',
    'bc1pw5dgrnzv',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav',
    'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P',
    'tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq',
    'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf',
    'tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j',
    'bc1gmk9yu',
  ];
  it('rejects every invalid address with a RangeError naming it', () => {
    for (const address of invalid) {
      expect(() => parseAddress(address, networkOf(address), 'fallbackAddresses[0]')).toThrow(
        expect.objectContaining({
          constructor: RangeError,
          message: expect.stringContaining('fallbackAddresses[0]'),
        }),
      );
    }
  });

  it('uses each network’s prefix: tb on testnet and signet, bcrt on regtest', () => {
    const program = new Uint8Array(20).fill(3);
    for (const network of [TESTNET, SIGNET, REGTEST, BITCOIN]) {
      const address = fallbackAddress(network, 0, program);
      expect(parseAddress(address, network, 'a')).toEqual({ version: 0, program });
    }
    expect(() => parseAddress(fallbackAddress(REGTEST, 0, program), TESTNET, 'a')).toThrow(
      /regtest address/,
    );
  });
});

describe('base58check addresses', () => {
  it('reads P2PKH and P2SH of mainnet and test networks', () => {
    const cases: [string, typeof BITCOIN, number, string][] = [
      [
        '1RustyRX2oai4EYYDpQGWvEL62BBGqN9T',
        BITCOIN,
        17,
        '04b61f7dc1ea0dc99424464cc4064dc564d91e89',
      ],
      [
        '3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX',
        BITCOIN,
        18,
        '8f55563b9a19f321c211e9b9f38cdf686ea07845',
      ],
      [
        'mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP',
        SIGNET,
        17,
        '3172b5654f6683c8fb146959d347ce303cae4ca7',
      ],
    ];
    for (const [address, network, version, hash] of cases) {
      const parsed = parseAddress(address, network, 'a');
      expect([parsed.version, hex(parsed.program)]).toEqual([version, hash]);
      expect(fallbackAddress(network, version, parsed.program)).toBe(address);
    }
  });

  it('reads base58 addresses whose tail looks like bech32 (found by the property test)', () => {
    const parsed = parseAddress('mz1CTKZNZS8p8EiQLn1cCvvH3xkWJjJwjC', SIGNET, 'a');
    expect(parsed.version).toBe(17);
    expect(fallbackAddress(SIGNET, 17, parsed.program)).toBe('mz1CTKZNZS8p8EiQLn1cCvvH3xkWJjJwjC');
  });

  it('says which network an address belongs to when it is not the invoice’s', () => {
    expect(() => parseAddress('mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP', BITCOIN, 'a')).toThrow(
      'a: "mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP" is a testnet/signet/regtest address, but the invoice is for bitcoin',
    );
  });

  it('rejects bad checksums, wrong lengths and non-strings', () => {
    expect(() => parseAddress('1RustyRX2oai4EYYDpQGWvEL62BBGqN9t', BITCOIN, 'a')).toThrow(
      RangeError,
    );
    expect(parseAddress('1111111111111111111114oLvT2', BITCOIN, 'a').program).toEqual(
      new Uint8Array(20),
    );
    const long = createBase58check(sha256).encode(new Uint8Array(22));
    expect(() => parseAddress(long, BITCOIN, 'a')).toThrow(
      'version byte 0 and 21 bytes are not a P2PKH or P2SH address of a known network',
    );
    const unknownVersion = createBase58check(sha256).encode(
      Uint8Array.of(0x30, ...new Uint8Array(20)),
    );
    expect(() => parseAddress(unknownVersion, BITCOIN, 'a')).toThrow('version byte 48');
    expect(() => parseAddress('', BITCOIN, 'a')).toThrow(RangeError);
    expect(() => parseAddress(42 as unknown as string, BITCOIN, 'a')).toThrow(TypeError);
  });
});

describe('the shared reader', () => {
  it('says the type of each address and the networks that write it', () => {
    const seen = (text: string) => {
      const { type, witnessVersion, networks } = decoded(text);
      return [type, witnessVersion, networks.map((n) => n.name).join('/')];
    };
    expect(seen('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toEqual(['p2wpkh', 0, 'bitcoin']);
    expect(seen('tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c')).toEqual([
      'p2tr',
      1,
      'testnet/signet',
    ]);
    expect(seen('BC1SW50QGDZ25J')).toEqual(['witness-unknown', 16, 'bitcoin']);
    expect(seen('3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX')).toEqual(['p2sh', undefined, 'bitcoin']);
    expect(seen('mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP')).toEqual([
      'p2pkh',
      undefined,
      'testnet/signet/regtest',
    ]);
  });

  it('fails with a code and a span: checksum, padding, version, program length', () => {
    const codeOf = (text: string) => {
      try {
        decoded(text);
        return 'read';
      } catch (e) {
        return (e as LninvoiceError).code;
      }
    };
    expect(codeOf('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd')).toBe(
      'invalid-checksum',
    );
    expect(codeOf('1RustyRX2oai4EYYDpQGWvEL62BBGqN9t')).toBe('invalid-checksum');
    expect(codeOf('bc1pw5dgrnzv')).toBe('invalid-address');
    expect(codeOf('BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R')).toBe(
      'invalid-address',
    );
    expect(codeOf('tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq')).toBe(
      'mixed-case',
    );
    expect(codeOf('2'.repeat(100_000))).toBe('invalid-address');
  });
});
