import {
  Bolt11Error,
  type DecodeOptions,
  decode,
  type UnverifiedInvoice,
} from '../../src/index.js';

/** The Bolt11Error code `decode` throws for `invoice`; fails the test on any other exception. */
export const codeOf = (invoice: string, options: DecodeOptions = {}): string => {
  try {
    decode(invoice, options);
  } catch (e) {
    if (e instanceof Bolt11Error) return e.code;
    throw e;
  }
  return 'decoded';
};

/** The Bolt11Error `decode` throws for `invoice`. */
export const errorOf = (invoice: string, options: DecodeOptions = {}): Bolt11Error => {
  try {
    decode(invoice, options);
  } catch (e) {
    if (e instanceof Bolt11Error) return e;
    throw e;
  }
  throw new Error('expected a Bolt11Error, but the invoice decoded');
};

export const parseOnly = (invoice: string): UnverifiedInvoice => decode(invoice, { verify: false });
