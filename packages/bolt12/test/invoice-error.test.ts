import { codeOf } from 'test-support/outcome';
import { expect, test } from 'vitest';
import { decodeInvoiceError, encodeInvoiceError } from '../src/index.js';
import { unhex } from './helpers.js';

test('an invoice_error round trip', () => {
  const bytes = encodeInvoiceError({
    error: 'amount too low',
    erroneousField: 82,
    suggestedValue: '2710',
  });
  expect(Buffer.from(bytes).toString('hex')).toBe(
    `010152${'03022710'}050e${Buffer.from('amount too low').toString('hex')}`,
  );
  expect(decodeInvoiceError(bytes)).toMatchObject({
    erroneousField: 82n,
    suggestedValue: unhex('2710'),
    error: 'amount too low',
  });
});

test('what the writer MUST and MUST NOT do', () => {
  expect(() => encodeInvoiceError({ error: 'x', suggestedValue: '00' })).toThrow(
    /^params.suggestedValue needs params.erroneousField/,
  );
  expect(() => encodeInvoiceError({} as never)).toThrow(/^params.error is required/);
});

test('the reader: framing, UTF-8, unknown even types', () => {
  expect(decodeInvoiceError(unhex('0700')).error).toBeUndefined();
  expect(codeOf(() => decodeInvoiceError(unhex('0501ff')))).toBe('invalid-utf8');
  expect(codeOf(() => decodeInvoiceError(unhex('0102')))).toBe('truncated-record');
  expect(codeOf(() => decodeInvoiceError(unhex('0200')))).toBe('unknown-required-record');
  expect(codeOf(() => decodeInvoiceError(unhex('01020001')))).toBe('non-minimal-encoding');
  expect(decodeInvoiceError(unhex('0700')).records).toEqual([
    { type: 7n, value: new Uint8Array(0) },
  ]);
  expect(() => decodeInvoiceError('00' as never)).toThrow(TypeError);
});
