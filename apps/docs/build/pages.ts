// The pages of the site, in navigation order. One list for the build (entries, navigation,
// content) and the browser tests (every page is loaded and checked).

export interface SitePage {
  /** The HTML file, relative to apps/docs (and to the built site). */
  readonly file: string;
  /** The label in the navigation. */
  readonly nav: string;
  /** The page title. */
  readonly title: string;
  /** Markdown rendered into the page, relative to apps/docs; none for the playground. */
  readonly source?: string;
  /** Runnable examples (src/examples/<group>) shown before the page's "API" section. */
  readonly examples?: string;
  /** The package whose error or finding codes this page documents. */
  readonly codes?: 'core' | 'bolt12' | 'validate' | 'lnurl' | 'uri' | 'l402' | 'bip353';
}

export const PAGES: readonly SitePage[] = [
  {
    file: 'index.html',
    nav: 'Getting started',
    title: 'Getting started',
    source: 'content/getting-started.md',
  },
  {
    file: 'core.html',
    nav: 'core',
    title: '@lninvoice/core',
    source: '../../packages/core/README.md',
    examples: 'core',
    codes: 'core',
  },
  {
    file: 'bolt12.html',
    nav: 'bolt12',
    title: '@lninvoice/bolt12',
    source: '../../packages/bolt12/README.md',
    examples: 'bolt12',
    codes: 'bolt12',
  },
  {
    file: 'validate.html',
    nav: 'validate',
    title: '@lninvoice/validate',
    source: '../../packages/validate/README.md',
    examples: 'validate',
    codes: 'validate',
  },
  {
    file: 'lnurl.html',
    nav: 'lnurl',
    title: '@lninvoice/lnurl',
    source: '../../packages/lnurl/README.md',
    examples: 'lnurl',
    codes: 'lnurl',
  },
  {
    file: 'uri.html',
    nav: 'uri',
    title: '@lninvoice/uri',
    source: '../../packages/uri/README.md',
    examples: 'uri',
    codes: 'uri',
  },
  {
    file: 'l402.html',
    nav: 'l402',
    title: '@lninvoice/l402',
    source: '../../packages/l402/README.md',
    examples: 'l402',
    codes: 'l402',
  },
  {
    file: 'bip353.html',
    nav: 'bip353',
    title: '@lninvoice/bip353',
    source: '../../packages/bip353/README.md',
    examples: 'bip353',
    codes: 'bip353',
  },
  { file: 'cli.html', nav: 'cli', title: '@lninvoice/cli', source: '../../packages/cli/README.md' },
  { file: 'policy.html', nav: 'Policy', title: 'Policy decisions', source: 'content/policy.md' },
  { file: 'security.html', nav: 'Security', title: 'Security', source: 'content/security.md' },
  { file: 'playground.html', nav: 'Playground', title: 'Playground' },
];

/** Where a repository file is shown on the site, e.g. `packages/core/README.md` → `core.html`. */
export const PAGE_OF_REPO_FILE: Readonly<Record<string, string>> = {
  'README.md': 'index.html',
  'apps/docs': 'index.html',
  'packages/core/README.md': 'core.html',
  'packages/core': 'core.html',
  'packages/bolt12/README.md': 'bolt12.html',
  'packages/bolt12': 'bolt12.html',
  'packages/validate/README.md': 'validate.html',
  'packages/validate': 'validate.html',
  'packages/lnurl/README.md': 'lnurl.html',
  'packages/lnurl': 'lnurl.html',
  'packages/uri/README.md': 'uri.html',
  'packages/uri': 'uri.html',
  'packages/l402/README.md': 'l402.html',
  'packages/l402': 'l402.html',
  'packages/bip353/README.md': 'bip353.html',
  'packages/bip353': 'bip353.html',
  'packages/cli/README.md': 'cli.html',
  'packages/cli': 'cli.html',
  'apps/docs/content/policy.md': 'policy.html',
  'apps/docs/content/security.md': 'security.html',
  'apps/docs/content/getting-started.md': 'index.html',
};
