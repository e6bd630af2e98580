// Properties of the readers of service answers (issue 9): whatever JSON a service sends, each
// reader returns a checked request or throws an LnurlError; amounts are exact or refused;
// nothing reaches Object.prototype. Fixed seeds and counts here; `pnpm fuzz` runs longer.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { ORIGIN } from 'test-support/lnurl-service';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  LnurlError,
  type PayRequest,
  parseChannelRequest,
  parseInvoiceResponse,
  parseMetadata,
  parsePayRequest,
  parseServiceResponse,
  parseStatusResponse,
  parseSuccessAction,
  parseVerifyResponse,
  parseWithdrawRequest,
  type WithdrawRequest,
} from '../src/index.js';
import { parseServiceUrl } from '../src/url.js';
import {
  ANSWERS,
  type Body,
  bodyText,
  changed,
  hostileValue,
  lastValue,
} from './helpers/arbitraries.js';
import { expectNoPollution, outcomeOf } from './helpers/outcome.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An amount read from `body`: exactly the digits the service wrote, never a rounded number. */
const expectExact = (body: Body, key: string, amount: bigint): void => {
  expect(amount >= 0n && amount <= MAX_SAFE, `${key} ${amount}`).toBe(true);
  const literal = lastValue(body, key) as string;
  if (/^[0-9]+$/.test(literal)) expect(amount, key).toBe(BigInt(literal));
};

const READERS = {
  parseServiceResponse: (value: unknown) => parseServiceResponse(value, 'svc.test'),
  parsePayRequest: (value: unknown) => parsePayRequest(value),
  parseWithdrawRequest: (value: unknown) => parseWithdrawRequest(value),
  parseChannelRequest: (value: unknown) => parseChannelRequest(value),
  parseInvoiceResponse: (value: unknown) => parseInvoiceResponse(value, `${ORIGIN}/cb`),
  parseSuccessAction: (value: unknown) => parseSuccessAction(value, `${ORIGIN}/cb`),
  parseVerifyResponse: (value: unknown) => parseVerifyResponse(value),
  parseStatusResponse: (value: unknown) => parseStatusResponse(value),
  parseMetadata: (value: unknown) => parseMetadata(value as string),
};

/** `run`'s result; a foreign exception is reported with the name of the reader that threw it. */
const named = <T>(name: string, run: () => T): T => {
  try {
    return run();
  } catch (error) {
    if (error instanceof LnurlError) throw error;
    throw new Error(`${name} threw ${String(error)}`, { cause: error });
  }
};

/** What a request that was read must satisfy, whatever the answer was. */
const expectSound = (body: Body, result: unknown): void => {
  const request = (result ?? {}) as Partial<PayRequest> & Partial<WithdrawRequest>;
  if (request.callback !== undefined)
    expect(() => parseServiceUrl(request.callback as string, 'callback')).not.toThrow();
  if (request.tag === 'payRequest') {
    const pay = request as PayRequest;
    expectExact(body, 'minSendable', pay.minSendable);
    expectExact(body, 'maxSendable', pay.maxSendable);
    expect(pay.minSendable >= 1n && pay.minSendable <= pay.maxSendable).toBe(true);
    expect(Number.isSafeInteger(pay.commentAllowed) && pay.commentAllowed >= 0).toBe(true);
    expect(pay.metadataHash).toBe(bytesToHex(sha256(utf8ToBytes(pay.metadata.raw))));
    if (pay.payerData) expect(Object.getPrototypeOf(pay.payerData)).toBeNull();
  }
  if (request.tag === 'withdrawRequest') {
    const withdraw = request as WithdrawRequest;
    expectExact(body, 'minWithdrawable', withdraw.minWithdrawable);
    expectExact(body, 'maxWithdrawable', withdraw.maxWithdrawable);
    expect(withdraw.minWithdrawable <= withdraw.maxWithdrawable).toBe(true);
  }
};

describe('service answers', () => {
  it('every reader gives a checked request or an LnurlError, for any answer', () => {
    checkProperty(
      'service-answers',
      fc.property(changed(fc.oneof(...Object.values(ANSWERS))), (body) => {
        const value: unknown = JSON.parse(bodyText(body));
        for (const [name, read] of Object.entries(READERS)) {
          const result = outcomeOf(() => named(name, () => read(value)));
          if (!(result instanceof LnurlError)) expectSound(body, result);
        }
        expectNoPollution();
      }),
      { seed: 6, numRuns: 600 },
    );
  });

  it('answers that are not objects, nested 100 000 deep or 900 kB long, are refused', () => {
    checkProperty(
      'service-answer-values',
      fc.property(hostileValue, (text) => {
        const value: unknown = JSON.parse(text);
        for (const [name, read] of Object.entries(READERS))
          outcomeOf(() => named(name, () => read(value)));
        expectNoPollution();
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

/** Metadata arrays with entries of every kind, some wrong. */
const metadataText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '["text/plain","Coffee"]',
            '["text/long-desc","A long description"]',
            '["image/png;base64","AAA="]',
            '["image/jpeg;base64","AAA="]',
            '["text/identifier","alice@svc.test"]',
            '["text/email","alice@svc.test"]',
            '["x/unknown",1,2,3]',
          ),
          hostileValue.map((v) => `["text/plain",${v}]`),
          hostileValue.map((v) => `[${v},"x"]`),
          hostileValue,
        ),
        { maxLength: 5 },
      )
      .map((entries) => `[${entries.join(',')}]`),
  },
  { weight: 1, arbitrary: hostileValue },
);

describe('metadata', () => {
  it('is read as sent, with one text/plain, or refused with an LnurlError', () => {
    checkProperty(
      'metadata-texts',
      fc.property(metadataText, (text) => {
        const result = outcomeOf(() => parseMetadata(text));
        if (!(result instanceof LnurlError)) {
          expect(result.raw).toBe(text);
          expect(result.entries.filter((e) => e[0] === 'text/plain')).toHaveLength(1);
          expect(typeof result.description).toBe('string');
          expect(result.display).toBe(result.longDescription ?? result.description);
        }
        expectNoPollution();
      }),
      { seed: 8, numRuns: 500 },
    );
  });
});
