// `lninvoice create offer | invoice-request | invoice`: BOLT 12 messages from options, read by
// `create` only when asked for one, so that a BOLT 11 invoice is made without the BOLT 12 code.
import { parseArgs } from 'node:util';
import {
  Bolt12Error,
  bolt12ToJSON,
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeInvoiceRequest,
  decodeOffer,
  encodeBolt12,
  signBolt12,
} from '@lninvoice/bolt12';
import { createPaymentPreimage, nodeKeyOf, satToMsat } from '@lninvoice/core';
import { sha256 } from '@lninvoice/core/hash';
import { type Flags, inFlags } from '../flags.js';
import { isUsageError, oneLine, toJson, UsageError } from '../io.js';
import { readKeyFile, safeNumber, wholeNumber } from '../options.js';
import { usageMessage } from '../usage.js';

const CHAINS = 'bitcoin, testnet, testnet4, signet, regtest, liquidv1, or a chain hash in hex';

const OFFER_HELP = `Usage: lninvoice create offer (--issuer-id <hex> | --key-file <path>) [options]

Creates a BOLT 12 offer and prints it (lno1…). Offers are not signed: --key-file only gives the
issuer id (offer_issuer_id), the public key of the node that will sign the invoices.

Options:
  --issuer-id <hex>             offer_issuer_id: the node's public key (33 bytes)
  --key-file <path>             or the node's private key, to derive it: 64 hex characters, or
                                32 raw bytes
  --description <text>          offer_description (required with an amount)
  --amount-msat <n> | --amount-sat <n>
                                offer_amount, per item; without one, the payer chooses
  --amount <n> --currency <code>
                                a price in the minor units of an ISO 4217 currency (USD cents)
  --issuer <text>               offer_issuer, e.g. a domain
  --quantity-max <n>            offer_quantity_max: up to n items per payment (0: any number)
  --absolute-expiry <seconds>   offer_absolute_expiry, seconds since 1970
  --chain <name>                offer_chains (repeatable; default bitcoin): ${CHAINS}
  --uppercase                   upper case, for QR codes
  --json                        print {"offer", "offer_id": {"sha256", "ldk"}} as JSON
  -h, --help                    show this help

Exit status: 0 when the offer is made, 2 when an option is missing or invalid.`;

const REQUEST_HELP = `Usage: lninvoice create invoice-request --offer <lno1…> --key-file <path> [options]

Creates an invoice request answering an offer, signs it with the payer's key in --key-file and
prints it (lnr1…). Sending it to the issuer (in an onion message) is your node's job. BOLT 12
asks for a new ("transient") payer key per request.

Options:
  --offer <offer>               the offer answered
  --key-file <path>             the payer's private key (invreq_payer_id is its public key)
  --amount-msat <n> | --amount-sat <n>
                                invreq_amount: required when the offer has no amount
  --quantity <n>                invreq_quantity: required when the offer has a quantity_max
  --payer-note <text>           invreq_payer_note
  --chain <name>                invreq_chain: one of the offer's chains (default: bitcoin)
  --metadata <hex>              invreq_metadata (default: 32 random bytes)
  --uppercase                   upper case, for QR codes
  --json                        print {"invoice_request", "payer_id"} as JSON
  -h, --help                    show this help

Exit status: 0 when the request is made, 2 when an option is missing or invalid.`;

const PATH_FORM =
  '<first_node_id>,<first_path_key>,<fee_base_msat>,<fee_ppm>,<cltv_delta>,<htlc_min_msat>,<htlc_max_msat>,<blinded_node_id>:<encrypted_data>[,…]';

const INVOICE_HELP = `Usage: lninvoice create invoice --request <lnr1…> --key-file <path> --path <path> [options]

Creates a BOLT 12 invoice answering an invoice request, signs it with the node key in
--key-file (the key of the offer's issuer id) and prints it (lni1…). Without --preimage or
--payment-hash, makes a new random preimage and prints it on the next line: keep it secret
until you are paid, it is what settles the payment.

Options:
  --request <request>           the invoice request answered (its signature is checked)
  --key-file <path>             the node's private key: 64 hex characters, or 32 raw bytes
  --path <path>                 a blinded path to the node and what paying through it costs
                                (repeatable, most preferred first; at least one):
                                ${PATH_FORM}
                                first_node_id is a public key, or <block>x<tx>x<output>/<0|1>;
                                keys and data are hex
  --preimage <hex> | --payment-hash <hex>
  --amount-msat <n> | --amount-sat <n>
                                invoice_amount: only for an offer priced in a currency (by
                                default the request's amount, or the offer's times the quantity)
  --expiry <seconds>            invoice_relative_expiry (default: none written, readers assume 7200)
  --timestamp <seconds>         invoice_created_at (default: now)
  --fallback <address>          a segwit address of the invoice's chain (repeatable)
  --uppercase                   upper case, for QR codes
  --json                        print {"invoice", "payment_hash", "preimage"} as JSON
  -h, --help                    show this help

Exit status: 0 when the invoice is made, 2 when an option is missing or invalid.`;

