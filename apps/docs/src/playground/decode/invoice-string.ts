// The invoice as typed, each section in its own colour, focusable and hoverable; the part an
// error points at underlined.
import type { Section } from '@lninvoice/core';
import { h } from '../../lib/dom';
import { type Span, underlinedRange } from '../../lib/spans';
import { sectionTitle } from './section-info';

const KNOWN_TAGS = new Set(['p', 's', 'd', 'h', 'n', 'x', 'c', 'f', 'r', '9', 'm']);

const sectionClass = (section: Section): string => {
  if (section.kind !== 'field') return `sec sec-${section.kind}`;
  const tag = section.tag !== undefined && KNOWN_TAGS.has(section.tag) ? section.tag : 'unknown';
  return `sec sec-field tag-${tag}`;
};

const sectionElement = (text: string, section: Section, index: number, bad: Span | undefined) => {
  const [start, end] = section.span;
  const element = h('span', {
    class: sectionClass(section),
    'data-section': index,
    'data-kind': section.kind,
    'data-tag': section.tag,
    tabindex: 0,
    title: `${sectionTitle(section)} [${start}, ${end})`,
  });
  if (section.kind === 'field' && section.dataSpan !== undefined) {
    // The type character and the two data_length characters, then the data.
    const dataStart = section.dataSpan[0];
    element.append(
      h('span', { class: 'field-head' }, underlinedRange(text, start, dataStart, bad)),
      underlinedRange(text, dataStart, end, bad),
    );
  } else {
    element.append(underlinedRange(text, start, end, bad));
  }
  return element;
};

/** Draws `text` into `container`: by section when it could be framed, else as plain text. */
export const drawInvoiceString = (
  container: HTMLElement,
  text: string,
  sections: readonly Section[],
  bad: Span | undefined,
): void => {
  const parts: Node[] = [];
  let position = 0;
  sections.forEach((section, index) => {
    if (section.span[0] > position)
      parts.push(underlinedRange(text, position, section.span[0], bad));
    parts.push(sectionElement(text, section, index, bad));
    position = section.span[1];
  });
  parts.push(underlinedRange(text, position, text.length, bad, true));
  container.replaceChildren(...parts);
};
