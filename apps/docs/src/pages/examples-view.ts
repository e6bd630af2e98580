// A runnable example on a docs page: its caption, its code, a Run button and the result.
import type { Example } from '../examples/registry';
import { h } from '../lib/dom';
import { formatValue } from '../lib/format-value';

export const exampleView = (example: Example): HTMLElement => {
  const output = h('output', { class: 'example-output', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'run' }, 'Run');
  button.addEventListener('click', async () => {
    button.disabled = true;
    output.dataset.state = 'running';
    output.textContent = 'running…';
    try {
      output.textContent = formatValue(await example.run());
      output.dataset.state = 'ok';
    } catch (error) {
      output.textContent = `threw ${formatValue(error)}`;
      output.dataset.state = 'error';
    } finally {
      button.disabled = false;
    }
  });
  return h(
    'figure',
    { class: 'example', id: `example-${example.id}`, 'data-example': example.id },
    h('figcaption', {}, example.caption),
    h('pre', {}, h('code', { class: 'language-ts' }, example.source)),
    h('div', { class: 'example-run' }, button, output),
  );
};
