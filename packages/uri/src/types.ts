// What parseUri and parseInput return: one typed shape per kind of input, told apart by `kind`.
import type { Bolt12, Invoice, InvoiceRequest, Offer } from '@lninvoice/bolt12';
import type { Span } from '@lninvoice/core/errors';
import type { UriErrorCode } from './errors.js';

/** The chains BOLT 11 names. Testnet, signet and regtest share some address formats. */
export type Network = 'bitcoin' | 'testnet' | 'signet' | 'regtest';

/** The options of {@link parseUri} and {@link parseInput}. */
export interface ParseOptions {
  /**
   * Also accept the forms no spec defines but wallets meet: `lightning://` and `bitcoin://`,
   * and after `lightning:` a LUD-17 URL, a Lightning Address or a BOLT 12 string; a LUD-17 URL
   * without `//` (`lnurlp:host/path`); parameters after the LNURL of a LUD-01 fallback URL; a
   * Lightning Address whose user is in upper case (read in lower case); an LNURL in the
   * `lightning` parameter of a `bitcoin:` URI. The LNURL forms are those @lninvoice/lnurl's
   * `lenient` reads. Default `false`.
   */
  readonly lenient?: boolean;
}

/** An amount of a `bitcoin:` URI: the decimal BTC as written, and exactly in sat and msat. */
export interface BitcoinAmount {
  /** The amount in BTC, as written: a decimal string (`"0.00001"`). */
  readonly btc: string;
  /** The amount in satoshis, exactly. */
  readonly sat: bigint;
  /** The amount in millisatoshis, exactly (1 sat = 1000 msat). */
  readonly msat: bigint;
}

/** The `pop` / `req-pop` parameter of BIP 321 (proof of payment). */
export interface ProofOfPayment {
  /** The URI prefix, percent-decoded once. */
  readonly uri: string;
  /** `true` for `req-pop`: a wallet that will not open `uri` must not pay. */
  readonly required: boolean;
  /**
   * `false` when `uri` has no scheme or one that opens in a web browser (`http`, `https`,
   * `file`, `javascript`, `mailto`, …): BIP 321 forbids opening those.
   */
  readonly allowed: boolean;
}

/**
 * A payment instruction of a `bitcoin:` URI left out because it is invalid: the URI is read
 * without it, since its other instructions still pay.
 */
export interface UriWarning {
  /** The code the instruction alone would fail with. */
  readonly code: UriErrorCode;
  /** The message the instruction alone would fail with. */
  readonly message: string;
  /** Where the fault is in the input. */
  readonly span: Span;
  /** `'address'` for the address before `?`, else the parameter's key. */
  readonly key: 'address' | InstructionKey;
  /** As written (percent-decoded). */
  readonly value: string;
}

/** A `bitcoin:` URI (BIP 321, which replaces BIP 21). */
export interface BitcoinUri {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'bitcoin-uri';
  /** The scheme, always lowercase here (any case is read). */
  readonly scheme: 'bitcoin';
  /**
   * The on-chain address as written, checked (base58check or bech32/bech32m, BIP 321); `''` when
   * the URI has none, or when it is invalid (then in `warnings`).
   */
  readonly address: string;
  /** The address read: its type, the networks that write it, its program. */
  readonly onchain?: OnchainAddressInput;
  /** The `amount` parameter; absent when the payer chooses. */
  readonly amount?: BitcoinAmount;
  /** The `label` parameter: who is paid, percent-decoded text (untrusted: show it with care). */
  readonly label?: string;
  /** The `message` parameter: what the payment is for, percent-decoded text (untrusted). */
  readonly message?: string;
  /** The `pop` or `req-pop` parameter, when present. */
  readonly pop?: ProofOfPayment;
  /**
   * BOLT 11 invoices (`lightning` parameters). Like every payment instruction below: each value as
   * written (percent-decoded), in order.
   */
  readonly lightning: readonly string[];
  /** BOLT 12 offers (`lno1…`), as written. */
  readonly lno: readonly string[];
  /** The `lno` values decoded by @lninvoice/bolt12, one per value, in order. */
  readonly offers: readonly Offer[];
  /** Silent payment addresses (BIP 352, `sp1…`), as written. */
  readonly sp: readonly string[];
  /** BIP 351 private payment codes, as written. */
  readonly pay: readonly string[];
  /** Segwit addresses of bitcoin (`bc1…`), checked, as written. */
  readonly bc: readonly string[];
  /** Segwit addresses of the test networks (`tb1…`), checked, as written. */
  readonly tb: readonly string[];
  /** Parameters this package does not know, by lowercased key (a null-prototype object). */
  readonly unknown: Readonly<Record<string, readonly string[]>>;
  /**
   * The invalid address or instructions left out, in reading order; empty when none. A URI with
   * nothing valid left to pay fails with the first one's error.
   */
  readonly warnings: readonly UriWarning[];
}

