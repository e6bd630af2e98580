// `lninvoice lnurl decode|encode|pay|verify`: LNURLs and Lightning Addresses from the shell.
import { parseArgs } from 'node:util';
import { invoiceToJSON } from '@lninvoice/core';
import { showText } from '@lninvoice/core/text';
import {
  decodeLnurl,
  encodeLnurl,
  type Fetch,
  LnurlError,
  type LnurlErrorCode,
  type PayRequest,
  parseLightningAddress,
  requestInvoice,
  resolve,
  verifyPayment,
} from '@lninvoice/lnurl';
import { ValidationError, validate } from '@lninvoice/validate';
import { eachLine, inputSource } from '../input.js';
import { isUsageError, oneLine, toJson, UsageError, writeOut } from '../io.js';
import { networkOption, safeNumber, wholeNumber } from '../options.js';
import { ROUTE_HINT_FLAGS, routeHintPolicy } from './validate.js';

const LNURL_HELP = `Usage: lninvoice lnurl decode <lnurl | address | -> [--lenient]
       lninvoice lnurl encode <url | -> [--uppercase]
       lninvoice lnurl pay <lnurl | address> (--amount-msat <n> | --amount-sat <n>) [options]
       lninvoice lnurl verify <verify-url> <invoice> [options]

decode   prints what an LNURL (bech32, lnurlp:// and the other LUD-17 schemes, or a
         https://…?lightning= fallback) or a Lightning Address leads to, as JSON
encode   prints the bech32 LNURL of an https URL (or http .onion URL)
         (decode and encode: "-", or no argument and text piped in, reads one per line from
         standard input and prints one answer per line)
pay      fetches the pay request, asks for an invoice of that amount, checks its signature,
         network, amount, expiry and the fees its route hints add (as lninvoice validate
         does), and prints it (nothing is paid); on standard error, a
         warning when its description hash is not the metadata's (LUD-06 after luds PR #234),
         and its LUD-21 verify URL
verify   asks a LUD-21 verify URL whether the invoice is paid: prints "settled <preimage>"
         (the preimage checked against the invoice) or "not settled"

Options of pay:
  --network <name>              the wallet's network: bitcoin (default), testnet, signet, regtest
  --comment <text>              a LUD-12 comment
  --payer-name <name>           LUD-18 payer name, if the service asks for one
  --strict                      refuse an invoice whose description hash is not the metadata's
  --max-route-hint-fee-base <msat>, --max-route-hint-fee-ppm <n>, --max-route-hint-cltv-delta <blocks>
                                the most a route hint may add (default 50000 msat, 10000 ppm,
                                2016 blocks), as for lninvoice validate
  --json                        print the invoice, its description, success action, verify URL
                                and warnings as JSON (verify: the answer as JSON)
Options of pay and verify:
  --timeout <ms>                give up after this long (default 10000)
  --allow-private-hosts         also contact loopback, private and link-local hosts (127.0.0.1,
                                10.0.0.0/8, 169.254.169.254, localhost, …): refused by default
  --connect-to <host>=<origin>  send requests for <host> to <origin> instead, e.g.
                                svc.test=http://127.0.0.1:8080 to test a local service
Options:
  --lenient                     accept real-world forms no LUD defines (lightning:lnurlp://…,
                                uppercase address usernames, fallback URLs with more parameters)
  -h, --help                    show this help

Exit status: 0 on success (for verify, settled or not), 1 when the input or the service's
answer is refused, 2 on a usage error.`;

/** What the command line says about a refusal the library words for its own options. */
const HINTS: Partial<Record<LnurlErrorCode, string>> = {
  'insecure-host': ' (--allow-private-hosts allows it)',
  'insecure-redirect': ' (--allow-private-hosts allows a redirect to a private host)',
  'network-mismatch': " (--network names the wallet's network)",
  'description-hash-mismatch': ' (without --strict, a warning)',
};

