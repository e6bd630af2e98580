// Descriptions are shown to people: characters that can disguise them. Which characters those
// are is core's `unsafeKind`, the set every package escapes in its messages.
import { type UnsafeKind, unsafeKind } from '@lninvoice/core/text';
import { issue, type ValidationIssue, type ValidationIssueCode } from '../issues.js';
import type { Check, Found } from './types.js';

/** The finding of each kind, in the order they are reported, and how its message names them. */
const KINDS: readonly (readonly [UnsafeKind, ValidationIssueCode, string])[] = [
  ['control', 'description-control-characters', 'control character(s)'],
  ['bidi', 'description-bidi-characters', 'bidirectional formatting character(s)'],
  ['invisible', 'description-invisible-characters', 'invisible character(s)'],
];

/** The findings about `text`, shown to the payer as `what` (`the description`, `offer_issuer`). */
export const displayIssues = (
  text: string | undefined,
  what: string,
  found: Found,
): ValidationIssue[] => {
  if (text === undefined) return [];
  const hits: Record<UnsafeKind, string[]> = { control: [], bidi: [], invisible: [] };
  let at = 0;
  for (const char of text) {
    const c = char.codePointAt(0) as number;
    // Tab and line feed stay: multi-line descriptions use them.
    const kind = c === 0x09 || c === 0x0a ? undefined : unsafeKind(c);
    if (kind) hits[kind].push(`U+${c.toString(16).toUpperCase().padStart(4, '0')} at ${at}`);
    at += char.length;
  }
  return KINDS.flatMap(([kind, code, name]) => {
    const all = hits[kind];
    return all.length === 0
      ? []
      : [
          found(
            code,
            `${what} holds ${all.length} ${name}: ${all.slice(0, 5).join(', ')}${all.length > 5 ? ', …' : ''}`,
          ),
        ];
  });
};

export const checkDisplay: Check = (invoice) =>
  displayIssues(invoice.description, 'the description', issue);
