// The decoder reads BOLT 12 in a browser: for every BOLT 12 vector (the valid offers, the string
// formats, the signed invoice request) the sections shown are bolt12Sections' (names and spans)
// and the fields shown are decodeBolt12's; for every invalid one, the error code, field and
// underlined span are those of the library's Bolt12Error. The payer's checklist shows exactly
// the findings of validateBolt12 with the policy of the form, each under its check.
import {
  type Bolt12,
  Bolt12Error,
  bolt12Sections,
  decodeBolt12,
  decodeInvoiceRequest,
  encodeBolt12,
} from '@lninvoice/bolt12';
import { type ValidationPolicy, validateBolt12 } from '@lninvoice/validate';
import type { Page } from 'playwright-core';
import {
  BOLT12_CORRECTED,
  BOLT12_FORMAT_STRINGS,
  BOLT12_INVALID_OFFERS,
  BOLT12_SIGNED_REQUEST,
  BOLT12_VALID_OFFERS,
} from 'test-support/bolt12-vectors';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { bolt12Samples, exampleInvoice, exampleRequest } from '../build/bolt12-samples';
import { type Site, startSite } from './helpers/site';

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await startSite();
  page = await site.open('playground.html');
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

/**
 * Pastes `text` and returns what the page holds: a textarea keeps line breaks as "\n" (HTML
 * normalizes "\r\n"), and the page reads what it holds.
 */
const paste = async (text: string): Promise<string> => {
  await page.locator('#invoice-input').fill(text);
  const held = await page.locator('#invoice-input').inputValue();
  expect(held).toBe(text.replace(/\r\n?/g, '\n'));
  return held;
};
const text = async (selector: string) => (await page.locator(selector).allTextContents()).join('');
const nowValue = () => page.locator('#policy-form input[name="now"]').inputValue();

const outcome = (input: string, verify = true): Bolt12 | Bolt12Error => {
  try {
    return decodeBolt12(input, { verify });
  } catch (error) {
    if (error instanceof Bolt12Error) return error;
    throw error;
  }
};

/** The status of a check of the checklist. */
const status = (check: string) =>
  page.locator(`#checklist [data-check="${check}"]`).getAttribute('data-status');

/** The codes of the findings the checklist shows, under the check each is shown in. */
const shownFindings = async (): Promise<string[]> =>
  page
    .locator('#checklist [data-check] .finding')
    .evaluateAll((elements) =>
      elements.map(
        (e) =>
          `${e.closest('[data-check]')?.getAttribute('data-check')}:${e.getAttribute('data-code')}`,
      ),
    );

/** validateBolt12's findings for what the page holds, as codes; the checks are the page's. */
const expectLibraryFindings = async (input: string, policy: ValidationPolicy) => {
  const library = validateBolt12(input, policy).issues.map((i) => i.code);
  const shown = await shownFindings();
  expect(shown.map((f) => f.split(':')[1]).sort()).toEqual([...library].sort());
  expect(await text('[data-testid="verdict"]')).toMatch(
    validateBolt12(input, policy).ok ? /^Acceptable by this policy/ : /^Do not pay/,
  );
  return shown;
};

/** The sections the page draws, as the library would describe them. */
const shownSections = () =>
  page.locator('#invoice-string [data-section]').evaluateAll((elements) =>
    elements.map((element) => {
      const e = element as HTMLElement;
      return {
        kind: e.dataset.kind ?? null,
        name: e.dataset.name ?? null,
        type: e.dataset.type ?? null,
        span: e.dataset.span ?? null,
        text: e.textContent,
      };
    }),
  );

/** bolt12Sections of `input`, in the same terms; none when it cannot frame the string. */
const librarySections = (input: string) => {
  let sections: ReturnType<typeof bolt12Sections>['sections'];
  try {
    sections = bolt12Sections(input).sections;
  } catch (error) {
    if (error instanceof Bolt12Error) return [];
    throw error;
  }
  return sections.map((s) => ({
    kind: s.kind,
    name: s.name ?? null,
    type: s.type === undefined ? null : String(s.type),
    span: `${s.span[0]} ${s.span[1]}`,
    text: s.text,
  }));
};

/** The value at a dotted path (`offer.description`). */
const at = (value: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);

/** True when the message has the property, even with an undefined value. */
const hasPath = (value: object, path: string): boolean => {
  let v: unknown = value;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null || !(key in v)) return false;
    v = (v as Record<string, unknown>)[key];
  }
  return true;
};

