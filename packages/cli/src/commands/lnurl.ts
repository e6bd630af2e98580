// `lninvoice lnurl decode|encode|pay`: LNURLs and Lightning Addresses from the shell.
import { parseArgs } from 'node:util';
import { invoiceToJSON } from '@lninvoice/core';
import { showText } from '@lninvoice/core/text';
import {
  decodeLnurl,
  encodeLnurl,
  type Fetch,
  LnurlError,
  type PayRequest,
  parseLightningAddress,
  requestInvoice,
  resolve,
} from '@lninvoice/lnurl';
import { oneLine, toJson, UsageError } from '../io.js';
import { safeNumber, wholeNumber } from '../options.js';

const LNURL_HELP = `Usage: lninvoice lnurl decode <lnurl | address> [--lenient]
       lninvoice lnurl encode <url> [--uppercase]
       lninvoice lnurl pay <lnurl | address> (--amount-msat <n> | --amount-sat <n>) [options]

decode   prints what an LNURL (bech32, lnurlp:// and the other LUD-17 schemes, or a
         https://…?lightning= fallback) or a Lightning Address leads to, as JSON
encode   prints the bech32 LNURL of an https URL (or http .onion URL)
pay      fetches the pay request, asks for an invoice of that amount, checks its signature,
         amount and description hash, and prints it (nothing is paid)

Options of pay:
  --comment <text>              a LUD-12 comment
  --payer-name <name>           LUD-18 payer name, if the service asks for one
  --json                        print the invoice, its description and success action as JSON
  --timeout <ms>                give up after this long (default 10000)
  --connect-to <host>=<origin>  send requests for <host> to <origin> instead, e.g.
                                svc.test=http://127.0.0.1:8080 to test a local service
Options:
  --lenient                     accept real-world forms no LUD defines (lightning:lnurlp://…,
                                uppercase address usernames, fallback URLs with more parameters)
  -h, --help                    show this help

Exit status: 0 on success, 1 when the input or the service's answer is refused, 2 on a usage error.`;

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

const print = (value: unknown): void => {
  process.stdout.write(`${toJson(value, 2)}\n`);
};

const pay = async (
  target: string,
  values: Record<string, string | boolean | string[] | undefined>,
): Promise<void> => {
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
  const timeoutMs =
    typeof values.timeout === 'string' ? safeNumber('timeout', values.timeout) : 10_000;
  // What @lninvoice/lnurl accepts (a longer delay would make setTimeout fire at once).
  if (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)
    throw new UsageError(`--timeout must be from 1 to ${MAX_TIMEOUT_MS} ms, got ${timeoutMs}`);
  const http = {
    fetch: connectingFetch((values['connect-to'] as string[] | undefined) ?? []),
    timeoutMs,
  };
  const request = await resolve(target, { ...http, lenient: values.lenient === true });
  if (request.tag !== 'payRequest')
    throw new LnurlError(
      'tag-mismatch',
      `${showText(target)} leads to a ${request.tag}, not a payRequest`,
    );
  const payRequest: PayRequest = request;
  const result = await requestInvoice(payRequest, {
    ...http,
    amountMsat,
    ...(typeof values.comment === 'string' ? { comment: values.comment } : {}),
    ...(typeof values['payer-name'] === 'string'
      ? { payerData: { name: values['payer-name'] } }
      : {}),
  });
  if (values.json) {
    print({
      invoice: result.pr,
      domain: payRequest.domain,
      description: payRequest.metadata.display,
      success_action: result.successAction ?? null,
      disposable: result.disposable,
      decoded: invoiceToJSON(result.invoice),
    });
  } else {
    process.stdout.write(`${result.pr}\n`);
  }
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
      'connect-to': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${LNURL_HELP}\n`);
    return 0;
  }
  const [action, input, ...extra] = positionals;
  if (
    input === undefined ||
    extra.length > 0 ||
    !['decode', 'encode', 'pay'].includes(action ?? '')
  ) {
    throw new UsageError(
      'write lnurl decode <lnurl | address>, lnurl encode <url> or lnurl pay <lnurl | address> --amount-msat <n>',
    );
  }
  try {
    if (action === 'encode') {
      process.stdout.write(`${encodeLnurl(input, { uppercase: values.uppercase })}\n`);
    } else if (action === 'decode') {
      const address = input.includes('@') && !input.includes(':');
      print(
        address
          ? parseLightningAddress(input, { lenient: values.lenient })
          : decodeLnurl(input, { lenient: values.lenient }),
      );
    } else {
      await pay(input, values);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof LnurlError)) throw error;
    process.stderr.write(`lninvoice: ${error.code}: ${oneLine(error.message)}\n`);
    return 1;
  }
};
