// Chains by their `chain_hash` (BOLT 0: "the hash of the genesis block", in the byte order the
// protocol writes it), with the network whose addresses invoices on that chain use.
import { BITCOIN, type Network, REGTEST, SIGNET, TESTNET } from '@lninvoice/core';
import { toHex } from '@lninvoice/core/text';

/** A chain BOLT 12 messages may name: its name, its hash, and its addresses. */
export interface Chain {
  /** The name reported in `chains` and `chain`. */
  readonly name: string;
  /** The 32-byte chain hash, hex, as written in messages. */
  readonly hash: string;
  /** How fallback addresses are written on it, when lninvoice knows. */
  readonly network: Network | undefined;
}

// Genesis block hashes, byte-reversed as messages carry them.
/** The chains lninvoice knows by name: bitcoin, testnet, testnet4, signet, regtest, liquidv1. */
export const CHAINS: readonly Chain[] = [
  {
    name: 'bitcoin',
    hash: '6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000',
    network: BITCOIN,
  },
  {
    name: 'testnet',
    hash: '43497fd7f826957108f4a30fd9cec3aeba79972084e90ead01ea330900000000',
    network: TESTNET,
  },
  {
    name: 'testnet4',
    hash: '43f08bdab050e35b567c864b91f47f50ae725ae2de53bcfbbaf284da00000000',
    network: TESTNET,
  },
  {
    name: 'signet',
    hash: 'f61eee3b63a380a477a063af32b2bbc97c9ff9f01f2c4225e973988108000000',
    network: SIGNET,
  },
  {
    name: 'regtest',
    hash: '06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f',
    network: REGTEST,
  },
  {
    name: 'liquidv1',
    hash: '1466275836220db2944ca059a3a10ef6fd2ea684b0688d2c379296888a206003',
    network: undefined,
  },
];

/** The chain of `hash`; an unknown chain is named by its hash in hex. */
export const chainOf = (hash: Uint8Array): Chain => {
  const hex = toHex(hash);
  return CHAINS.find((c) => c.hash === hex) ?? { name: hex, hash: hex, network: undefined };
};

/** The chain named `name` (or given by its 64-hex-digit hash); undefined when unknown. */
export const chainNamed = (name: string): Chain | undefined =>
  CHAINS.find((c) => c.name === name) ??
  (/^[0-9a-f]{64}$/.test(name) ? { name, hash: name, network: undefined } : undefined);

export const BITCOIN_CHAIN = CHAINS[0] as Chain;