/** Every text and number inside a JSON value (booleans left out: they are words on the page). */
const leaves = (value: unknown): string[] =>
  typeof value === 'string' || typeof value === 'number'
    ? [String(value)]
    : Array.isArray(value)
      ? value.flatMap(leaves)
      : typeof value === 'object' && value !== null
        ? Object.values(value).flatMap(leaves)
        : [];

/**
 * The page's rows against the library's own JSON of the message (bigints in decimal, bytes in
 * hex): a row for each field it returns, each value as the library has it.
 */
const expectFields = async (message: Bolt12) => {
  const json = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
  const rows = await page.locator('#decoded-fields tr[data-field]').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: (tr as HTMLElement).dataset.field ?? '',
      value: tr.querySelector('[data-testid="value"]')?.textContent ?? '',
      cell: tr.querySelector('td')?.textContent ?? '',
    })),
  );
  // The records themselves are the sections above the table.
  const fields = Object.keys(json)
    .filter((key) => key !== 'records')
    .flatMap((key) =>
      key === 'offer' || key === 'request'
        ? Object.keys(json[key] as object).map((name) => `${key}.${name}`)
        : [key],
    );
  const shown = rows.map((row) => row.key);
  expect(shown.filter((key) => at(json, key) !== undefined).sort()).toEqual(fields.sort());
  for (const row of rows) {
    expect(hasPath(message, row.key), `${row.key} is a property of the message`).toBe(true);
    const value = at(json, row.key);
    if (value === undefined) expect(row.value, row.key).toBe('');
    else if (typeof value === 'string' || typeof value === 'number')
      expect(row.value, row.key).toBe(String(value));
    else if (typeof value === 'boolean') expect(row.value, row.key).toBe(value ? 'yes' : 'no');
    else for (const leaf of leaves(value)) expect(row.cell, row.key).toContain(leaf);
  }
  return rows;
};

/** Pastes a string the library reads, and checks sections, fields and that no error is shown. */
const expectRead = async (input: string) => {
  const held = await paste(input);
  const message = outcome(held);
  if (message instanceof Bolt12Error) throw message;
  expect(await shownSections()).toEqual(librarySections(held));
  // Every character belongs to a section, in order.
  expect((await shownSections()).map((s) => s.text).join('')).toBe(held.trim());
  expect(await page.locator('[data-testid="decoded-kind"]').getAttribute('data-kind')).toBe(
    message.kind,
  );
  expect(await page.locator('#decode-error').textContent()).toBe('');
  expect(await page.locator('#invoice-string mark.bad').count()).toBe(0);
  await expectFields(message);
  expect(await status('decode')).toBe('ok');
  return message;
};

/** Pastes a string the library refuses, and checks the error box, the underline, the sections. */
const expectRefused = async (input: string, code: string) => {
  const held = await paste(input);
  const error = outcome(held);
  if (!(error instanceof Bolt12Error)) throw new Error(`the library reads ${input}`);
  expect(error.code).toBe(code);
  expect(await text('[data-testid="error-code"]')).toBe(error.code);
  expect(await page.locator('[data-testid="error-code"] a').getAttribute('href')).toBe(
    `bolt12.html#code-${error.code}`,
  );
  expect(await text('[data-testid="error-field"]')).toBe(error.field ?? '');
  const marked = await page.locator('#invoice-string mark.bad').allTextContents();
  if (error.span === undefined) expect(marked).toEqual([]);
  else {
    expect(marked.join('')).toBe(held.slice(...error.span));
    // A zero-length span ("something is missing here") is an empty mark where it points.
    if (error.span[0] === error.span[1])
      expect(await page.locator('#invoice-string mark.bad-empty').count()).toBe(1);
  }
  expect(await shownSections()).toEqual(librarySections(held));
  // The checklist: the decoder's finding under "decodes", a link to the code in bolt12's docs.
  expect(await status('decode')).toBe('error');
  expect(await shownFindings()).toContain(`decode:${error.code}`);
  expect(
    await page
      .locator(`#checklist [data-check="decode"] .finding[data-code="${error.code}"] a.code`)
      .getAttribute('href'),
  ).toBe(`bolt12.html#code-${error.code}`);
  return error;
};