/** The builders' parameter names, as the options that give them. */
const FLAGS: Flags = {
  description: '--description',
  amountMsat: '--amount-msat',
  amount: '--amount',
  currency: '--currency',
  issuerId: '--issuer-id',
  issuer: '--issuer',
  quantityMax: '--quantity-max',
  absoluteExpiry: '--absolute-expiry',
  chains: '--chain',
  chain: '--chain',
  offer: '--offer',
  payerId: '--key-file',
  invreqMetadata: '--metadata',
  quantity: '--quantity',
  payerNote: '--payer-note',
  request: '--request',
  paths: '--path',
  paymentHash: '--payment-hash',
  createdAt: '--timestamp',
  relativeExpiry: '--expiry',
  fallbacks: '--fallback',
  nodeId: '--key-file',
};

/**
 * Runs a builder; what it refuses in its parameters is a usage error naming the option. A bare
 * `quantityMax` is the offer's field (`only for offers with a quantityMax`), not the option.
 */
const built = <T>(make: () => T, flags: Flags): T => {
  try {
    return make();
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError)
      throw new UsageError(
        inFlags(error.message.replace(/(?<!\.)\bquantityMax\b/g, 'quantity_max'), flags),
      );
    throw error;
  }
};

/** The public key of the private key in `path`. */
const publicKeyOf = (key: Uint8Array, path: string): Uint8Array => {
  try {
    return nodeKeyOf(key);
  } catch {
    throw new UsageError(`--key-file ${path} does not hold a valid secp256k1 private key`);
  }
};

/** `--amount-msat` or `--amount-sat`, in millisatoshis. */
const amountOption = (values: {
  'amount-msat'?: string | undefined;
  'amount-sat'?: string | undefined;
}): bigint | undefined => {
  const msat = values['amount-msat'];
  const sat = values['amount-sat'];
  if (msat !== undefined && sat !== undefined)
    throw new UsageError('give --amount-msat or --amount-sat, not both');
  if (msat !== undefined) return wholeNumber('amount-msat', msat);
  return sat === undefined ? undefined : satToMsat(wholeNumber('amount-sat', sat));
};

/** The flags of `FLAGS`, with `--amount-sat` for amountMsat when that is what was given. */
const flagsFor = (values: { 'amount-sat'?: string | undefined }) =>
  values['amount-sat'] === undefined ? FLAGS : { ...FLAGS, amountMsat: '--amount-sat' };

/** A message given as an option (`--offer`, `--request`), decoded; its errors name the option. */
const decodedOption = <T>(option: string, text: string | undefined, decode: (s: string) => T) => {
  if (text === undefined) throw new UsageError(`--${option} is required`);
  try {
    return decode(text);
  } catch (error) {
    if (error instanceof Bolt12Error)
      throw new UsageError(`--${option}: ${error.code}: ${error.message}`);
    throw error;
  }
};

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

const print = (json: boolean, text: string, fields: Record<string, unknown>): void => {
  process.stdout.write(json ? `${toJson(fields, 2)}\n` : `${text}\n`);
};

