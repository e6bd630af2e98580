// A small tool: a form whose output is recomputed on every change of its inputs.
import { isCodedError } from '../lib/codes';
import { $, type Child, h, show } from '../lib/dom';
import { type Span, underlined } from '../lib/spans';

/** The input drawn again with the part at fault underlined. */
export const echo = (text: string, span: Span | undefined): HTMLElement =>
  h('div', { class: 'echo mono', 'data-testid': 'echo' }, underlined(text, span));

/** The span of a coded error, if it has one. */
export const spanOf = (error: unknown): Span | undefined =>
  isCodedError(error) ? error.span : undefined;

export const setupToolForm = (
  form: HTMLFormElement,
  run: (text: string, data: FormData) => Child | Child[],
): (() => void) => {
  const output = $('[data-output]', form);
  let last: string | undefined;
  const update = () => {
    const data = new FormData(form);
    // A change event follows the input events it sums up: redrawing again would replace the
    // output under the pointer (a button pressed just then would never see its click).
    const state = JSON.stringify([...data.entries()]);
    if (state === last) return;
    last = state;
    const text = String(data.get('input') ?? '');
    if (text.trim() === '') {
      show(output);
      return;
    }
    const result = run(text, data);
    show(output, ...(Array.isArray(result) ? result : [result]));
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  return update;
};
