// On-chain addresses: base58check P2PKH / P2SH, bech32 segwit v0 (BIP 173), bech32m segwit v1+
// (BIP 350), each with the networks that write it.
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { readBech32, wordsToBytes } from './bech32.js';
import { quote, UriError } from './errors.js';
import type { Network, OnchainAddressInput } from './types.js';

const base58check = createBase58check(sha256);

const SEGWIT_NETWORKS: ReadonlyMap<string, readonly Network[]> = new Map([
  ['bc', ['bitcoin']],
  ['tb', ['testnet', 'signet']],
  ['bcrt', ['regtest']],
]);
const TEST_NETWORKS: readonly Network[] = ['testnet', 'signet', 'regtest'];
const BASE58_VERSIONS: ReadonlyMap<
  number,
  Pick<OnchainAddressInput, 'type' | 'networks'>
> = new Map([
  [0x00, { type: 'p2pkh', networks: ['bitcoin'] }],
  [0x05, { type: 'p2sh', networks: ['bitcoin'] }],
  [0x6f, { type: 'p2pkh', networks: TEST_NETWORKS }],
  [0xc4, { type: 'p2sh', networks: TEST_NETWORKS }],
]);
/** Base58 P2PKH / P2SH addresses: 25 bytes, 26 to 35 characters, led by their version byte. */
const BASE58_ADDRESS = /^[123mn][1-9A-HJ-NP-Za-km-z]{25,34}$/;

/**
 * The segwit prefix of `text` (`bc`, `tb`, `bcrt`), if it has one. Only the part before the last
 * `1` counts: a base58 address may hold a `1` followed by characters that look like bech32.
 */
export const segwitPrefixOf = (text: string): string | undefined => {
  const separator = text.lastIndexOf('1');
  const prefix = text.slice(0, Math.max(separator, 0)).toLowerCase();
  return SEGWIT_NETWORKS.has(prefix) ? prefix : undefined;
};

/** True when `text` has the shape of an on-chain address (which may still be invalid). */
export const looksLikeAddress = (text: string): boolean =>
  segwitPrefixOf(text) !== undefined || BASE58_ADDRESS.test(text);

const segwitAddress = (text: string, offset: number): OnchainAddressInput => {
  const invalid = (why: string) =>
    new UriError('invalid-address', `address ${quote(text)}: ${why}`, [
      offset,
      offset + text.length,
    ]);
  // BIP 173: "The human-readable part ... Addresses ... have a maximum length of 90 characters".
  const { prefix, words, encoding } = readBech32(text, offset, 'address', {
    limit: 90,
    bech32m: true,
  });
  const [version] = words;
  if (version === undefined) throw invalid('it has no witness version');
  if (version > 16) throw invalid(`witness version ${version} does not exist (0 to 16)`);
  // BIP 350: "the address decoder has to verify that the encoding matches what is expected for
  // the decoded witness version (Bech32 for version 0, Bech32m for others)".
  if (encoding !== (version === 0 ? 'bech32' : 'bech32m')) {
    throw new UriError(
      'invalid-checksum',
      `address ${quote(text)}: a version ${version} address has a ${version === 0 ? 'bech32' : 'bech32m'} checksum, not ${encoding}`,
      [offset, offset + text.length],
    );
  }
  const program = wordsToBytes(words.slice(1));
  if (program === undefined) throw invalid('its padding is not zero, or longer than 4 bits');
  // BIP 141: a witness program is 2 to 40 bytes; version 0 programs are 20 or 32 bytes.
  if (
    program.length < 2 ||
    program.length > 40 ||
    (version === 0 && program.length !== 20 && program.length !== 32)
  )
    throw invalid(`a version ${version} witness program cannot be ${program.length} bytes long`);
  const type =
    version === 0
      ? program.length === 20
        ? 'p2wpkh'
        : 'p2wsh'
      : version === 1 && program.length === 32
        ? 'p2tr'
        : 'witness-unknown';
  return {
    kind: 'onchain-address',
    value: text,
    type,
    networks: SEGWIT_NETWORKS.get(prefix) as readonly Network[],
    witnessVersion: version,
    program,
  };
};

const base58Address = (text: string, offset: number): OnchainAddressInput => {
  const span = [offset, offset + text.length] as const;
  let payload: Uint8Array;
  try {
    payload = base58check.decode(text);
  } catch {
    throw new UriError(
      'invalid-checksum',
      `address ${quote(text)}: its base58check checksum does not match`,
      span,
    );
  }
  const format = BASE58_VERSIONS.get(payload[0] as number);
  if (payload.length !== 21 || format === undefined) {
    throw new UriError(
      'invalid-address',
      `address ${quote(text)}: version byte ${payload[0]} and ${payload.length - 1} bytes are not a P2PKH or P2SH address`,
      span,
    );
  }
  return { kind: 'onchain-address', value: text, ...format, program: payload.slice(1) };
};

/** The on-chain address `text`, found at `offset` of the input. */
export const classifyAddress = (text: string, offset: number): OnchainAddressInput =>
  segwitPrefixOf(text) === undefined ? base58Address(text, offset) : segwitAddress(text, offset);
