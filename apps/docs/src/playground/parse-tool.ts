// "What is this?": any pasted or scanned text, classified by parseInput, with its fields.
import { type Input, type InputKind, parseInput, UriError, type UriWarning } from '@lninvoice/uri';
import { codeLink, errorView, problemView } from '../lib/codes';
import { $, type Child, h } from '../lib/dom';
import { valueTable } from '../lib/value-table';
import { visibleText } from '../lib/visible-text';
import { PARSE_SAMPLES } from './parse-samples';
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

/** What the decoder reads inside the input (invoices, offers), with the button's words. */
export const decodableIn = (input: Input): { text: string; label: string }[] => {
  switch (input.kind) {
    case 'bolt11':
      return [{ text: input.value, label: 'Open the invoice in the decoder' }];
    case 'bitcoin-uri':
      return [
        ...input.lightning.map((text) => ({ text, label: 'Open the invoice in the decoder' })),
        ...input.lno.map((text) => ({ text, label: 'Open the offer in the decoder' })),
      ];
    case 'bolt12-offer':
      return [{ text: input.value, label: 'Open the offer in the decoder' }];
    case 'bolt12-invoice-request':
      return [{ text: input.value, label: 'Open the invoice request in the decoder' }];
    case 'bolt12-invoice':
      return [{ text: input.value, label: 'Open the invoice in the decoder' }];
    default:
      return [];
  }
};

/** A part of a bitcoin: URI that parseInput left out: its code, message, and where it is. */
const warningView = (text: string, warning: UriWarning): HTMLElement =>
  h(
    'div',
    { class: 'error-box', 'data-testid': 'uri-warning' },
    h(
      'p',
      { class: 'error-title' },
      h('span', { class: 'badge badge-warning' }, 'left out'),
      ' ',
      h('span', { 'data-testid': 'warning-code' }, codeLink('uri', warning.code)),
    ),
    h('p', { class: 'error-message' }, visibleText(warning.message)),
    echo(text, warning.span),
  );

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
    const buttons = decodableIn(input).map(({ text, label }) => {
      const button = h('button', { type: 'button' }, label);
      button.addEventListener('click', () => openInDecoder(text));
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
      ...(input.kind === 'bitcoin-uri' ? input.warnings.map((w) => warningView(text, w)) : []),
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
