// Markdown → HTML for the docs pages, at build time (no Markdown parser reaches the browser).
// The packages' READMEs are the source of truth: pages include them, or sections of them,
// with `<!-- include: path#heading-slug -->`; links between READMEs become links between pages.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Lexer, marked, Parser, Renderer, type Token, type Tokens, type TokensList } from 'marked';
import { PAGE_OF_REPO_FILE, PAGES } from './pages';
import { plainText, slugify } from './text';

export interface TocEntry {
  readonly depth: number;
  readonly id: string;
  readonly html: string;
}

export interface RenderedPage {
  readonly html: string;
  readonly toc: readonly TocEntry[];
  /** Every Markdown file read, for the dev server to watch. */
  readonly files: readonly string[];
}

const INCLUDE = /^<!--\s*include:\s*(\S+?)(?:#(\S*))?\s*-->\s*$/;
const EXAMPLES = /^<!--\s*examples:\s*([\w-]+)\s*-->\s*$/;

const lex = (markdown: string): Token[] => new Lexer({ gfm: true }).lex(markdown);

/** The tokens of the section under the heading with `slug` (without the heading itself). */
const section = (tokens: Token[], slug: string, file: string): Token[] => {
  if (slug === '') return tokens;
  // `_intro`: what comes before the first second-level heading, without the title.
  if (slug === '_intro') {
    const end = tokens.findIndex((t) => t.type === 'heading' && t.depth === 2);
    return tokens.slice(0, end === -1 ? tokens.length : end).filter((t) => t.type !== 'heading');
  }
  const start = tokens.findIndex(
    (t) => t.type === 'heading' && slugify(plainText(t.tokens ?? [])) === slug,
  );
  if (start === -1) throw new Error(`${file} has no section #${slug}`);
  const depth = (tokens[start] as Tokens.Heading).depth;
  const rest = tokens.slice(start + 1);
  const end = rest.findIndex((t) => t.type === 'heading' && t.depth <= depth);
  return end === -1 ? rest : rest.slice(0, end);
};

/**
 * A repository-relative link target as a site link: READMEs and content files become pages,
 * anything else (source files, licences) is not on the site and gets no link.
 */
const siteHref = (href: string, file: string, repo: string): string | undefined => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href; // https:, mailto:
  if (href.startsWith('#')) return href;
  const [path = '', hash] = href.split('#');
  if (PAGES.some((page) => page.file === path)) return href; // already a link between pages
  const target = relative(repo, resolve(dirname(file), path)).replace(/\/$/, '');
  const page = PAGE_OF_REPO_FILE[target];
  if (page === undefined) return undefined;
  return hash === undefined ? page : `${page}#${hash}`;
};

/** Reads `file` (or one section of it), following includes, with links made site links. */
const load = (file: string, slug: string, repo: string, files: string[]): Token[] => {
  files.push(file);
  const tokens = section(lex(readFileSync(file, 'utf8')), slug, file);
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'link') {
      const href = siteHref(token.href, file, repo);
      // An empty href is rendered as plain text by SiteRenderer.link.
      token.href = href ?? '';
    }
  });
  return tokens.flatMap((token) => {
    const include = token.type === 'html' ? INCLUDE.exec(token.raw.trim()) : null;
    if (include === null) return [token];
    const [, path = '', hash = ''] = include;
    return load(resolve(dirname(file), path), hash, repo, files);
  });
};

/** Renders headings with GitHub's anchors (READMEs link to them), tables of codes with ids. */
class SiteRenderer extends Renderer {
  readonly toc: TocEntry[] = [];
  private readonly used = new Map<string, number>();
  /** Codes that have their `code-<code>` row already: a later table (a README may list a code in
   * two tables, e.g. bolt12's errors and its two-message checks) links to the first row. */
  private readonly codeIds = new Set<string>();

  private uniqueId(text: string): string {
    const slug = slugify(text);
    const n = this.used.get(slug) ?? 0;
    this.used.set(slug, n + 1);
    return n === 0 ? slug : `${slug}-${n}`;
  }

  override heading({ tokens, depth }: Tokens.Heading): string {
    const html = this.parser.parseInline(tokens);
    const id = this.uniqueId(plainText(tokens));
    if (depth === 2 || depth === 3) this.toc.push({ depth, id, html });
    return `<h${depth} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true">#</a>${html}</h${depth}>\n`;
  }

  // Tables whose first column is `code` list error or finding codes: each row gets the id
  // `code-<code>`, so the playground can link to a code's explanation.
  override table(token: Tokens.Table): string {
    const isCodeTable = plainText(token.header[0]?.tokens ?? []) === 'code';
    const cell = (c: Tokens.TableCell, tag: 'th' | 'td') =>
      `<${tag}${c.align ? ` class="align-${c.align}"` : ''}>${this.parser.parseInline(c.tokens)}</${tag}>`;
    const head = `<tr>${token.header.map((c) => cell(c, 'th')).join('')}</tr>`;
    const rows = token.rows.map((row) => {
      const code = isCodeTable ? plainText(row[0]?.tokens ?? []) : '';
      const fresh = /^[a-z0-9-]+$/.test(code) && !this.codeIds.has(code);
      if (fresh) this.codeIds.add(code);
      const id = fresh ? ` id="code-${code}"` : '';
      return `<tr${id}>${row.map((c) => cell(c, 'td')).join('')}</tr>`;
    });
    const cls = isCodeTable ? ' class="codes"' : '';
    return `<div class="table-scroll"><table${cls}><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>\n`;
  }

  override link(token: Tokens.Link): string {
    if (token.href === '') return this.parser.parseInline(token.tokens);
    return super.link(token);
  }

  override html({ text }: Tokens.HTML | Tokens.Tag): string {
    const examples = EXAMPLES.exec(text.trim());
    if (examples !== null)
      return `<div class="examples" data-examples="${examples[1]}"><p class="examples-loading">Loading the examples…</p></div>\n`;
    return text;
  }
}

/**
 * Renders the Markdown `file` of a page; `examples` (a group of src/examples) is shown under a
 * heading of its own before the "API" section, or at the end when there is none.
 */
export const renderPage = (file: string, repo: string, examples?: string): RenderedPage => {
  const files: string[] = [];
  const tokens = load(file, '', repo, files);
  if (examples !== undefined) {
    const block = lex(`## Runnable examples\n\n<!-- examples: ${examples} -->\n`);
    const api = tokens.findIndex(
      (t) => t.type === 'heading' && t.depth === 2 && plainText(t.tokens ?? []) === 'API',
    );
    tokens.splice(api === -1 ? tokens.length : api, 0, ...block);
  }
  const renderer = new SiteRenderer();
  const list = Object.assign(tokens, { links: {} }) as TokensList;
  const html = new Parser({ gfm: true, renderer }).parse(list);
  return { html, toc: renderer.toc, files };
};
