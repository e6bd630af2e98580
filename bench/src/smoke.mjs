// The benchmark's smoke run, part of `pnpm test`: every part of `pnpm bench` runs on a small
// corpus, and the contenders of each table give the same answers (a faster contender must not be
// one doing other work). It prints no throughput, ratio or target: on a test machine, busy with
// other work, those numbers mean nothing; `pnpm bench` measures them.
import { spawnSync } from 'node:child_process';
import { decodeOffer } from '@lninvoice/bolt12';
import { decode } from '@lninvoice/core';
import bolt11 from 'bolt11';
import { decode as lightDecode } from 'light-bolt11-decoder';
import { measureBudgets } from '../../scripts/size-budgets.mjs';
import { fullOffers, minimalOffers, signedInvoices, specInvalidOffers } from './bolt12-corpus.mjs';
import { decoderDecode, loadBoltz } from './bolt12-peers.mjs';
import { invoiceContenders, offerContenders, signatureContenders } from './bolt12-speed.mjs';
import { CLI, measureColdStart } from './cold-start.mjs';
import { generateInvoices, specInvalidInvoices, specInvoices } from './corpus.mjs';
import { measureMemory } from './memory.mjs';
import { checkNativeRecipe, loadNativeRecipe } from './native-secp256k1.mjs';
import { measureSizes } from './sizes.mjs';
import { disagreements, parseContenders, signContenders, verifiedContenders } from './speed.mjs';

let failures = 0;
const check = async (what, run) => {
  try {
    console.log(`ok   ${what}: ${await run()}`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${what}: ${error?.message ?? error}`);
  }
};
const agree = (contenders, items = 'invoices') => {
  const found = disagreements(contenders);
  if (found.length > 0)
    throw new Error(
      `they disagree on ${found.length} ${items}; first: ${JSON.stringify(found[0])}`,
    );
  return `${contenders.length} contenders agree on ${contenders[0].ops} ${items}`;
};
/** True when `f` returns, false when it throws. */
const accepts = (f) => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};

const corpus = generateInvoices(60, 1);
const invoices = corpus.map((c) => c.invoice);
const nativeSecp256k1 = await loadNativeRecipe();

await check('native backend (core README recipe)', () => {
  checkNativeRecipe(nativeSecp256k1, [...invoices, ...specInvoices()]);
  return 'recovers the payees of the default backend, spec vectors included';
});
await check('parse only', () => agree(parseContenders(invoices)));
await check('verified decode', () => agree(verifiedContenders(invoices, nativeSecp256k1)));
await check('create + sign', () => agree(signContenders(corpus)));
await check('refusals', () => {
  const invalid = specInvalidInvoices();
  const accepted = invalid.filter((i) => accepts(() => decode(i)));
  if (accepted.length > 0) throw new Error(`lninvoice accepts invalid ${accepted[0]}`);
  // The peers' counts are reported by `pnpm bench`; here they only have to run.
  for (const peer of [lightDecode, bolt11.decode]) for (const i of invalid) accepts(() => peer(i));
  return `lninvoice refuses the ${invalid.length} invoices the spec says to reject`;
});
const boltz = await loadBoltz();
const offers = [...minimalOffers(20, 1), ...fullOffers(10, 1)];
const bolt12Invoices = signedInvoices(4, 1);
await check('BOLT 12 offers', () => agree(offerContenders(offers, boltz), 'offers'));
await check('BOLT 12 invoices', () => agree(invoiceContenders(bolt12Invoices, boltz)));
await check('BOLT 12 signature check', () => agree(signatureContenders(bolt12Invoices)));
await check('BOLT 12 offer ids', () => {
  for (const text of offers) {
    const theirs = new boltz.Offer(text);
    const id = Buffer.from(theirs.id).toString('hex');
    theirs.free();
    const ours = Buffer.from(decodeOffer(text).offerId.ldk).toString('hex');
    if (ours !== id) throw new Error(`offerId.ldk ${ours} is not boltz-bolt12's id ${id}: ${text}`);
  }
  return `lninvoice's offerId.ldk is boltz-bolt12's (LDK's) offer id on ${offers.length} offers`;
});
await check('BOLT 12 refusals', () => {
  const invalid = specInvalidOffers();
  const accepted = invalid.filter((o) => accepts(() => decodeOffer(o)));
  if (accepted.length > 0) throw new Error(`lninvoice accepts invalid ${accepted[0]}`);
  for (const o of invalid) {
    accepts(() => decoderDecode(o));
    accepts(() => new boltz.Offer(o).free());
  }
  return `lninvoice refuses the ${invalid.length} offers the spec's vectors say to reject`;
});
await check('bundle sizes', async () => {
  const sizes = [...(await measureSizes()), ...(await measureBudgets())];
  const empty = sizes.find((s) => !((s.gzip ?? s.measured) > 0));
  if (empty) throw new Error(`${empty.name}: no bundle`);
  return `${sizes.length} bundles built and measured`;
});
await check('cold start', () => {
  measureColdStart(invoices[0], 1);
  const { stdout, status } = spawnSync(process.execPath, [CLI, 'decode', invoices[0]], {
    encoding: 'utf8',
  });
  const printed = status === 0 ? JSON.parse(stdout).destination : `exit ${status}`;
  const expected = Buffer.from(decode(invoices[0]).payeeNodeKey).toString('hex');
  if (printed !== expected) throw new Error(`the CLI printed payee ${printed}, not ${expected}`);
  return 'lninvoice decode <invoice> prints the payee decode recovers';
});
await check('memory', async () => {
  const runs = await measureMemory(invoices, [200, 400]);
  for (const { lines, printed } of runs)
    if (printed !== lines) throw new Error(`decode - printed ${printed} lines for ${lines}`);
  return 'lninvoice decode - prints a line for each of 200 and 400 invoices';
});

process.exitCode = failures === 0 ? 0 : 1;