/** The payment instruction keys of BIP 321 that this package reads. */
export type InstructionKey = 'lightning' | 'lno' | 'sp' | 'pay' | 'bc' | 'tb';

/** A BOLT 11 invoice: checksum and human-readable part checked, the rest not decoded. */
export interface Bolt11Input {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'bolt11';
  /** `'lightning'` when the string came in a `lightning:` URI. */
  readonly scheme?: 'lightning';
  /** The string as written, without surrounding whitespace or a `lightning:` scheme. */
  readonly value: string;
  /** `ln` + the currency, lowercase: `'lnbc'`, `'lntb'`, `'lntbs'`, `'lnbcrt'`. */
  readonly prefix: string;
  /** The network the prefix names. */
  readonly network: Network;
  /** Absent when the payer chooses the amount. */
  readonly amountMsat?: bigint;
}

/** A BOLT 12 string of one kind, with the message @lninvoice/bolt12 decoded from it. */
export interface Bolt12InputOf<K extends string, M extends Bolt12> {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: K;
  /** `'lightning'` when the string came in a `lightning:` URI. */
  readonly scheme?: 'lightning';
  /** The string as written, without surrounding whitespace or a `lightning:` scheme. */
  readonly value: string;
  /** Lowercase, `+` joins and the whitespace after them removed. */
  readonly normalized: string;
  /**
   * The decoded message: every field, the records as written, the signature verified (invoice
   * requests and invoices). Its types are @lninvoice/bolt12's.
   */
  readonly message: M;
}

/** A BOLT 12 string: `lno1…` offer, `lnr1…` invoice request, `lni1…` invoice, decoded. */
export type Bolt12Input =
  | Bolt12InputOf<'bolt12-offer', Offer>
  | Bolt12InputOf<'bolt12-invoice-request', InvoiceRequest>
  | Bolt12InputOf<'bolt12-invoice', Invoice>;

/** An LNURL (LUD-01): bech32, or a fallback URL with the bech32 in its `lightning` parameter. */
export interface LnurlInput {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'lnurl';
  /** `'lightning'` when the string came in a `lightning:` URI. */
  readonly scheme?: 'lightning';
  /** The string as written, without surrounding whitespace or a `lightning:` scheme. */
  readonly value: string;
  /** `'fallback'`: `value` is a web URL (`https://…?lightning=LNURL1…`), never requested itself. */
  readonly form: 'bech32' | 'fallback';
  /** The decoded `https://` (or onion `http://`) URL to request. */
  readonly url: string;
}

/** A LUD-17 URL: `lnurlp://`, `lnurlw://`, `lnurlc://` or `keyauth://`. */
export interface Lud17Input {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'lud17';
  /** `'lightning'` when the string came in a `lightning:` URI. */
  readonly scheme?: 'lightning';
  /** The string as written, without surrounding whitespace or a `lightning:` scheme. */
  readonly value: string;
  /** The LUD-17 scheme: pay, withdraw, channel or auth request. */
  readonly lnurlScheme: 'lnurlp' | 'lnurlw' | 'lnurlc' | 'keyauth';
  /** The URL to request: `https://`, or `http://` for an onion host. */
  readonly url: string;
}

