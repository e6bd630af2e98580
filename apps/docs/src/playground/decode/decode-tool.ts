// The decoder: paste a BOLT 11 invoice or a BOLT 12 offer, invoice request or invoice (or open a
// link with one in the fragment) and see its sections, its fields, its error with the part at
// fault underlined, and the payer's checklist (validate for BOLT 11, validateBolt12 for BOLT 12).

import siteData from 'virtual:site-data';
import {
  type AnyInvoice,
  Bolt11Error,
  decode,
  invoiceSections,
  type Section,
} from '@lninvoice/core';
import { validate, validateBolt12 } from '@lninvoice/validate';
import { errorView, problemView } from '../../lib/codes';
import { $, h, show } from '../../lib/dom';
import { formatTime } from '../../lib/format';
import { fragmentFor } from '../fragment';
import { bolt12FieldsTable, bolt12Rows, type RowGroup } from './bolt12/fields';
import { type Bolt12Reading, looksLikeBolt12, readBolt12 } from './bolt12/read';
import { bolt12SectionInfo } from './bolt12/section-info';
import { drawBolt12String, recordLegend } from './bolt12/string';
import { checklistView } from './checklist';
import { fieldsTable } from './fields-table';
import { drawInvoiceString } from './invoice-string';
import { readPolicy } from './policy-form';
import { kindDescription, sectionTitle, sectionValue } from './section-info';

interface Decoded {
  readonly text: string;
  readonly sections: readonly Section[];
  /** What could be read: verified, or parsed only when verifying failed or was switched off. */
  readonly invoice: AnyInvoice | undefined;
  readonly error: Bolt11Error | undefined;
}

const readInvoice = (text: string, legacy: boolean, verify: boolean): Decoded => {
  let sections: readonly Section[] = [];
  try {
    sections = invoiceSections(text);
  } catch {
    // Not even framed (bad checksum, no separator…): decode's error says why.
  }
  try {
    return { text, sections, invoice: decode(text, { legacy, verify }), error: undefined };
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    let invoice: AnyInvoice | undefined;
    try {
      invoice = decode(text, { legacy, verify: false }); // the fields, if only the signature failed
    } catch {
      invoice = undefined;
    }
    return { text, sections, invoice, error };
  }
};

/** What the decoder shows: a BOLT 11 invoice, or a BOLT 12 string with its rows. */
type Current =
  | { readonly format: 'bolt11'; readonly decoded: Decoded }
  | {
      readonly format: 'bolt12';
      readonly reading: Bolt12Reading;
      readonly groups: readonly RowGroup[] | undefined;
    };

const KIND_NAMES = {
  offer: 'a BOLT 12 offer',
  invoice_request: 'a BOLT 12 invoice request',
  invoice: 'a BOLT 12 invoice',
} as const;

const LEGACY_HINT =
  'The legacy option skips fields of the wrong length instead (what LDK, lnd and CLN still do): see Policy decisions.';

