// Which packages have an API reference (build/api-docs.ts), where it is in the built site, and
// the link to it on the package's page.

/**
 * The library packages (the CLI is a command, not a library), each after the packages it uses
 * (its reference links into theirs), and the export each reference is checked to document.
 */
export const API_PACKAGES = [
  { name: 'core', main: 'decode' },
  { name: 'bolt12', main: 'decodeBolt12' },
  { name: 'uri', main: 'parseUri' },
  { name: 'lnurl', main: 'decodeLnurl' },
  { name: 'l402', main: 'parseL402Challenge' },
  { name: 'bip353', main: 'resolveBip353' },
  { name: 'validate', main: 'validate' },
] as const;

/** Where a package's reference is in the built site, relative to its root. */
export const apiHref = (name: string): string => `api/${name}/index.html`;

/** A page's rendered HTML with, for a package's page (`core.html`), the link to its reference
 * under the title. */
export const withApiLink = (html: string, pageFile: string): string => {
  const pkg = API_PACKAGES.find((p) => `${p.name}.html` === pageFile);
  if (pkg === undefined) return html;
  const link = `<p class="api-reference"><a href="${apiHref(pkg.name)}">API reference</a>: every export of <code>@lninvoice/${pkg.name}</code>, with its type and doc comment.</p>\n`;
  return html.replace(/<\/h1>\n?/, (end) => `${end}${link}`);
};
