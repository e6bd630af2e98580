// Signed invoices for the checklist's tests, made with @lninvoice/core as a payee would.
import { type CreateInvoiceParams, createInvoice, signInvoice } from '@lninvoice/core';
import type { ValidationResult } from '../../src/index.js';

export const KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
export const PUBKEY = '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad';
export const T0 = 1_700_000_000;

/** Overrides of the defaults below; `undefined` removes one (e.g. the amount). */
type Overrides = { [K in keyof CreateInvoiceParams]?: CreateInvoiceParams[K] | undefined };

export const make = (params: Overrides = {}): string =>
  signInvoice(
    createInvoice({
      network: 'bitcoin',
      amountMsat: 1_000_000n,
      paymentHash: '00'.repeat(32),
      paymentSecret: '11'.repeat(32),
      description: 'coffee',
      timestamp: T0,
      ...params,
    } as CreateInvoiceParams),
    KEY,
  );

/** The codes of a result's findings, in order. */
export const codes = (result: ValidationResult): string[] => result.issues.map((i) => i.code);
