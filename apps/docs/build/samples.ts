// Example invoices for the playground's menu: the BOLT 11 spec vectors the core package tests
// against, reduced to what the menu shows.
// Imported by path: vite loads what a config imports from node_modules without compiling it.
import { BOLT11_INVALID, BOLT11_VALID } from '../../../test-support/bolt11-vectors.js';

export interface InvoiceSample {
  readonly name: string;
  readonly invoice: string;
  /** Why an invalid one is invalid, in the spec's words. */
  readonly reason?: string;
  /** The error code an invalid one is rejected with. */
  readonly code?: string;
  /** Valid only under `{ legacy: true }` (the disputed spec example). */
  readonly legacy?: boolean;
}

/** The BOLT 11 examples, from their one copy in test-support (with our code for each rule). */
export const invoiceSamples = () => ({
  valid: BOLT11_VALID.map(
    ({ name, invoice, conformance_status }): InvoiceSample => ({
      name,
      invoice,
      ...(conformance_status === 'disputed' ? { legacy: true } : {}),
    }),
  ),
  invalid: BOLT11_INVALID.map(
    ({ name, invoice, reason, code }): InvoiceSample => ({ name, invoice, reason, code }),
  ),
});