export const setupDecodeTool = (): { open: (invoice: string) => void } => {
  const input = $<HTMLTextAreaElement>('#invoice-input');
  const verifyBox = $<HTMLInputElement>('#opt-verify');
  const legacyBox = $<HTMLInputElement>('#opt-legacy');
  const samples = $<HTMLSelectElement>('#invoice-samples');
  const sampleNote = $('#sample-note');
  const empty = $('#decode-empty');
  const result = $('#decode-result');
  const stringView = $('#invoice-string');
  const sectionInfo = $('#section-info');
  const errorBox = $('#decode-error');
  const fieldsBox = $('#decoded-fields');
  const policyForm = $<HTMLFormElement>('#policy-form');
  const policyProblems = $('#policy-problems');
  const checklistBox = $('#checklist');
  const nowInput = $<HTMLInputElement>('input[name="now"]', policyForm);
  const nowReadable = $('#now-readable');
  const kindLine = $('#decode-kind');
  const legend = $('#record-legend');
  const checklistTitle = $('#checklist-title');
  const requestLabel = $('#policy-request');
  let current: Current | undefined;

  const clock = () => String(Math.floor(Date.now() / 1000));
  nowInput.value = clock();

  const updateChecklist = () => {
    const reading = current?.format === 'bolt12' ? current.reading : undefined;
    const invoice = (reading?.message?.kind ?? reading?.kind) === 'invoice';
    requestLabel.hidden = !invoice;
    const { policy, problems } = readPolicy(
      policyForm,
      reading === undefined
        ? { format: 'bolt11', legacy: legacyBox.checked }
        : { format: 'bolt12', invoice },
    );
    show(policyProblems, ...problems.map((p) => h('p', { class: 'hint problem' }, p)));
    nowReadable.textContent = policy.now === undefined ? '' : formatTime(policy.now);
    if (current === undefined) return;
    try {
      const subject =
        current.format === 'bolt12'
          ? {
              format: 'bolt12' as const,
              result: validateBolt12(current.reading.text, policy),
              kind: current.reading.kind,
            }
          : { format: 'bolt11' as const, result: validate(current.decoded.text, policy) };
      show(checklistBox, checklistView(subject, policy));
    } catch (error) {
      // A policy the library refuses (TypeError, RangeError): its message, not a checklist.
      show(checklistBox, problemView(error));
    }
  };

  const unverifiedNote = () =>
    h(
      'p',
      { class: 'unverified' },
      'Parsed without a valid signature check: nothing here is established.',
    );

  const updateBolt12 = (text: string, verify: boolean) => {
    const reading = readBolt12(text, verify);
    const { sections, message, error } = reading;
    const groups = message === undefined ? undefined : bolt12Rows(message);
    current = { format: 'bolt12', reading, groups };
    legacyBox.disabled = true;
    checklistTitle.textContent = 'Payer’s checklist (BOLT 12)';
    const kind = message?.kind ?? reading.kind;
    show(
      kindLine,
      'This is ',
      h(
        'strong',
        { 'data-testid': 'decoded-kind', 'data-kind': kind },
        kind === undefined ? 'a BOLT 12 string' : KIND_NAMES[kind],
      ),
      kind === 'offer' ? ' (offers are not signed: anyone can write one)' : '',
      '.',
    );
    drawBolt12String(stringView, text, sections, error?.span);
    show(legend, sections.length === 0 ? null : recordLegend(sections));
    sectionInfo.textContent = 'Hover or focus a part of the string to see what it is.';
    show(
      errorBox,
      error === undefined
        ? null
        : errorView(
            'bolt12',
            error,
            error.field === undefined
              ? null
              : h(
                  'p',
                  { class: 'hint' },
                  'Field: ',
                  h('code', { 'data-testid': 'error-field' }, error.field),
                ),
          ),
    );
    const signed = message !== undefined && message.kind !== 'offer';
    show(
      fieldsBox,
      groups === undefined
        ? h('p', { class: 'hint' }, 'Nothing could be read: see the error above.')
        : h(
            'div',
            {},
            signed && (error !== undefined || !verify) ? unverifiedNote() : null,
            bolt12FieldsTable(groups, sections),
          ),
    );
  };

  const update = () => {
    const text = input.value;
    if (text.trim() === '') {
      current = undefined;
      legacyBox.disabled = false;
      empty.hidden = false;
      result.hidden = true;
      return;
    }
    empty.hidden = true;
    result.hidden = false;
    const verify = verifyBox.checked;
    if (looksLikeBolt12(text)) {
      updateBolt12(text, verify);
      updateChecklist();
      return;
    }
    legacyBox.disabled = false;
    checklistTitle.textContent = 'Payer’s checklist';
    show(kindLine);
    show(legend);
    const decoded = readInvoice(text, legacyBox.checked, verify);
    current = { format: 'bolt11', decoded };
    const { sections, invoice, error } = decoded;
    drawInvoiceString(stringView, text, sections, error?.span);
    sectionInfo.textContent = 'Hover or focus a part of the invoice to see what it is.';
    show(
      errorBox,
      error === undefined
        ? null
        : errorView(
            'core',
            error,
            error.code === 'invalid-field-length' && !legacyBox.checked
              ? h('p', { class: 'hint' }, LEGACY_HINT)
              : null,
          ),
    );
    show(
      fieldsBox,
      invoice === undefined
        ? h('p', { class: 'hint' }, 'Nothing could be read: see the error above.')
        : h(
            'div',
            {},
            error !== undefined || !verify ? unverifiedNote() : null,
            fieldsTable(invoice, sections, error === undefined && verify),
          ),
    );
    updateChecklist();
  };

  // Hovering or focusing a section explains it and lights up its rows; a row lights up its sections.
  const highlight = (indexes: readonly string[]) => {
    for (const element of result.querySelectorAll('.hl')) element.classList.remove('hl');
    for (const index of indexes) {
      result.querySelector(`[data-section="${index}"]`)?.classList.add('hl');
      for (const row of result.querySelectorAll(`tr[data-sections]`)) {
        if ((row as HTMLElement).dataset.sections?.split(' ').includes(index))
          row.classList.add('hl');
      }
    }
  };
  const explain = (index: number) => {
    if (current?.format === 'bolt12') {
      const section = current.reading.sections[index];
      if (section !== undefined) show(sectionInfo, ...bolt12SectionInfo(section, current.groups));
      return;
    }
    const section = current?.decoded.sections[index];
    if (current === undefined || section === undefined) return;
    const value = sectionValue(section, current.decoded.sections, current.decoded.invoice);
    show(
      sectionInfo,
      h(
        'p',
        {},
        h('strong', { 'data-testid': 'section-title' }, sectionTitle(section)),
        ` — characters ${section.span[0]} to ${section.span[1]}`,
      ),
      h('p', { class: 'hint' }, kindDescription(section)),
      section.kind === 'field'
        ? h(
            'p',
            { class: 'hint' },
            `data_length ${section.dataLength} words (${(section.dataLength ?? 0) * 5} bits)`,
          )
        : null,
      value === '' ? null : h('p', { 'data-testid': 'section-value' }, value),
    );
  };
  const onPoint = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const section = target?.closest<HTMLElement>('[data-section]');
    if (section !== null && section !== undefined) {
      highlight([section.dataset.section ?? '']);
      explain(Number(section.dataset.section));
      return;
    }
    const row = target?.closest<HTMLElement>('tr[data-sections]');
    if (row !== null && row !== undefined) highlight(row.dataset.sections?.split(' ') ?? []);
  };
  result.addEventListener('mouseover', onPoint);
  result.addEventListener('focusin', onPoint);

  for (const [label, group] of [
    ['valid', siteData.invoiceSamples.valid],
    ['invalid', siteData.invoiceSamples.invalid],
  ] as const) {
    const optgroup = h('optgroup', { label: `${label} (BOLT 11 examples)` });
    group.forEach((sample, index) => {
      optgroup.append(
        h(
          'option',
          { value: `${label}:${index}` },
          `${sample.name}${sample.code ? ` → ${sample.code}` : ''}`,
        ),
      );
    });
    samples.append(optgroup);
  }
  // BOLT 12: the spec's vectors (offers, string formats, the signed request) and an invoice.
  siteData.bolt12Samples.forEach((group, g) => {
    const optgroup = h('optgroup', { label: group.label });
    group.samples.forEach((sample, index) => {
      optgroup.append(
        h(
          'option',
          { value: `bolt12-${g}:${index}` },
          `${sample.name}${sample.code ? ` → ${sample.code}` : ''}`,
        ),
      );
    });
    samples.append(optgroup);
  });
  samples.addEventListener('change', () => {
    const [label = '', index] = samples.value.split(':');
    if (label.startsWith('bolt12-')) {
      const sample = siteData.bolt12Samples[Number(label.slice(7))]?.samples[Number(index)];
      if (sample === undefined) return;
      input.value = sample.text;
      sampleNote.hidden = sample.code === undefined;
      sampleNote.textContent = `“${sample.name}” is refused: ${sample.code ?? ''}.`;
      update();
      return;
    }
    const sample = (
      label === 'invalid' ? siteData.invoiceSamples.invalid : siteData.invoiceSamples.valid
    )[Number(index)];
    if (sample === undefined) return;
    input.value = sample.invoice;
    sampleNote.hidden = sample.reason === undefined && sample.legacy !== true;
    sampleNote.textContent = sample.legacy
      ? 'The disputed spec example: rejected by the current BOLT 11 text, accepted with the legacy option.'
      : `The spec says: ${sample.reason ?? ''}`;
    update();
  });

  input.addEventListener('input', () => {
    // Typed or pasted: no longer the example the menu names.
    samples.value = '';
    sampleNote.hidden = true;
    update();
  });
  verifyBox.addEventListener('change', update);
  legacyBox.addEventListener('change', update);
  policyForm.addEventListener('input', updateChecklist);
  policyForm.addEventListener('submit', (event) => event.preventDefault());
  $('#now-clock').addEventListener('click', () => {
    nowInput.value = clock();
    updateChecklist();
  });
  $('#now-created').addEventListener('click', () => {
    const created =
      current?.format === 'bolt11'
        ? current.decoded.invoice?.timestamp
        : current?.reading.message?.kind === 'invoice'
          ? current.reading.message.createdAt
          : undefined;
    if (created === undefined) return;
    nowInput.value = String(created);
    updateChecklist();
  });
  $('#copy-link').addEventListener('click', async () => {
    const status = $('#link-status');
    history.replaceState(null, '', fragmentFor(input.value));
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = 'Link copied.';
    } catch {
      status.textContent = 'The link is in the address bar.';
    }
  });

  return {
    open: (invoice: string) => {
      input.value = invoice;
      samples.value = '';
      sampleNote.hidden = true;
      update();
    },
  };
};