const createOfferCommand = (args: string[]): number => {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      'issuer-id': { type: 'string' },
      'key-file': { type: 'string' },
      description: { type: 'string' },
      'amount-msat': { type: 'string' },
      'amount-sat': { type: 'string' },
      amount: { type: 'string' },
      currency: { type: 'string' },
      issuer: { type: 'string' },
      'quantity-max': { type: 'string' },
      'absolute-expiry': { type: 'string' },
      chain: { type: 'string', multiple: true },
      uppercase: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${OFFER_HELP}\n`);
    return 0;
  }
  const keyFile = values['key-file'];
  if (values['issuer-id'] !== undefined && keyFile !== undefined)
    throw new UsageError('give --issuer-id or --key-file, not both');
  const issuerId =
    keyFile === undefined ? values['issuer-id'] : publicKeyOf(readKeyFile(keyFile), keyFile);
  if (issuerId === undefined)
    throw new UsageError('--issuer-id or --key-file is required: the key that signs the invoices');
  const amountMsat = amountOption(values);
  if ((values.amount === undefined) !== (values.currency === undefined))
    throw new UsageError(
      '--amount and --currency go together: the price in the minor units of the currency',
    );
  if (values.amount !== undefined && amountMsat !== undefined)
    throw new UsageError(
      'give --amount-msat, --amount-sat, or --amount with --currency, not several',
    );
  const flags = { ...flagsFor(values), issuerId: keyFile ? '--key-file' : '--issuer-id' };
  const offer = built(
    () =>
      createOffer({
        issuerId,
        ...(values.description !== undefined && { description: values.description }),
        ...(amountMsat !== undefined && { amountMsat }),
        ...(values.amount !== undefined && { amount: wholeNumber('amount', values.amount) }),
        ...(values.currency !== undefined && { currency: values.currency }),
        ...(values.issuer !== undefined && { issuer: values.issuer }),
        ...(values['quantity-max'] !== undefined && {
          quantityMax: wholeNumber('quantity-max', values['quantity-max']),
        }),
        ...(values['absolute-expiry'] !== undefined && {
          absoluteExpiry: wholeNumber('absolute-expiry', values['absolute-expiry']),
        }),
        ...(values.chain !== undefined && { chains: values.chain }),
      }),
    flags,
  );
  const text = encodeBolt12(offer, { uppercase: values.uppercase });
  print(values.json, text, { offer: text, offer_id: bolt12ToJSON(offer).offer_id });
  return 0;
};

const createRequestCommand = (args: string[]): number => {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      offer: { type: 'string' },
      'key-file': { type: 'string' },
      'amount-msat': { type: 'string' },
      'amount-sat': { type: 'string' },
      quantity: { type: 'string' },
      'payer-note': { type: 'string' },
      chain: { type: 'string' },
      metadata: { type: 'string' },
      uppercase: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${REQUEST_HELP}\n`);
    return 0;
  }
  const offer = decodedOption('offer', values.offer, (text) => decodeOffer(text));
  const keyFile = values['key-file'];
  if (keyFile === undefined) throw new UsageError("--key-file is required: the payer's key");
  const key = readKeyFile(keyFile);
  const payerId = publicKeyOf(key, keyFile);
  const amountMsat = amountOption(values);
  const text = built(
    () =>
      signBolt12(
        createInvoiceRequest({
          offer,
          payerId,
          ...(amountMsat !== undefined && { amountMsat }),
          ...(values.quantity !== undefined && {
            quantity: wholeNumber('quantity', values.quantity),
          }),
          ...(values['payer-note'] !== undefined && { payerNote: values['payer-note'] }),
          ...(values.chain !== undefined && { chain: values.chain }),
          ...(values.metadata !== undefined && { invreqMetadata: values.metadata }),
        }),
        key,
        { uppercase: values.uppercase },
      ),
    flagsFor(values),
  );
  print(values.json, text, { invoice_request: text, payer_id: hex(payerId) });
  return 0;
};

/** A `--path` option: a blinded path and its pay info (see PATH_FORM). */
const pathOption = (spec: string) => {
  const parts = spec.split(',');
  if (parts.length < 8) throw new UsageError(`--path "${spec}" must be ${PATH_FORM}`);
  const [intro, pathKey, base, ppm, cltv, min, max, ...hops] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    ...string[],
  ];
  const scid = /^(\d+x\d+x\d+)\/([01])$/.exec(intro);
  return {
    firstNodeId: scid
      ? { shortChannelId: scid[1] as string, direction: Number(scid[2]) }
      : { nodeId: intro },
    firstPathKey: pathKey,
    hops: hops.map((hop) => {
      const [blindedNodeId, data, ...more] = hop.split(':');
      if (data === undefined || more.length > 0)
        throw new UsageError(`--path hop "${hop}" must be <blinded_node_id>:<encrypted_data>`);
      return { blindedNodeId, encryptedRecipientData: data };
    }),
    blindedPayInfo: {
      feeBaseMsat: safeNumber('path fee_base_msat', base),
      feeProportionalMillionths: safeNumber('path fee_ppm', ppm),
      cltvExpiryDelta: safeNumber('path cltv_delta', cltv),
      htlcMinimumMsat: wholeNumber('path htlc_min_msat', min),
      htlcMaximumMsat: wholeNumber('path htlc_max_msat', max),
    },
  };
};

