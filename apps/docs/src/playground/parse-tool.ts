// "What is this?": any pasted or scanned text, classified by parseInput, with its fields.
import { type Input, type InputKind, parseInput, UriError } from '@lninvoice/uri';
import { errorView, problemView } from '../lib/codes';
import { $, type Child, h } from '../lib/dom';
import { valueTable } from '../lib/value-table';
import { echo, setupToolForm } from './tool-form';

const KINDS: Readonly<Record<InputKind, string>> = {
  'bitcoin-uri': 'a bitcoin: URI (BIP 321)',
  bolt11: 'a BOLT 11 invoice',
  'bolt12-offer': 'a BOLT 12 offer',
  'bolt12-invoice-request': 'a BOLT 12 invoice request',
  'bolt12-invoice': 'a BOLT 12 invoice',
  lnurl: 'an LNURL (LUD-01)',
  lud17: 'an LNURL as a LUD-17 URL',
  'lightning-address': 'a Lightning Address (LUD-16), also a BIP 353 name',
  bip353: 'a BIP 353 human-readable name',
  'onchain-address': 'an on-chain address',
  'node-id': 'a Lightning node id',
  'node-uri': 'a Lightning node URI (id@host:port)',
};

export const PARSE_SAMPLES: readonly string[] = [
  'bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.00021&label=Coffee&lightning=LNBC2500U1PVJLUEZSP5ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYG3ZYGSPP5QQQSYQCYQ5RQWZQFQQQSYQCYQ5RQWZQFQQQSYQCYQ5RQWZQFQYPQDQ5XYSXXATSYP3K7ENXV4JSXQZPU9QRSGQUK0RL77NJ30YXDY8J9VDX85FKPMDLA2087NE0XH8NHEDH8W27KYKE0LP53UT353S06FV3QFEGEXT0EH0YMJPF39TUVEN09SAM30G4VGPFNA3RH',
  'lightning:LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS',
  'satoshi@bitcoin.org',
  '₿matt@mattcorallo.com',
  'lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg',
  'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
  '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad@203.0.113.7:9735',
  'bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.001&amount=0.002',
];

/** Invoices inside the input, to open in the decoder. */
const invoicesIn = (input: Input): string[] =>
  input.kind === 'bolt11'
    ? [input.value]
    : input.kind === 'bitcoin-uri'
      ? [...input.lightning]
      : [];

export const setupParseTool = (openInDecoder: (invoice: string) => void): void => {
  const form = $<HTMLFormElement>('#parse-form');
  const update = setupToolForm(form, (text, data): Child[] => {
    let input: Input;
    try {
      input = parseInput(text, { lenient: data.get('lenient') !== null });
    } catch (error) {
      if (error instanceof UriError) return [errorView('uri', error), echo(text, error.span)];
      return [problemView(error)];
    }
    const buttons = invoicesIn(input).map((invoice) => {
      const button = h('button', { type: 'button' }, 'Open the invoice in the decoder');
      button.addEventListener('click', () => openInDecoder(invoice));
      return button;
    });
    return [
      h(
        'p',
        { class: 'kind' },
        'This is ',
        h('strong', { 'data-testid': 'input-kind', 'data-kind': input.kind }, KINDS[input.kind]),
        '.',
      ),
      valueTable(input, ['kind']),
      ...buttons,
    ];
  });

  const samples = $<HTMLSelectElement>('#parse-samples');
  for (const sample of PARSE_SAMPLES)
    samples.append(
      h('option', { value: sample }, sample.length > 70 ? `${sample.slice(0, 67)}…` : sample),
    );
  samples.addEventListener('change', () => {
    if (samples.value === '') return;
    $<HTMLTextAreaElement>('#parse-input').value = samples.value;
    update();
  });
};