/** The same, for the payer's checklist run over the service's invoice. */
const CHECKLIST_HINTS: Partial<Record<string, string>> = {
  'route-hint-fee-too-large':
    ' (--max-route-hint-fee-base and --max-route-hint-fee-ppm raise the ceilings)',
  'route-hint-cltv-delta-too-large': ' (--max-route-hint-cltv-delta raises the ceiling)',
};

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A fetch that sends requests for some hosts to other origins (curl's --connect-to, for tests). */
const connectingFetch = (routes: string[]): Fetch => {
  const table = routes.map((route) => {
    const match = /^([a-z0-9.-]+)=(https?:\/\/[^/]+)$/i.exec(route);
    if (!match)
      throw new UsageError(
        `--connect-to ${JSON.stringify(route)} must be <host>=<origin>, e.g. svc.test=http://127.0.0.1:8080`,
      );
    return { prefix: `https://${(match[1] as string).toLowerCase()}`, origin: match[2] as string };
  });
  return (url, init) => {
    const route = table.find(
      (r) => url.startsWith(r.prefix) && /^([/?#:]|$)/.test(url.slice(r.prefix.length)),
    );
    return fetch(
      route ? `${route.origin}${url.slice(route.prefix.length)}` : url,
      init,
    ) as ReturnType<Fetch>;
  };
};

/**
 * The service's invoice as a wallet takes it: without the surrounding whitespace (line
 * separators too) and `lightning:` prefix a reader drops, in lower case, BOLT 11's own form. It
 * decoded, so what is left is bech32 in one case. Never `pr` as received: a service may wrap it
 * in carriage returns and U+2028 that would reach the terminal, or a script reading the line.
 */
const invoiceText = (pr: string): string =>
  pr
    .trim()
    .replace(/^lightning:/i, '')
    .toLowerCase();

const print = (value: unknown): void => {
  process.stdout.write(`${toJson(value, 2)}\n`);
};

type Values = Record<string, string | boolean | string[] | undefined>;

/** The HTTP options of pay and verify: timeout, routes, private hosts. */
const httpOptions = (values: Values) => {
  const timeoutMs =
    typeof values.timeout === 'string' ? safeNumber('timeout', values.timeout) : 10_000;
  // What @lninvoice/lnurl accepts (a longer delay would make setTimeout fire at once).
  if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)
    throw new UsageError(`--timeout must be from 1 to ${MAX_TIMEOUT_MS} ms, got ${timeoutMs}`);
  return {
    fetch: connectingFetch((values['connect-to'] as string[] | undefined) ?? []),
    timeoutMs,
    allowPrivateHosts: values['allow-private-hosts'] === true,
  };
};

const pay = async (target: string, values: Values): Promise<void> => {
  const amountMsat =
    typeof values['amount-msat'] === 'string'
      ? wholeNumber('amount-msat', values['amount-msat'])
      : typeof values['amount-sat'] === 'string'
        ? wholeNumber('amount-sat', values['amount-sat']) * 1000n
        : undefined;
  if (amountMsat === undefined) throw new UsageError('pay needs --amount-msat or --amount-sat');
  if (values['amount-msat'] !== undefined && values['amount-sat'] !== undefined) {
    throw new UsageError('give --amount-msat or --amount-sat, not both');
  }
  const network = networkOption(typeof values.network === 'string' ? values.network : 'bitcoin');
  const ceilings = routeHintPolicy(values);
  const http = httpOptions(values);
  const now = Math.floor(Date.now() / 1000);
  const request = await resolve(target, { ...http, lenient: values.lenient === true });
  if (request.tag !== 'payRequest')
    throw new LnurlError(
      'tag-mismatch',
      `${showText(target)} leads to a ${request.tag}, not a payRequest`,
    );
  const payRequest: PayRequest = request;
  // LUD-18: "WALLET SHOULD NOT send payer identity types omitted in payerData record"; the
  // library refuses them as a caller's mistake, which here is the command line's.
  if (
    typeof values['payer-name'] === 'string' &&
    !Object.hasOwn(payRequest.payerData ?? {}, 'name')
  )
    throw new UsageError(
      `--payer-name: ${payRequest.domain} asks for no payer name (LUD-18: a wallet sends only the payer data a service asks for)`,
    );
  const result = await requestInvoice(payRequest, {
    ...http,
    amountMsat,
    network: network.name,
    // Refused if already expired by this machine's clock: it could not be paid.
    now,
    descriptionHash: values.strict === true ? 'strict' : 'warn',
    ...(typeof values.comment === 'string' ? { comment: values.comment } : {}),
    ...(typeof values['payer-name'] === 'string'
      ? { payerData: { name: values['payer-name'] } }
      : {}),
  });
  // What lnurl leaves to the payer's checklist: the fees and CLTV delta of the route hints, which
  // the service writes as it likes.
  const checked = validate(result.pr, { network: network.name, now, amountMsat, ...ceilings });
  if (!checked.ok) {
    const first = checked.issues.find((i) => i.severity === 'error') ?? checked.issues[0];
    if (first !== undefined)
      throw new ValidationError(first.code, first.message, { issues: checked.issues });
  }
  if (values.json) {
    print({
      invoice: invoiceText(result.pr),
      domain: payRequest.domain,
      description: payRequest.metadata.display,
      success_action: result.successAction ?? null,
      disposable: result.disposable,
      verify: result.verify ?? null,
      // What the pay request said (a dropped nostrPubkey), then what its invoice did.
      warnings: [...payRequest.warnings, ...result.warnings],
      decoded: invoiceToJSON(result.invoice),
    });
    return;
  }
  // The invoice alone on standard output (for a pipe); what to know about it on standard error.
  for (const { code, message } of [...payRequest.warnings, ...result.warnings])
    process.stderr.write(`lninvoice: warning: ${code}: ${oneLine(message)}\n`);
  if (result.verify !== undefined)
    process.stderr.write(`lninvoice: verify (LUD-21): ${oneLine(result.verify)}\n`);
  process.stdout.write(`${oneLine(invoiceText(result.pr))}\n`);
};

/** encodeLnurl; a URL too long for an LNURL is the user's argument: a usage error. */
const encodeUrl = (url: string, uppercase: boolean): string => {
  try {
    return encodeLnurl(url, { uppercase });
  } catch (error) {
    if (error instanceof RangeError && error.message.startsWith('url '))
      throw new UsageError(`<url> ${error.message.slice('url '.length)}`);
    throw error;
  }
};

const verify = async (verifyUrl: string, invoice: string, values: Values): Promise<void> => {
  let result: Awaited<ReturnType<typeof verifyPayment>>;
  try {
    result = await verifyPayment(verifyUrl, invoice, httpOptions(values));
  } catch (error) {
    // A pr that is no invoice is the user's argument: a usage error, in the command's words.
    if (error instanceof RangeError && error.message.startsWith('pr '))
      throw new UsageError(`<invoice> ${error.message.slice('pr '.length)}`);
    throw error;
  }
  if (values.json) print(result);
  else process.stdout.write(result.settled ? `settled ${result.preimage}\n` : 'not settled\n');
};

const USAGE =
  'write lnurl decode <lnurl | address>, lnurl encode <url>, lnurl pay <lnurl | address> --amount-msat <n> or lnurl verify <verify-url> <invoice>';

/**
 * `lnurl decode` and `lnurl encode`: of the argument, or of each line of standard input (with
 * "-", or no argument and text piped in), one answer per line.
 */
const convert = async (
  action: 'decode' | 'encode',
  args: string[],
  values: { lenient: boolean; uppercase: boolean },
): Promise<number> => {
  const source = inputSource(args, USAGE);
  const one = async (input: string, at: string, indent?: number): Promise<boolean> => {
    try {
      if (action === 'encode') {
        await writeOut(`${encodeUrl(input.trim(), values.uppercase)}\n`);
      } else {
        const address = input.includes('@') && !input.includes(':');
        const read = address
          ? parseLightningAddress(input, { lenient: values.lenient })
          : decodeLnurl(input, { lenient: values.lenient });
        await writeOut(`${toJson(read, indent)}\n`);
      }
      return true;
    } catch (error) {
      // A URL too long for an LNURL: the argument's usage error, or one line's failure.
      if (isUsageError(error) && at !== '') {
        process.stderr.write(`lninvoice: ${at}${oneLine(error.message)}\n`);
        return false;
      }
      if (!(error instanceof LnurlError)) throw error;
      process.stderr.write(`lninvoice: ${at}${error.code}: ${oneLine(error.message)}\n`);
      return false;
    }
  };
  if (source.from === 'argument') return (await one(source.text, '', 2)) ? 0 : 1;
  return eachLine(source, action === 'encode' ? 'URL' : 'LNURL', (text, line) =>
    one(text, `line ${line}: `),
  );
};

export const runLnurl = async (args: string[]): Promise<number> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lenient: { type: 'boolean', default: false },
      uppercase: { type: 'boolean', default: false },
      'amount-msat': { type: 'string' },
      'amount-sat': { type: 'string' },
      comment: { type: 'string' },
      'payer-name': { type: 'string' },
      json: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      network: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'allow-private-hosts': { type: 'boolean', default: false },
      ...ROUTE_HINT_FLAGS,
      'connect-to': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${LNURL_HELP}\n`);
    return 0;
  }
  const [action, ...rest] = positionals;
  if (action === 'decode' || action === 'encode') return convert(action, rest, values);
  const [input, ...extra] = rest;
  if (
    input === undefined ||
    extra.length > (action === 'verify' ? 1 : 0) ||
    (action === 'verify' && extra.length === 0) ||
    (action !== 'pay' && action !== 'verify')
  ) {
    throw new UsageError(USAGE);
  }
  try {
    if (action === 'verify') {
      await verify(input, extra[0] as string, values);
    } else {
      await pay(input, values);
    }
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      // The service's invoice, refused by the payer's checklist: every error, in the CLI's words.
      for (const { code, message } of error.issues.filter((i) => i.severity === 'error'))
        process.stderr.write(
          `lninvoice: ${code}: the service's invoice: ${oneLine(message)}${CHECKLIST_HINTS[code] ?? ''}\n`,
        );
      return 1;
    }
    if (!(error instanceof LnurlError)) throw error;
    process.stderr.write(
      `lninvoice: ${error.code}: ${oneLine(error.message)}${HINTS[error.code] ?? ''}\n`,
    );
    return 1;
  }
};