/** `user@domain` with a LUD-16 user name: a Lightning Address, and a BIP 353 name too. */
export interface LightningAddressInput {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'lightning-address';
  /** `'lightning'` when the string came in a `lightning:` URI. */
  readonly scheme?: 'lightning';
  /** The string as written, without surrounding whitespace or a `lightning:` scheme. */
  readonly value: string;
  /** The LUD-16 name requested: `_` for `@domain` (luds PR #296), `user+tag` with a tag. */
  readonly user: string;
  /** Lowercase. */
  readonly domain: string;
  /** The LUD-16 URL: `https://<domain>/.well-known/lnurlp/<user>`. */
  readonly url: string;
  /** The BIP 353 TXT record to try first: `<user>.user._bitcoin-payment.<domain>`. */
  readonly dnsName: string;
}

/** A BIP 353 human-readable name: `₿user@domain`, or `user@domain` that is no Lightning Address. */
export interface Bip353Input {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'bip353';
  /** The string as written, without surrounding whitespace. */
  readonly value: string;
  /** The part before the `@`. */
  readonly user: string;
  /** Lowercase. */
  readonly domain: string;
  /** The BIP 353 TXT record to look up: `<user>.user._bitcoin-payment.<domain>`. */
  readonly dnsName: string;
}

/** An on-chain address, checksum and format checked. */
export interface OnchainAddressInput {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'onchain-address';
  /** The address as written, without surrounding whitespace. */
  readonly value: string;
  /**
   * The output type the address pays to; `witness-unknown` is a segwit version without a meaning
   * yet.
   */
  readonly type: 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'witness-unknown';
  /** Every network that writes addresses this way (`tb1…` is testnet and signet). */
  readonly networks: readonly Network[];
  /** Segwit only. */
  readonly witnessVersion?: number;
  /** The witness program, or the 20-byte hash of a P2PKH / P2SH address. */
  readonly program: Uint8Array;
}

/** A node id: 33-byte compressed public key in hex (not checked to be on the curve). */
export interface NodeIdInput {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'node-id';
  /** The hex as written, without surrounding whitespace. */
  readonly value: string;
  /** The 33 bytes of the key. */
  readonly nodeId: Uint8Array;
}

/** `<node id>@<host>[:<port>]`, the form `lncli connect` takes. */
export interface NodeUriInput {
  /** Tells the kinds of {@link Input} apart. */
  readonly kind: 'node-uri';
  /** The string as written, without surrounding whitespace. */
  readonly value: string;
  /** The 33 bytes of the node id before the `@` (not checked to be on the curve). */
  readonly nodeId: Uint8Array;
  /** IPv4, IPv6 (without brackets) or host name. */
  readonly host: string;
  /** Absent when not written (Lightning's default is 9735). */
  readonly port?: number;
}

/** What may follow `lightning:`. */
export type LightningPayload =
  | Bolt11Input
  | Bolt12Input
  | LnurlInput
  | Lud17Input
  | LightningAddressInput;

/** A `lightning:` URI: its payload, with `scheme: 'lightning'`. */
export type LightningUri = LightningPayload & {
  /** Always `'lightning'`: the payload came in a `lightning:` URI. */
  readonly scheme: 'lightning';
};

/**
 * What {@link parseUri} returns: a `bitcoin:` or a `lightning:` URI, told apart by `kind` or
 * `scheme`.
 */
export type ParsedUri = BitcoinUri | LightningUri;

/** Everything parseInput recognises. */
export type Input =
  | ParsedUri
  | LightningPayload
  | Bip353Input
  | OnchainAddressInput
  | NodeIdInput
  | NodeUriInput;

/** The `kind` of each {@link Input}: `'bitcoin-uri'`, `'bolt11'`, `'lnurl'`, `'node-id'`, … */
export type InputKind = Input['kind'];
