// What the payment is for: the description the payer expects, or the hash it commits to.

import { sha256 } from '@lninvoice/core/hash';
import { encodeUtf8, showText, toHex } from '@lninvoice/core/text';
import { issue, type ValidationIssue } from '../issues.js';
import type { Check } from './types.js';

/**
 * The SHA-256 of `text`'s UTF-8, in hex. Text holding a lone surrogate has no UTF-8 form, so it
 * matches no hash (TextEncoder would hash U+FFFD in its place: the hash of another text).
 */
const hashOf = (text: string): string => {
  const bytes = encodeUtf8(text);
  return bytes ? toHex(sha256(bytes)) : 'none: it is not UTF-8 text';
};

export const checkDescription: Check = (invoice, policy) => {
  const found: ValidationIssue[] = [];
  const h = invoice.descriptionHash && toHex(invoice.descriptionHash);
  if (policy.description !== undefined) {
    if (invoice.description !== undefined && invoice.description !== policy.description) {
      found.push(
        issue(
          'description-mismatch',
          `the invoice says ${showText(invoice.description)}, the payer expects ${showText(policy.description)}`,
        ),
      );
    }
    if (h !== undefined && h !== hashOf(policy.description)) {
      found.push(
        issue(
          'description-hash-mismatch',
          `the invoice's description hash ${h} is not the SHA-256 of ${showText(policy.description)} (${hashOf(policy.description)})`,
        ),
      );
    }
  }
  if (policy.metadata !== undefined) {
    if (h === undefined) {
      found.push(
        issue(
          'metadata-hash-mismatch',
          'the invoice has a plain description, not the hash of the LNURL metadata',
        ),
      );
    } else if (h !== hashOf(policy.metadata)) {
      found.push(
        issue(
          'metadata-hash-mismatch',
          `the invoice's description hash ${h} is not the SHA-256 of the metadata (${hashOf(policy.metadata)})`,
        ),
      );
    }
  }
  if (h !== undefined && policy.description === undefined && policy.metadata === undefined) {
    found.push(
      issue(
        'description-hash-unchecked',
        `the invoice only commits to a description by hash (${h}): nothing tells the payer what it pays for`,
      ),
    );
  }
  return found;
};
