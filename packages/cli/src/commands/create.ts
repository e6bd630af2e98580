// `lninvoice create`: build and sign a BOLT 11 invoice from options; `create offer`,
// `create invoice-request` and `create invoice` (BOLT 12) are in on-demand/create-bolt12.ts.
import { parseArgs } from 'node:util';
import {
  type CreateInvoiceParams,
  createInvoice,
  createPaymentPreimage,
  decode,
  type InvoiceFeatureName,
  nodeKeyOf,
  type RouteHintHopParams,
  satToMsat,
  signInvoice,
} from '@lninvoice/core';
import { type Flags, withFlags } from '../flags.js';
import { toJson, UsageError } from '../io.js';
import {
  networkOption,
  readKeyFile,
  safeNumber,
  secondsSince1970,
  wholeNumber,
} from '../options.js';

const CREATE_HELP = `Usage: lninvoice create --network <name> --key-file <path> (--description <text> | --description-hash <hex>) [options]
       lninvoice create offer | invoice-request | invoice [options]
                                (BOLT 12: see "lninvoice create offer --help" and the others)

Creates a BOLT 11 invoice, signs it with the key in --key-file and prints it. Without --preimage or
--payment-hash, makes a new random preimage and prints it on the next line: keep it secret
until you are paid, it is what settles the payment.

Options:
  --network <name>              bitcoin, testnet, signet or regtest
  --key-file <path>             the node's private key: 64 hex characters, or 32 raw bytes
  --amount-msat <n> | --amount-sat <n>
                                the amount; without it, the payer chooses
  --description <text> | --description-hash <hex>
  --preimage <hex> | --payment-hash <hex>
  --payment-secret <hex>        default: random
  --expiry <seconds>            default: none written (readers assume 3600)
  --min-final-cltv-expiry-delta <blocks>
                                default: none written (readers assume 18)
  --fallback <address>          an on-chain address of the network (repeatable)
  --route-hint <hops>           a private route: hops separated by ";", each
                                <pubkey>,<block>x<tx>x<output>,<fee_base_msat>,<fee_ppm>,<cltv_delta>
                                (repeatable, one route each)
  --feature <name>[=optional]   add a BOLT 9 feature, e.g. basic_mpp=optional (repeatable)
  --metadata <hex>              payment metadata
  --include-node-key            write the n field (the payee's node key)
  --timestamp <seconds>         default: now
  --uppercase                   upper case, for QR codes
  --json                        print {"invoice", "payment_hash", "preimage"} as JSON
  -h, --help                    show this help

Exit status: 0 when the invoice is made, 2 when an option is missing or invalid.`;

/** createInvoice's parameter names, as the options that give them (see flags.ts). */
const FLAGS: Flags = {
  network: '--network',
  amountMsat: '--amount-msat',
  description: '--description',
  descriptionHash: '--description-hash',
  preimage: '--preimage',
  paymentHash: '--payment-hash',
  paymentSecret: '--payment-secret',
  expiry: '--expiry',
  minFinalCltvExpiryDelta: '--min-final-cltv-expiry-delta',
  fallbackAddresses: '--fallback',
  routeHints: '--route-hint',
  features: '--feature',
  metadata: '--metadata',
  payeeNodeKey: '--include-node-key',
  timestamp: '--timestamp',
  privateKey: '--key-file',
};

const routeHint = (text: string): RouteHintHopParams[] =>
  text.split(';').map((hop) => {
    const parts = hop.split(',');
    if (parts.length !== 5) {
      throw new UsageError(
        `--route-hint hop "${hop}" must be <pubkey>,<short channel id>,<fee_base_msat>,<fee_ppm>,<cltv_delta>`,
      );
    }
    const [pubkey, shortChannelId, base, ppm, cltv] = parts as [
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      pubkey,
      shortChannelId,
      feeBaseMsat: safeNumber('route-hint fee_base_msat', base),
      feeProportionalMillionths: safeNumber('route-hint fee_ppm', ppm),
      cltvExpiryDelta: safeNumber('route-hint cltv_delta', cltv),
    };
  });

const features = (list: string[]): NonNullable<CreateInvoiceParams['features']> => {
  const out: Partial<Record<InvoiceFeatureName, 'required' | 'optional'>> = {
    var_onion_optin: 'required',
    payment_secret: 'required',
  };
  for (const item of list) {
    const [name, kind = 'required'] = item.split('=');
    if (kind !== 'required' && kind !== 'optional') {
      throw new UsageError(`--feature ${item}: write <name>, <name>=required or <name>=optional`);
    }
    out[name as InvoiceFeatureName] = kind;
  }
  return out;
};

type Bolt12 = typeof import('../on-demand/create-bolt12.js');
const BOLT12_KINDS = ['offer', 'invoice-request', 'invoice'];