test('the vectors are there', () => {
  expect(BOLT12_VALID_OFFERS.length).toBe(20);
  expect(BOLT12_INVALID_OFFERS.length).toBe(33);
  expect(BOLT12_CORRECTED.length).toBe(7);
  expect(BOLT12_FORMAT_STRINGS.length).toBe(12);
});

describe.each(BOLT12_VALID_OFFERS)('valid offer: $description', (vector) => {
  test('shows the library’s sections and fields', async () => {
    const offer = await expectRead(vector.bolt12);
    expect(offer.kind).toBe('offer');
    // One section per record of the vector, named as the spec names its type.
    const records = (await shownSections()).filter((s) => s.kind === 'record');
    expect(records.map((s) => s.type)).toEqual(vector.fields?.map((f) => String(f.type)));
  });
});

describe.each(BOLT12_FORMAT_STRINGS.map((v, i) => ({ ...v, i })))(
  'string format $i: $comment',
  (vector) => {
    const code = vector.comment.startsWith('Mixed') ? 'mixed-case' : 'invalid-continuation';
    test(vector.valid ? 'is read as the complete string is' : `shows ${code}`, async () => {
      if (!vector.valid) {
        await expectRefused(vector.string, code);
        return;
      }
      const offer = await expectRead(vector.string);
      expect(encodeBolt12(offer)).toBe(BOLT12_FORMAT_STRINGS[0]?.string);
    });
  },
);

test('the signed invoice request: its sections, fields and verified signature', async () => {
  const request = await expectRead(BOLT12_SIGNED_REQUEST.bolt12);
  expect(request.kind).toBe('invoice_request');
  expect(await text('#decoded-fields tr[data-field="signature"] [data-testid="value"]')).toBe(
    BOLT12_SIGNED_REQUEST.signature,
  );
  expect(
    await text('#decoded-fields tr[data-field="offer.description"] [data-testid="value"]'),
  ).toBe('A Mathematical Treatise');
  expect(await page.locator('#decoded-fields .unverified').count()).toBe(0);
  await expectLibraryFindings(BOLT12_SIGNED_REQUEST.bolt12, { now: Number(await nowValue()) });
  // Switching verification off changes what the fields say, never what the checklist checks.
  await page.locator('#opt-verify').uncheck();
  expect(await status('decode')).toBe('ok');
  expect(await page.locator('#decoded-fields .unverified').count()).toBe(1);
  expect(await text('#decoded-fields tr[data-field="verified"] [data-testid="value"]')).toBe('no');
  await page.locator('#opt-verify').check();
  await site.screenshot(page, 'playground-decode-bolt12-request');
});

test('an invoice request with a broken signature: its fields, unverified, and the error', async () => {
  const request = decodeInvoiceRequest(BOLT12_SIGNED_REQUEST.bolt12);
  const broken = encodeBolt12({
    kind: 'invoice_request',
    records: request.records.map((r) =>
      r.type === 240n ? { type: r.type, value: r.value.map((b, i) => (i === 0 ? b ^ 1 : b)) } : r,
    ),
  });
  const error = await expectRefused(broken, 'invalid-signature');
  expect(error.field).toBe('signature');
  // The fields are still shown, read without the signature check, and said to be unverified.
  const unverified = outcome(broken, false);
  if (unverified instanceof Bolt12Error) throw unverified;
  await expectFields(unverified);
  expect(await page.locator('#decoded-fields .unverified').count()).toBe(1);
  // Every other check still runs on what was read, so that every finding is listed.
  expect(await status('description')).toBe('ok');
  await expectLibraryFindings(broken, { now: Number(await nowValue()) });
});

