// Plain text of Markdown tokens, and GitHub's heading anchors (the READMEs link to them).
import { Parser, type Token } from 'marked';

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The text of inline tokens, without markup: `` `decode(text)` `` → `decode(text)`. */
export const plainText = (tokens: readonly Token[]): string => {
  const parser = new Parser({ gfm: true });
  return parser
    .parseInline([...tokens], parser.textRenderer)
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
};

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
export const slugify = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
