// A value returned by a library, as a table of its properties: text escaped and with hidden
// characters visible, bytes as hex, bigints exact, nested objects as nested tables.
import { type Child, h } from './dom';
import { hex } from './format';
import { visibleText } from './visible-text';

const cell = (value: unknown): Child => {
  if (typeof value === 'string')
    return h('span', { class: 'text', dir: 'auto' }, visibleText(value));
  if (value instanceof Uint8Array) return h('code', { class: 'break' }, hex(value));
  if (Array.isArray(value))
    return value.length === 0
      ? h('span', { class: 'hint' }, 'none')
      : h('ul', { class: 'plain' }, ...value.map((item) => h('li', {}, cell(item))));
  if (typeof value === 'object' && value !== null)
    return Object.keys(value).length === 0
      ? h('span', { class: 'hint' }, 'none')
      : valueTable(value);
  return String(value);
};

/** One row per own property of `value` (those in `omit` and undefined ones left out). */
export const valueTable = (value: object, omit: readonly string[] = []): HTMLElement =>
  h(
    'table',
    { class: 'fields' },
    h(
      'tbody',
      {},
      ...Object.entries(value)
        .filter(([key, v]) => v !== undefined && !omit.includes(key))
        .map(([key, v]) =>
          h('tr', { 'data-key': key }, h('th', { scope: 'row' }, key), h('td', {}, cell(v))),
        ),
    ),
  );