export const runCreate = async (args: string[]): Promise<number> => {
  const [kind, ...rest] = args;
  if (kind !== undefined && BOLT12_KINDS.includes(kind)) {
    // BOLT 12 in a file of its own: a BOLT 11 invoice is made without reading it. A computed
    // path, which the bundler leaves to Node.
    const bolt12 = require(['..', 'on-demand', 'create-bolt12.cjs'].join('/')) as Bolt12;
    return bolt12.runCreateBolt12(kind as Parameters<Bolt12['runCreateBolt12']>[0], rest);
  }
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: {
      network: { type: 'string' },
      'key-file': { type: 'string' },
      'amount-msat': { type: 'string' },
      'amount-sat': { type: 'string' },
      description: { type: 'string' },
      'description-hash': { type: 'string' },
      preimage: { type: 'string' },
      'payment-hash': { type: 'string' },
      'payment-secret': { type: 'string' },
      expiry: { type: 'string' },
      'min-final-cltv-expiry-delta': { type: 'string' },
      fallback: { type: 'string', multiple: true },
      'route-hint': { type: 'string', multiple: true },
      feature: { type: 'string', multiple: true },
      metadata: { type: 'string' },
      'include-node-key': { type: 'boolean', default: false },
      timestamp: { type: 'string' },
      uppercase: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${CREATE_HELP}\n`);
    return 0;
  }
  if (values.network === undefined) throw new UsageError('--network is required');
  const network = networkOption(values.network);
  if (values['key-file'] === undefined) throw new UsageError('--key-file is required');
  if (values['amount-msat'] !== undefined && values['amount-sat'] !== undefined) {
    throw new UsageError('give --amount-msat or --amount-sat, not both');
  }
  // "MUST include either exactly one `d` or exactly one `h` field."
  if ((values.description === undefined) === (values['description-hash'] === undefined))
    throw new UsageError(
      'give exactly one of --description <text> and --description-hash <hex>: what the payment is for',
    );
  const key = readKeyFile(values['key-file']);

  const made =
    values.preimage === undefined && values['payment-hash'] === undefined
      ? createPaymentPreimage()
      : undefined;
  const amountMsat =
    values['amount-msat'] !== undefined
      ? wholeNumber('amount-msat', values['amount-msat'])
      : values['amount-sat'] !== undefined
        ? satToMsat(wholeNumber('amount-sat', values['amount-sat']))
        : undefined;
  if (amountMsat === 0n)
    throw new UsageError(
      `--${values['amount-sat'] === undefined ? 'amount-msat' : 'amount-sat'} must be at least 1: leave it out and the payer chooses the amount`,
    );
  type Params = { -readonly [K in keyof CreateInvoiceParams]: CreateInvoiceParams[K] };
  const params: Params = {
    network,
    fallbackAddresses: values.fallback ?? [],
    routeHints: (values['route-hint'] ?? []).map(routeHint),
    features: features(values.feature ?? []),
  };
  if (amountMsat !== undefined) params.amountMsat = amountMsat;
  if (values.description !== undefined) params.description = values.description;
  if (values['description-hash'] !== undefined) params.descriptionHash = values['description-hash'];
  if (values.preimage !== undefined) params.preimage = values.preimage;
  if (values['payment-hash'] !== undefined) params.paymentHash = values['payment-hash'];
  if (made) params.preimage = made.preimage;
  if (values['payment-secret'] !== undefined) params.paymentSecret = values['payment-secret'];
  if (values.expiry !== undefined) params.expiry = safeNumber('expiry', values.expiry);
  const cltv = values['min-final-cltv-expiry-delta'];
  if (cltv !== undefined)
    params.minFinalCltvExpiryDelta = safeNumber('min-final-cltv-expiry-delta', cltv);
  if (values.metadata !== undefined) params.metadata = values.metadata;
  if (values['include-node-key']) params.payeeNodeKey = nodeKeyOf(key);
  if (values.timestamp !== undefined)
    params.timestamp = secondsSince1970('timestamp', values.timestamp);

  // createInvoice names the parameter; say it the way the command line does.
  const flags =
    values['amount-sat'] === undefined ? FLAGS : { ...FLAGS, amountMsat: '--amount-sat' };
  const invoice = withFlags(
    () => signInvoice(createInvoice(params), key, { uppercase: values.uppercase }),
    flags,
    (message) => new UsageError(message),
  );

  const preimage = made ? Buffer.from(made.preimage).toString('hex') : null;
  if (values.json) {
    const paymentHash = Buffer.from(decode(invoice, { verify: false }).paymentHash).toString('hex');
    process.stdout.write(`${toJson({ invoice, payment_hash: paymentHash, preimage }, 2)}\n`);
  } else {
    process.stdout.write(`${invoice}\n${preimage ? `preimage ${preimage}\n` : ''}`);
  }
  return 0;
};
