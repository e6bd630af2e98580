// Shared by the tests: run a parser and get its UriError, or fail.
import { expect } from 'vitest';
import { UriError } from '../../src/index.js';

/** The UriError `parse` throws; the test fails when it returns or throws anything else. */
export const errorOf = (parse: () => unknown): UriError => {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(UriError);
    return error as UriError;
  }
  throw new Error('expected a UriError, but it parsed');
};

/** The part of `input` an error's span points at. */
export const blamed = (input: string, error: UriError): string | undefined =>
  error.span && input.slice(error.span[0], error.span[1]);

/** A valid base58 P2PKH address (bitcoinjs/bip21's fixtures). */
export const ADDRESS = '1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH';
/** A valid P2WPKH address (of the docs' examples). */
export const ADDRESS_BC = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
/**
 * The base58 address of the BIP 321 examples, "intentionally invalid to prevent accidental
 * transactions": its checksum is broken.
 */
export const BIP321_ADDRESS = '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W';
/** The BOLT 11 example "Please send $30 for coffee beans to the same peer". */
export const INVOICE =
  'lnbc25m1pvjluezpp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5vdhkven9v5sxyetpdeessp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygs9q5sqqqqqqqqqqqqqqqqsgq2a25dxl5hrntdtn6zvydt7d66hyzsyhqs4wdynavys42xgl6sgx9c4g7me86a27t07mdtfry458rtjr0v92cnmswpsjscgt2vcse3sgpz3uapa';
/** The offer of BOLT 12's format-string tests. */
export const OFFER =
  'lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg';
