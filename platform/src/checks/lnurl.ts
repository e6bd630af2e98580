// @lninvoice/lnurl on its vectors (test-support/vectors/lnurl/cases.json), run by the package's own
// vector runner, the way its vectors.test.ts runs them: strict by default, `interop` forms only
// with { lenient: true }. `got` is what each call returned or the error it threw. Then the zaps
// of @lninvoice/lnurl/zap (NIP-57), with fixed keys and times: a zap request made, signed (BIP 340)
// and checked, and a receipt checked against the right and a wrong key.
import * as lnurl from '@lninvoice/lnurl';
import { createZapRequest, validateZapReceipt, validateZapRequest } from '@lninvoice/lnurl/zap';
import { type LnurlCase, runVector } from '../../../packages/lnurl/test/helpers/run-vector.js';
import { attempt, attemptAsync, codeOf, matches, type Plain, type Result } from '../view.js';

export type { LnurlCase };

const run = (c: LnurlCase, lenient: boolean) => runVector(lnurl, c, lenient);

/** Whether the outcomes meet the case: its error (and lenient result), or its expected fields. */
const meets = (c: LnurlCase, strict: Result['got'], lenient: Result['got']): boolean => {
  const value = (outcome: Plain) => (outcome as { value?: Plain }).value;
  const error = (outcome: Plain) => (outcome as { error?: { reason?: Plain } }).error;
  const code = (outcome: Plain) => codeOf(outcome as { value: Plain });
  if (c.op === 'lud13-message' && !matches(value(strict), { same: true })) return false;
  if (c.error !== undefined)
    return (
      code(strict) === c.error &&
      (c.expect_reason === undefined || error(strict)?.reason === c.expect_reason) &&
      (c.lenient_expect === undefined || matches(value(lenient), c.lenient_expect))
    );
  if (c.level === 'interop')
    return code(strict) === 'non-standard-form' && matches(value(lenient), c.expect);
  return matches(value(strict), c.expect);
};

/** Keys of the zap: the sender's secret, the recipient, and the keys that sign receipts. */
const SENDER_KEY = '44'.repeat(32);
const SENDER = '2c0b7cf95324a07d05398b240174dc0c2be444d96b159aa6c7f7b1e668680991';
const RECIPIENT = '5ab4689e400a4a160cf01cd44730845a54768df8547dcdf073d964f109f18c30';
const RECEIPT_SIGNER = '9ac20335eb38768d2052be1dbbc3c8f6178407458e51e6b4ad22f1d91758895b';
const SERVICE = '3c72addb4fdf09af94f0c94d7fe92a386a7e70cf8a1d85916386bb2535c7b1b1';
/** The id of the zap request below: its hash does not depend on the signature's randomness. */
const ZAP_REQUEST_ID = 'b9c480d0d99eb058c90f4397961f8bfca336ccaa6ab4722e841e60677442bfbb';

/**
 * A receipt of that zap request (made by nostr-tools' makeZapReceipt, its regtest invoice by
 * @lninvoice/core with `h` the SHA-256 of the description) signed by RECEIPT_SIGNER, not SERVICE.
 */
const RECEIPT = JSON.stringify({
  kind: 9735,
  created_at: 1700000200,
  content: '',
  tags: [
    ['p', RECIPIENT],
    ['P', SENDER],
    [
      'bolt11',
      'lnbcrt210n1pj48utypp5fwcxlrjw8fm3t5sp64eap2jzxa3w2hdt6cdzcq3837jke3kjjnsqsp5yyk0lawckwkguamm7fk6f4y928zenw0qe0kk2whs8nvwdtxm6k7shp5lef4reuq5gp0r35pjlfk2vhzq9gepxqzmgc8vr06qj495rf3k73s9qrsgqkh7kp2qn8ll7yv2pj2aqeu8jh9mre4wzk9wlfqx04e08gsfszsz9f3g4p8fx34yyct0kw0uurz5n3yytn2gwve38gvk4t0t4vh4d65gp65nypa',
    ],
    [
      'description',
      `{"id":"${ZAP_REQUEST_ID}","pubkey":"${SENDER}","created_at":1700000000,"kind":9734,"tags":[["relays","wss://relay.example.com"],["amount","21000"],["p","${RECIPIENT}"]],"content":"zap","sig":"d3fd368b1434925e077d10ecd8087290d651ec885a5fb163ed2470a9c352345b3f84d026aaa5606026f877f3c8e4c6a1ebd56ab959e65e7c111b108c9dde125f"}`,
    ],
    ['preimage', '07'.repeat(32)],
  ],
  pubkey: RECEIPT_SIGNER,
  id: '92d01fdfa4ff57f2a3d53d0855c8cf57042ad48b8f72c070ba9f926c658bc29b',
  sig: 'a842dca7136768cc2a070851f16111caed77d59dbefc8f21090705122b91b29806405608edcd74ac71d20fcae8f02a7a7b6d89ff1f610ed8e854397db90ce550',
});

/** What an outcome's value says: `ok`, the codes of its issues, and its other fields. */
const zapView = (outcome: Plain): { [key: string]: Plain } => {
  const value = (outcome as { value?: { [key: string]: Plain } }).value ?? {};
  const issues = (value.issues ?? []) as { code: Plain }[];
  return { ...value, codes: issues.map((issue) => issue.code) };
};

/**
 * The zaps: a request made with a fixed key and time, then checked as a service does (all but
 * its signature is kept: BIP 340 signs with fresh randomness); the receipt checked against a
 * wrong key and against its signer's.
 */
const checkZaps = (): Result[] => {
  const made = attempt(() => {
    const request = createZapRequest(
      {
        recipientPubkey: RECIPIENT,
        amountMsat: 21_000n,
        relays: ['wss://relay.example.com'],
        comment: 'zap',
        createdAt: 1_700_000_000,
      },
      SENDER_KEY,
    );
    const { ok, issues } = validateZapRequest(JSON.stringify(request), { amountMsat: 21_000n });
    const { sig: _random, ...unsigned } = request;
    return { ...unsigned, ok, issues };
  });
  const receipt = (nostrPubkey: string) =>
    attempt(() => {
      const { ok, issues, zap } = validateZapReceipt(RECEIPT, { nostrPubkey });
      return { ok, issues, amountMsat: zap?.amountMsat, sender: zap?.sender };
    });
  const forged = receipt(SERVICE);
  const genuine = receipt(RECEIPT_SIGNER);
  const request = zapView(made);
  return [
    {
      id: 'zap: createZapRequest, then validateZapRequest',
      pass:
        request.id === ZAP_REQUEST_ID &&
        request.pubkey === SENDER &&
        request.ok === true &&
        matches(request.codes, []),
      got: made,
    },
    {
      id: 'zap: validateZapReceipt, signed by another key',
      pass: zapView(forged).ok === false && matches(zapView(forged).codes, ['pubkey-mismatch']),
      got: forged,
    },
    {
      id: 'zap: validateZapReceipt, by its signer',
      pass:
        zapView(genuine).ok === true &&
        matches(zapView(genuine).codes, []) &&
        zapView(genuine).amountMsat === '21000n',
      got: genuine,
    },
  ];
};

export const check = async (cases: readonly LnurlCase[]): Promise<Result[]> => {
  const results: Result[] = [];
  for (const c of cases) {
    const strict = await attemptAsync(() => run(c, false));
    const lenient = await attemptAsync(() => run(c, true));
    results.push({ id: c.id, pass: meets(c, strict, lenient), got: { strict, lenient } });
  }
  results.push(...checkZaps());
  return results;
};