const createInvoiceCommand = (args: string[]): number => {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      request: { type: 'string' },
      'key-file': { type: 'string' },
      path: { type: 'string', multiple: true },
      preimage: { type: 'string' },
      'payment-hash': { type: 'string' },
      'amount-msat': { type: 'string' },
      'amount-sat': { type: 'string' },
      expiry: { type: 'string' },
      timestamp: { type: 'string' },
      fallback: { type: 'string', multiple: true },
      uppercase: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${INVOICE_HELP}\n`);
    return 0;
  }
  const request = decodedOption('request', values.request, (text) => decodeInvoiceRequest(text));
  const keyFile = values['key-file'];
  if (keyFile === undefined) throw new UsageError("--key-file is required: the node's key");
  const key = readKeyFile(keyFile);
  const nodeId = publicKeyOf(key, keyFile);
  const issuerId = request.offer.issuerId;
  if (issuerId !== undefined && hex(issuerId) !== hex(nodeId))
    throw new UsageError(
      `--key-file ${keyFile} is the key of ${hex(nodeId)}, not of the offer's issuer id ${hex(issuerId)}: the issuer signs the invoice`,
    );
  if (values.path === undefined)
    throw new UsageError(`--path is required (at least one): ${PATH_FORM}`);
  if (values.preimage !== undefined && values['payment-hash'] !== undefined)
    throw new UsageError('give --preimage or --payment-hash, not both');
  const made =
    values.preimage === undefined && values['payment-hash'] === undefined
      ? createPaymentPreimage()
      : undefined;
  let paymentHash: Uint8Array | string | undefined = values['payment-hash'];
  if (made) paymentHash = made.paymentHash;
  else if (values.preimage !== undefined) {
    if (!/^[0-9a-fA-F]{64}$/.test(values.preimage))
      throw new UsageError('--preimage must be 32 bytes in hex (64 characters)');
    paymentHash = sha256(Buffer.from(values.preimage, 'hex'));
  }
  const amountMsat = amountOption(values);
  // "if `invreq_amount` is present: MUST set `invoice_amount` to `invreq_amount`; otherwise: MUST
  // set `invoice_amount` to the expected amount": only a price in a currency leaves it to us.
  if (amountMsat !== undefined && request.offer.currency === undefined)
    throw new UsageError(
      `--${values['amount-sat'] === undefined ? 'amount-msat' : 'amount-sat'} is only for an offer priced in a currency: the invoice asks ${request.amountMsat !== undefined ? "the request's invreq_amount" : "the offer's amount times the quantity"}`,
    );
  const paths = values.path.map(pathOption);
  const text = built(
    () =>
      signBolt12(
        createInvoice({
          request,
          paths,
          paymentHash: paymentHash as Uint8Array | string,
          nodeId,
          ...(amountMsat !== undefined && { amountMsat }),
          ...(values.expiry !== undefined && {
            relativeExpiry: safeNumber('expiry', values.expiry),
          }),
          ...(values.timestamp !== undefined && {
            createdAt: wholeNumber('timestamp', values.timestamp),
          }),
          ...(values.fallback !== undefined && { fallbacks: values.fallback }),
        }),
        key,
        { uppercase: values.uppercase },
      ),
    flagsFor(values),
  );
  const preimage = made ? hex(made.preimage) : null;
  if (values.json) {
    const invoiceHash =
      typeof paymentHash === 'string' ? paymentHash.toLowerCase() : hex(paymentHash as Uint8Array);
    print(true, text, { invoice: text, payment_hash: invoiceHash, preimage });
  } else {
    process.stdout.write(`${text}\n${preimage ? `preimage ${preimage}\n` : ''}`);
  }
  return 0;
};

const COMMANDS = {
  offer: createOfferCommand,
  'invoice-request': createRequestCommand,
  invoice: createInvoiceCommand,
};

export type Bolt12Create = keyof typeof COMMANDS;

/**
 * `lninvoice create <kind> …`. Its usage errors are printed here, pointing to its own help
 * (the dispatcher would point to `create --help`, the BOLT 11 invoice's).
 */
export const runCreateBolt12 = (kind: Bolt12Create, args: string[]): number => {
  try {
    return COMMANDS[kind](args);
  } catch (error) {
    if (isUsageError(error)) {
      process.stderr.write(
        `lninvoice create ${kind}: ${oneLine(usageMessage(error))}\nRun "lninvoice create ${kind} --help" for usage.\n`,
      );
      return 2;
    }
    throw error;
  }
};
