// The benchmark's smoke run, part of `pnpm test`: every part of `pnpm bench` runs on a small
// corpus, and the contenders of each table give the same answers (a faster contender must not be
// one doing other work). It prints no throughput, ratio or target: on a test machine, busy with
// other work, those numbers mean nothing; `pnpm bench` measures them.
import { spawnSync } from 'node:child_process';
import { decode } from '@lninvoice/core';
import bolt11 from 'bolt11';
import { decode as lightDecode } from 'light-bolt11-decoder';
import { measureBudgets } from '../../scripts/size-budgets.mjs';
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
const agree = (contenders) => {
  const found = disagreements(contenders);
  if (found.length > 0)
    throw new Error(
      `they disagree on ${found.length} invoices; first: ${JSON.stringify(found[0])}`,
    );
  return `${contenders.length} contenders agree on ${contenders[0].ops} invoices`;
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
