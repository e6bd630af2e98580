// What a field reader is given: the field, what it needs to know about the invoice, and how to
// fail, so that every message about a field starts with the field's name.
import type { Network } from '../../networks.js';
import type { Secp256k1Verifier } from '../../secp256k1.js';
import type { Bolt11Error, Bolt11ErrorCode } from '../error.js';
import type { TaggedField } from '../invoice.js';

export interface FieldContext {
  readonly field: TaggedField;
  /** The invoice's network: fallback addresses are written as it writes them. */
  readonly network: Network;
  /** Given when verifying: keys must then be points on the curve. */
  readonly secp: Secp256k1Verifier | undefined;
  /** An error about this field, its message led by the field's name. */
  fail(code: Bolt11ErrorCode, message: string): Bolt11Error;
  /**
   * A rule the 2021-2025 changes of BOLT 11 added for readers (a non-minimal encoding, a
   * wrong-length field, no payment secret): thrown, or with `legacy` recorded on the result.
   */
  breaks(code: Bolt11ErrorCode, message: string): void;
}
