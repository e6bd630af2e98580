// "BIP 353 proof": a name, an RFC 9102 proof (hex) and a time, verified offline by
// verifyBip353Proof: the URI, what it pays, the TTL and the path through aliases, or the error
// with its code. Text from the proof (the URI, the names) is shown as text, its hidden
// characters visible; nothing is fetched. BIP 353's example proofs are loaded when the tab is
// first shown.
import {
  Bip353Error,
  type Bip353Result,
  parseBip353Name,
  verifyBip353Proof,
} from '@lninvoice/bip353';
import { errorView, problemView } from '../lib/codes';
import { $, type Child, h, show } from '../lib/dom';
import { formatDuration, formatTime } from '../lib/format';
import { valueTable } from '../lib/value-table';
import { visibleText } from '../lib/visible-text';
import { decodableIn } from './parse-tool';

type Samples = typeof import('./bip353-samples');

/** The bytes of `text`, hex with any whitespace; a RangeError saying what is wrong otherwise. */
const hexBytes = (text: string): Uint8Array => {
  const hex = text.replace(/\s+/g, '');
  const bad = /[^0-9a-fA-F]/.exec(hex);
  if (bad !== null)
    throw new RangeError(`the proof must be hex, but holds ${JSON.stringify(bad[0])}`);
  if (hex.length % 2 !== 0)
    throw new RangeError(`the proof has an odd number of hex digits (${hex.length})`);
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) =>
    Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16),
  );
};

/**
 * `proof` without the name of BIP 353's PSBT form (a length byte, then the name without ₿) when
 * that is `name`, in any case; as it is when it starts with no name. Another name is refused:
 * the proof is not for this one.
 */
const withoutNamePrefix = (proof: Uint8Array, name: string): Uint8Array => {
  const length = proof[0] ?? 0;
  if (length < 3 || proof.length <= length) return proof;
  const prefix = String.fromCharCode(...proof.subarray(1, 1 + length));
  if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(prefix)) return proof;
  if (prefix.toLowerCase() !== name.toLowerCase())
    throw new RangeError(
      `the proof starts with the name ₿${prefix} (BIP 353's PSBT form), not ₿${name}`,
    );
  return proof.subarray(1 + length);
};

/** Seconds since 1970 typed by a person: digits only; empty is the clock. */
const readNow = (text: string): number => {
  if (text === '') return Math.floor(Date.now() / 1000);
  if (!/^\d+$/.test(text)) throw new RangeError('the time must be whole seconds since 1970');
  // The library says when it looks like milliseconds.
  return Number(text);
};

const resultView = (
  result: Bip353Result,
  now: number,
  openInDecoder: (text: string) => void,
): Child[] => {
  const buttons = decodableIn(result.parsed).map(({ text, label }) => {
    const button = h('button', { type: 'button' }, label);
    button.addEventListener('click', () => openInDecoder(text));
    return button;
  });
  return [
    h(
      'p',
      { class: 'kind' },
      h('span', { class: 'badge badge-ok', 'data-testid': 'bip353-verdict' }, 'proven'),
      ' ',
      `₿${result.name} pays with:`,
    ),
    h('div', { class: 'echo mono', 'data-testid': 'bip353-uri' }, visibleText(result.uri)),
    valueTable({
      name: `₿${result.name}`,
      dnsName: result.dnsName,
      path: result.path,
      ttl: formatDuration(result.ttl),
      checkedAt: formatTime(now),
      proof: `${result.proof.length} bytes`,
    }),
    h('h2', {}, 'The payment instructions'),
    h('div', { 'data-testid': 'bip353-parsed' }, valueTable(result.parsed, ['kind'])),
    ...buttons,
  ];
};

export const setupBip353Tool = (openInDecoder: (text: string) => void): void => {
  const form = $<HTMLFormElement>('#bip353-form');
  const output = $('[data-output]', form);
  const nowReadable = $('#bip353-now-readable');
  let last: string | undefined;
  let latest = 0;
  let shown = 0;

  /** Checks what the form holds and shows it; `data-state` is `done` once shown (for tests). */
  const update = async () => {
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const proofText = String(data.get('proof') ?? '');
    const nowText = String(data.get('now') ?? '').trim();
    const state = JSON.stringify([name, proofText, nowText]);
    if (state === last) {
      if (latest === shown) output.dataset.state = 'done';
      return;
    }
    last = state;
    nowReadable.textContent = /^\d{1,11}$/.test(nowText) ? formatTime(Number(nowText)) : '';
    const ticket = ++latest;
    output.dataset.state = 'running';
    let view: Child[] = [];
    if (name !== '' && proofText.trim() !== '') {
      try {
        const now = readNow(nowText);
        // The name first: a mistyped name is said as such, not as a proof that does not match.
        const parsed = parseBip353Name(name);
        const proof = withoutNamePrefix(hexBytes(proofText), parsed.name);
        view = resultView(await verifyBip353Proof(name, proof, { now }), now, openInDecoder);
      } catch (error) {
        view = [error instanceof Bip353Error ? errorView('bip353', error) : problemView(error)];
      }
    }
    // A later edit was made while this one was checked: its result is the one to show.
    if (ticket !== latest) return;
    show(output, ...view);
    shown = ticket;
    output.dataset.state = 'done';
  };
  // The example menu fills the form itself (below), once its examples are loaded.
  const changed = (event: Event) => {
    if ((event.target as Element | null)?.id !== 'bip353-samples') void update();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void update();
  });

  // BIP 353's examples, 24 KiB of hex: loaded when the tab is first shown.
  const menu = $<HTMLSelectElement>('#bip353-samples');
  const note = $('#bip353-sample-note');
  let samples: Promise<Samples> | undefined;
  const loadSamples = () => {
    samples ??= import('./bip353-samples').then((module) => {
      for (const example of module.BIP353_EXAMPLES)
        menu.append(h('option', { value: example.id }, `₿${example.name} — ${example.about}`));
      menu.dataset.loaded = '';
      return module;
    });
    return samples;
  };
  $('#panel-bip353').addEventListener('tab-shown', () => void loadSamples());
  menu.addEventListener('change', async () => {
    output.dataset.state = 'running';
    const { BIP353_EXAMPLES, VALID_AT } = await loadSamples();
    const example = BIP353_EXAMPLES.find((e) => e.id === menu.value);
    if (example === undefined) return update();
    $<HTMLInputElement>('#bip353-name').value = `₿${example.name}`;
    $<HTMLTextAreaElement>('#bip353-proof').value = example.psbt;
    $<HTMLInputElement>('#bip353-now').value = String(VALID_AT);
    note.hidden = false;
    note.textContent = `BIP 353's example proof (${example.about}), as the BIP writes it: the name, then the proof. Its signatures are checked at ${formatTime(VALID_AT)}, when they were valid.`;
    await update();
  });
};
