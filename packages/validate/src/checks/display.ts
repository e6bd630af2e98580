// Descriptions are shown to people: characters that can disguise them.
import { issue, type ValidationIssue, type ValidationIssueCode } from '../issues.js';
import type { Check } from './types.js';

/** C0 and C1 controls and DEL, but tab and line feed, which multi-line descriptions use. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
/** Bidirectional marks, embeddings, overrides and isolates (the "Trojan Source" characters). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/**
 * Characters that draw nothing: zero-width space, word joiner, invisible operators, BOM, soft
 * hyphen, Mongolian vowel separator. Zero-width (non-)joiners are left alone: emoji and scripts
 * such as Persian use them.
 */
const INVISIBLE = /[\u200b\u2060-\u2064\ufeff\u00ad\u180e]/gu;

const find = (
  text: string,
  pattern: RegExp,
  code: ValidationIssueCode,
  what: string,
): ValidationIssue[] => {
  const hits = [...text.matchAll(pattern)];
  if (hits.length === 0) return [];
  const listed = hits
    .slice(0, 5)
    .map(
      (m) =>
        `U+${(m[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} at ${m.index}`,
    )
    .join(', ');
  return [
    issue(
      code,
      `the description holds ${hits.length} ${what}: ${listed}${hits.length > 5 ? ', …' : ''}`,
    ),
  ];
};

export const checkDisplay: Check = (invoice) => {
  const text = invoice.description;
  if (text === undefined) return [];
  return [
    ...find(text, CONTROL, 'description-control-characters', 'control character(s)'),
    ...find(text, BIDI, 'description-bidi-characters', 'bidirectional formatting character(s)'),
    ...find(text, INVISIBLE, 'description-invisible-characters', 'invisible character(s)'),
  ];
};
