// Example invoices for the playground's menu: the BOLT 11 spec vectors the core package tests
// against, reduced to what the menu shows.
import { readFileSync } from 'node:fs';

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

interface Vector {
  readonly name: string;
  readonly invoice: string;
  readonly reason?: string;
  readonly rule?: string;
  readonly conformance_status?: string;
}

export const invoiceSamples = (validFile: string, invalidFile: string) => {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Vector[];
  return {
    valid: read(validFile).map(
      ({ name, invoice, conformance_status }): InvoiceSample => ({
        name,
        invoice,
        ...(conformance_status === 'disputed' ? { legacy: true } : {}),
      }),
    ),
    invalid: read(invalidFile).map(
      ({ name, invoice, reason, rule }): InvoiceSample => ({
        name,
        invoice,
        ...(reason === undefined ? {} : { reason }),
        ...(rule === undefined ? {} : { code: rule }),
      }),
    ),
  };
};
