// Error and finding codes explained: the meaning from the package's README, and a link to the
// row of the docs page that lists the code.
import siteData from 'virtual:site-data';
import { type Child, h } from './dom';
import type { Span } from './spans';
import { visibleText } from './visible-text';

/** The package that defines a code. */
export type CodeSource = 'core' | 'bolt12' | 'validate' | 'lnurl' | 'uri' | 'bip353';

export const meaningOf = (source: CodeSource, code: string): string | undefined =>
  siteData.codeMeanings[source][code];

export const codeLink = (source: CodeSource, code: string): HTMLAnchorElement =>
  h(
    'a',
    {
      class: 'code',
      href: `${source}.html#code-${code}`,
      title: `${code} in the docs of @lninvoice/${source}`,
    },
    code,
  );

/** What the error classes of every package have in common. */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly span?: Span | undefined;
}

export const isCodedError = (error: unknown): error is CodedError =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

/** An error box: the code (linked to its docs), the library's message, the code's meaning. */
export const errorView = (
  source: CodeSource,
  error: CodedError,
  ...extra: Child[]
): HTMLElement => {
  const meaning = meaningOf(source, error.code);
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h(
      'p',
      { class: 'error-title' },
      h('span', { class: 'badge badge-error' }, 'error'),
      ' ',
      h('span', { 'data-testid': 'error-code' }, codeLink(source, error.code)),
    ),
    h('p', { class: 'error-message' }, visibleText(error.message)),
    meaning === undefined
      ? null
      : h('p', { class: 'meaning' }, h('strong', {}, 'Meaning: '), meaning),
    ...extra,
  );
};

/** For anything that is not a coded error (TypeError, RangeError from a parameter check). */
export const problemView = (error: unknown): HTMLElement =>
  h(
    'div',
    { class: 'error-box', role: 'alert' },
    h(
      'p',
      { class: 'error-title' },
      h('span', { class: 'badge badge-error' }, error instanceof Error ? error.name : 'error'),
    ),
    h(
      'p',
      { class: 'error-message' },
      visibleText(error instanceof Error ? error.message : String(error)),
    ),
  );