test('an invoice made with the builders: its sections, fields and checklist', async () => {
  const held = exampleInvoice();
  const invoice = await expectRead(held);
  expect(invoice.kind).toBe('invoice');
  expect(await text('#decoded-fields tr[data-field="paymentHash"] [data-testid="value"]')).toBe(
    '11'.repeat(32),
  );
  // Made in 2023 for an hour: expired by this computer's clock, not when it was made.
  expect(await status('expiry')).toBe('error');
  await expectLibraryFindings(held, { now: Number(await nowValue()) });
  await page.locator('#now-created').click();
  expect(await nowValue()).toBe('1700000000');
  expect(await status('expiry')).toBe('ok');
  // Without the payer's own request, nothing shows the invoice answers it: a warning.
  expect(await status('request')).toBe('warning');
  expect(await shownFindings()).toContain('request:request-unchecked');
  const request = page.locator('#policy-form input[name="request"]');
  expect(await request.isVisible()).toBe(true);
  await request.fill(exampleRequest());
  expect(await status('request')).toBe('ok');
  expect(
    await expectLibraryFindings(held, { now: 1_700_000_000, request: exampleRequest() }),
  ).toEqual([]);
  await site.screenshot(page, 'playground-decode-bolt12-invoice');
  // Another request (the spec's, for another offer): the invoice does not answer it.
  await request.fill(BOLT12_SIGNED_REQUEST.bolt12);
  expect(await status('request')).toBe('error');
  const shown = await expectLibraryFindings(held, {
    now: 1_700_000_000,
    request: BOLT12_SIGNED_REQUEST.bolt12,
  });
  const mismatch = shown.find((f) => f.startsWith('request:'))?.split(':')[1];
  expect(
    await page
      .locator(`#checklist .finding[data-code="${mismatch}"] a.code`)
      .first()
      .getAttribute('href'),
  ).toMatch(/^(bolt12|validate)\.html#code-/);
  // Text that is no invoice request is said, and the checklist runs without it.
  await request.fill('lnbc1');
  expect(await text('#policy-problems')).toContain('lnr1');
  expect(await status('request')).toBe('warning');
  await request.fill('');
  await page.locator('#now-clock').click();
});

describe.each([...BOLT12_INVALID_OFFERS, ...BOLT12_CORRECTED])(
  'invalid offer: $description',
  (vector) => {
    test(`shows ${vector.code} and underlines the span at fault`, async () => {
      await expectRefused(vector.bolt12, vector.code);
    });
  },
);

test('every BOLT 12 example in the menu is shown as the library reads it', async () => {
  const groups = bolt12Samples();
  for (const [g, group] of groups.entries()) {
    for (const [i, sample] of group.samples.entries()) {
      await page.locator('#invoice-samples').selectOption(`bolt12-${g}:${i}`);
      expect(await page.locator('#invoice-input').inputValue()).toBe(
        sample.text.replace(/\r\n?/g, '\n'),
      );
      expect(await text('[data-testid="error-code"]'), sample.name).toBe(sample.code ?? '');
    }
  }
  const options = await page.locator('#invoice-samples option[value^="bolt12-"]').count();
  expect(options).toBe(groups.reduce((n, group) => n + group.samples.length, 0));
});

test('hovering a record names it, shows its value and lights up its row', async () => {
  const vector = BOLT12_VALID_OFFERS.find((v) => v.description === 'with issuer');
  await paste(vector?.bolt12 ?? '');
  await page.locator('#invoice-string [data-name="offer_issuer"]').hover();
  expect(await text('[data-testid="section-title"]')).toBe('offer_issuer');
  expect(await text('[data-testid="section-value"]')).toBe('https://bolt12.org BOLT12 industries');
  expect(await page.locator('#decoded-fields tr.hl').getAttribute('data-field')).toBe('issuer');
  // The legend names every record in its colour.
  expect(await page.locator('#record-legend li .sec').allTextContents()).toEqual([
    'offer_description',
    'offer_issuer',
    'offer_issuer_id',
  ]);
  await page.locator('#invoice-string [data-name="offer_description"]').hover();
  await site.screenshot(page, 'playground-decode-bolt12');
});

test('the payer’s checklist follows the time now, the chain, the amount and the issuer', async () => {
  const withExpiry = BOLT12_VALID_OFFERS.find((v) => v.description === 'with expiry');
  const offer = withExpiry?.bolt12 ?? '';
  await paste(offer);
  expect(await page.locator('#checklist-title').textContent()).toBe('Payer’s checklist (BOLT 12)');
  // Offers are not signed: the checklist has no signature to check, and asks for no request.
  expect(await page.locator('#checklist [data-check="request"]').count()).toBe(0);
  expect(await page.locator('#policy-form input[name="request"]').isVisible()).toBe(false);
  const now = page.locator('#policy-form input[name="now"]');
  await now.fill('2000000000'); // 2033: before 2035
  expect(await status('expiry')).toBe('ok');
  await expectLibraryFindings(offer, { now: 2_000_000_000 });
  await now.fill('2100000000'); // 2036
  expect(await status('expiry')).toBe('error');
  expect(
    await page.locator('#checklist .finding[data-code="expired"] a.code').getAttribute('href'),
  ).toBe('validate.html#code-expired');
  await expectLibraryFindings(offer, { now: 2_100_000_000 });
  await now.fill('');
  expect(await status('expiry')).toBe('warning'); // expiry-unchecked
  await expectLibraryFindings(offer, {});
  await page.locator('#now-clock').click();

  const testnet = BOLT12_VALID_OFFERS.find((v) => v.description === 'for testnet')?.bolt12 ?? '';
  await paste(testnet);
  const network = page.locator('#policy-form select[name="network"]');
  expect(await status('network')).toBe('skipped');
  await network.selectOption('bitcoin');
  expect(await status('network')).toBe('error');
  expect(await shownFindings()).toContain('network:network-mismatch');
  await expectLibraryFindings(testnet, { network: 'bitcoin', now: Number(await nowValue()) });
  await network.selectOption('testnet');
  expect(await status('network')).toBe('ok');
  await network.selectOption('');

  const withAmount = BOLT12_VALID_OFFERS.find((v) => v.description === 'with amount')?.bolt12 ?? '';
  const amounts = await paste(withAmount);
  const amount = page.locator('#policy-form input[name="amount"]');
  expect(await status('amount')).toBe('skipped');
  await amount.fill('10000');
  expect(await status('amount')).toBe('ok');
  await amount.fill('9999');
  expect(await status('amount')).toBe('error');
  await expectLibraryFindings(amounts, { amountMsat: 9999n, now: Number(await nowValue()) });
  await amount.fill('');

  const withIssuer = BOLT12_VALID_OFFERS.find((v) => v.description === 'with issuer')?.bolt12 ?? '';
  await paste(withIssuer);
  const payee = page.locator('#policy-form input[name="payee"]');
  const issuerId = decodeBolt12(withIssuer);
  if (issuerId.kind !== 'offer' || issuerId.issuerId === undefined) throw new Error('no issuer id');
  const id = [...issuerId.issuerId].map((b) => b.toString(16).padStart(2, '0')).join('');
  await payee.fill(id);
  expect(await status('payee')).toBe('ok');
  await payee.fill(`02${'11'.repeat(32)}`);
  expect(await status('payee')).toBe('error');
  expect(await shownFindings()).toContain('payee:payee-mismatch');
  await payee.fill('');
});

test('switching back to BOLT 11 shows the payer’s checklist again', async () => {
  await paste(BOLT12_VALID_OFFERS[0]?.bolt12 ?? '');
  expect(await page.locator('#opt-legacy').isDisabled()).toBe(true);
  await page.locator('#invoice-samples').selectOption('valid:0');
  expect(await page.locator('#opt-legacy').isDisabled()).toBe(false);
  expect(await page.locator('#checklist-title').textContent()).toBe('Payer’s checklist');
  expect(await page.locator('[data-testid="decoded-kind"]').count()).toBe(0);
  expect(await page.locator('#checklist [data-check="payee"]').count()).toBe(1);
});

test('a link carries an offer in its fragment, which never reaches the server', async () => {
  const offer = BOLT12_VALID_OFFERS.find((v) => v.description === 'with amount')?.bolt12 ?? '';
  await paste(offer);
  await page.locator('#copy-link').click();
  const url = page.url();
  expect(url).toMatch(new RegExp(`#${offer}$`));
  const opened = await site.open(url.replace(`${site.server.origin}/`, ''));
  expect(
    await opened
      .locator('#decoded-fields tr[data-field="amountMsat"] [data-testid="value"]')
      .textContent(),
  ).toBe('10000');
  await opened.close();
  expect(site.server.requests.filter((request) => request.includes(offer.slice(0, 20)))).toEqual(
    [],
  );
});

test('"What is this?" opens an offer in the decoder', async () => {
  const offer = BOLT12_VALID_OFFERS.find((v) => v.description === 'with issuer')?.bolt12 ?? '';
  await page.locator('#tab-parse').click();
  await page.locator('#parse-input').fill(offer);
  await page
    .locator('#parse-form [data-output]')
    .getByRole('button', { name: 'Open the offer in the decoder' })
    .click();
  expect(await page.locator('#panel-decode').isVisible()).toBe(true);
  expect(await page.locator('[data-testid="decoded-kind"]').getAttribute('data-kind')).toBe(
    'offer',
  );
  expect(await text('#decoded-fields tr[data-field="issuer"] [data-testid="value"]')).toBe(
    'https://bolt12.org BOLT12 industries',
  );
});
