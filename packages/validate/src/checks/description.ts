// What the payment is for: the description the payer expects, or the hash it commits to.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { issue, type ValidationIssue } from '../issues.js';
import { type Check, quote } from './types.js';

const hashOf = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

export const checkDescription: Check = (invoice, policy) => {
  const found: ValidationIssue[] = [];
  const h = invoice.descriptionHash && bytesToHex(invoice.descriptionHash);
  if (policy.description !== undefined) {
    if (invoice.description !== undefined && invoice.description !== policy.description) {
      found.push(
        issue(
          'description-mismatch',
          `the invoice says ${quote(invoice.description)}, the payer expects ${quote(policy.description)}`,
        ),
      );
    }
    if (h !== undefined && h !== hashOf(policy.description)) {
      found.push(
        issue(
          'description-hash-mismatch',
          `the invoice's description hash ${h} is not the SHA-256 of ${quote(policy.description)} (${hashOf(policy.description)})`,
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
