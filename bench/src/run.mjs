// `pnpm bench`: speed, size, cold start and memory of @lninvoice beside the peer libraries, in one
// run, as ratios against the targets of issue 8. `pnpm test` runs smoke.mjs instead: whether every
// contender runs and agrees, without a number.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { decodeOffer } from '@lninvoice/bolt12';
import { decode } from '@lninvoice/core';
import bolt11 from 'bolt11';
import { decode as lightDecode } from 'light-bolt11-decoder';
import { kib } from '../../scripts/bundle-size.mjs';
import { measureBudgets } from '../../scripts/size-budgets.mjs';
import { fullOffers, minimalOffers, signedInvoices, specInvalidOffers } from './bolt12-corpus.mjs';
import { decoderDecode, loadBoltz } from './bolt12-peers.mjs';
import { invoiceContenders, offerContenders, signatureContenders } from './bolt12-speed.mjs';
import { measureColdStart } from './cold-start.mjs';
import { generateInvoices, specInvalidInvoices, specInvoices } from './corpus.mjs';
import { measureMemory } from './memory.mjs';
import { checkNativeRecipe, loadNativeRecipe, nativeBindingsLoad } from './native-secp256k1.mjs';
import { measureSizes } from './sizes.mjs';
import {
  disagreements,
  measure,
  parseContenders,
  signContenders,
  verifiedContenders,
} from './speed.mjs';

const SETTINGS = {
  corpus: 1_000,
  verified: 300,
  signed: 300,
  rounds: 11,
  coldRuns: 40,
  lines: [10_000, 100_000],
  // More keys than core remembers (256), so that every point is checked as a new one would be.
  bolt12: { minimalOffers: 600, fullOffers: 300, invoices: 200 },
};

const lines = [];
const say = (text = '') => {
  lines.push(text);
  console.log(text);
};
const table = (header, rows) => {
  say(`| ${header.join(' | ')} |`);
  say(`|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of rows) say(`| ${row.join(' | ')} |`);
  say();
};
const rate = (r) =>
  `${Math.round(r.median).toLocaleString('en')} (${Math.round(r.min).toLocaleString('en')}–${Math.round(r.max).toLocaleString('en')})`;
const ratio = (a, b) => a / b;
const x = (value) => `${value.toFixed(2)}×`;
const targets = [];
/** True when `f` returns, false when it throws. */
const attempt = (f) => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};
const target = (what, value, goal, met) => targets.push({ what, value, goal, met });

const nativeSecp256k1 = await loadNativeRecipe();
const corpus = generateInvoices(SETTINGS.corpus, 1);
const invoices = corpus.map((c) => c.invoice);
const spec = specInvoices();
say('# lninvoice benchmark');
say();
say(
  `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores. ` +
    `Corpus: ${invoices.length} generated invoices (seed 1, ${Math.min(...invoices.map((i) => i.length))}–${Math.max(...invoices.map((i) => i.length))} characters) + ${spec.length} BOLT 11 spec vectors. ` +
    `Throughput in operations per second: median of ${SETTINGS.rounds} interleaved rounds (min–max). ` +
    `The \`secp256k1\` package ${nativeBindingsLoad() ? 'runs libsecp256k1 (native)' : 'could NOT load libsecp256k1: "native" rows run its JavaScript fallback'}.`,
);
say();

checkNativeRecipe(nativeSecp256k1, [...invoices.slice(0, 50), ...spec]);

/** The contenders of a table, once they are shown to give the same answers on the corpus. */
const agreeing = (contenders) => {
  const found = disagreements(contenders);
  if (found.length > 0)
    throw new Error(`contenders disagree on ${found.length} invoices: ${JSON.stringify(found[0])}`);
  return contenders;
};
// The spec vectors join the parse corpus after the check: the parsers refuse different ones.
agreeing(parseContenders(invoices));
const parse = measure(parseContenders([...invoices, ...spec]), {
  rounds: SETTINGS.rounds,
  warmup: 3,
});
const verifiedSet = agreeing(
  verifiedContenders(invoices.slice(0, SETTINGS.verified), nativeSecp256k1),
);
const verified = measure(verifiedSet, { rounds: SETTINGS.rounds, warmup: 1 });
const signed = measure(agreeing(signContenders(corpus.slice(0, SETTINGS.signed))), {
  rounds: SETTINGS.rounds,
  warmup: 1,
});

const speedTable = (title, results, base) => {
  say(`## ${title}`);
  say();
  table(
    ['', 'ops/s', `vs ${base.name}`, 'refused'],
    results.map((r) => [r.name, rate(r), x(ratio(r.median, base.median)), String(r.refused)]),
  );
};
const [ourParse, light] = parse;
speedTable('Parse only (no signature check)', parse, light);
const invalid = specInvalidInvoices();
const accepted = (f) => invalid.filter((i) => attempt(() => f(i))).length;
say(
  'Refused: all three refuse the spec example "fields which must be ignored" (lninvoice accepts it ' +
    'with `legacy: true`, see core README, Policy decisions). Of the ' +
    `${invalid.length} invoices the spec says a reader must reject, lninvoice accepts ` +
    `${accepted((i) => decode(i))}, light-bolt11-decoder ${accepted(lightDecode)}, bolt11 ${accepted(bolt11.decode)}.`,
);
say();
target(
  'parse-only decode vs light-bolt11-decoder',
  ratio(ourParse.median, light.median),
  '≥ 5×',
  ratio(ourParse.median, light.median) >= 5,
);

const [ourVerified, nobleRecover, , ourNative, bolt11Decode] = verified;
speedTable('Verified decode (payee recovered, or `n` verified)', verified, nobleRecover);
target(
  'verified decode vs noble recoverPublicKey',
  ratio(ourVerified.median, nobleRecover.median),
  '≥ 2×',
  ratio(ourVerified.median, nobleRecover.median) >= 2,
);
target(
  'verified decode, native backend, vs bolt11 (native)',
  ratio(ourNative.median, bolt11Decode.median),
  '≥ 1×',
  ratio(ourNative.median, bolt11Decode.median) >= 1,
);

const [ourSign, nobleSign] = signed;
speedTable('Create + sign', signed, nobleSign);
target(
  'create + sign vs noble sign',
  ratio(ourSign.median, nobleSign.median),
  '≥ 0.9×',
  ratio(ourSign.median, nobleSign.median) >= 0.9,
);

// BOLT 12: offers and invoices beside bolt12-decoder (JavaScript, checks no point and no
// signature) and boltz-bolt12 (LDK 0.1 in WebAssembly, checks both), then our signature check.
const boltz = await loadBoltz();
const bolt12Corpus = {
  minimal: minimalOffers(SETTINGS.bolt12.minimalOffers, 1),
  full: fullOffers(SETTINGS.bolt12.fullOffers, 1),
  invoices: signedInvoices(SETTINGS.bolt12.invoices, 1),
};
const bolt12Options = { rounds: SETTINGS.rounds, warmup: 2 };
const minimal = measure(agreeing(offerContenders(bolt12Corpus.minimal, boltz)), bolt12Options);
const full = measure(agreeing(offerContenders(bolt12Corpus.full, boltz)), bolt12Options);
const bolt12Invoices = measure(
  agreeing(invoiceContenders(bolt12Corpus.invoices, boltz)),
  bolt12Options,
);
const bolt12Signatures = measure(
  agreeing(signatureContenders(bolt12Corpus.invoices)),
  bolt12Options,
);
const lengths = (texts) =>
  `${Math.min(...texts.map((t) => t.length))}–${Math.max(...texts.map((t) => t.length))}`;
say('## BOLT 12: the messages');
say();
say(
  `Built with @lninvoice/bolt12 (seed 1), every key a new one: ${bolt12Corpus.minimal.length} minimal offers ` +
    `(\`offer_issuer_id\` alone, ${lengths(bolt12Corpus.minimal)} characters), ${bolt12Corpus.full.length} full offers ` +
    `(every offer field, a two-hop blinded path: 5 keys, ${lengths(bolt12Corpus.full)} characters) and ` +
    `${bolt12Corpus.invoices.length} signed invoices, each answering a signed request to its offer (a two-hop offer path, a two-hop payment path; ` +
    `${lengths(bolt12Corpus.invoices)} characters). bolt12-decoder checks no curve point and no signature; ` +
    'boltz-bolt12 (LDK 0.1 in WebAssembly) checks both, and its rows include reading the compared fields ' +
    'out of the WebAssembly and freeing its objects. lninvoice remembers the last 256 valid keys ' +
    "(core's point check): keys it has seen, a merchant's issuer id say, cost it almost nothing.",
);
say();
const [ourMinimal, decoderMinimal, boltzMinimal] = minimal;
const [ourFull, decoderFull, boltzFull] = full;
speedTable('BOLT 12: decode a minimal offer', minimal, decoderMinimal);
speedTable('BOLT 12: decode a full offer (2-hop blinded path)', full, decoderFull);
const invalidOffers = specInvalidOffers();
const acceptedOffers = (f) => invalidOffers.filter((o) => attempt(() => f(o))).length;
say(
  `lninvoice vs boltz-bolt12: ${x(ratio(ourMinimal.median, boltzMinimal.median))} (minimal), ` +
    `${x(ratio(ourFull.median, boltzFull.median))} (full). Of the ${invalidOffers.length} offers the ` +
    `spec's vectors say a reader must reject, lninvoice accepts ${acceptedOffers(decodeOffer)}, ` +
    `bolt12-decoder ${acceptedOffers(decoderDecode)}, boltz-bolt12 ${acceptedOffers((o) => new boltz.Offer(o).free())}.`,
);
say();
const [ourInvoice, boltzInvoice, ourUnverified, decoderInvoice] = bolt12Invoices;
speedTable('BOLT 12: decode a signed invoice', bolt12Invoices, boltzInvoice);
say(
  `Like for like: lninvoice verifying vs boltz-bolt12 (verifies) ${x(ratio(ourInvoice.median, boltzInvoice.median))}; ` +
    `lninvoice with \`verify: false\` vs bolt12-decoder (checks no signature, nor any point) ` +
    `${x(ratio(ourUnverified.median, decoderInvoice.median))}.`,
);
say();
const [ourCheck, nobleSchnorr] = bolt12Signatures;
speedTable('BOLT 12: invoice signature check', bolt12Signatures, nobleSchnorr);
say(
  "lninvoice's row is what `decodeInvoice` runs on the records it read: the Merkle root, the tagged " +
    'signature hash, then BIP 340 under `invoice_node_id` (by @noble/secp256k1, the same `schnorr.verify` ' +
    'as the row below, given the hash).',
);
say();
target(
  'BOLT 12 invoice signature check vs noble schnorr.verify',
  ratio(ourCheck.median, nobleSchnorr.median),
  '≥ 0.9×',
  ratio(ourCheck.median, nobleSchnorr.median) >= 0.9,
);

say('## Bundle size (esbuild, browser, minified + gzip)');
say();
table(
  ['', 'minified', 'gzip'],
  (await measureSizes()).map((s) => [s.name, kib(s.minified), kib(s.gzip)]),
);
const budgets = await measureBudgets();
table(
  ['package', 'gzip', 'target', 'CI limit'],
  budgets.map((b) => [b.name, kib(b.measured), kib(b.target), kib(b.limit)]),
);
for (const b of budgets)
  target(`size: ${b.name}`, b.measured / 1024, `≤ ${kib(b.target)}`, b.measured <= b.target);

say('## Cold start');
say();
const [nodeAlone, cli] = measureColdStart(invoices[0], SETTINGS.coldRuns);
table(
  ['command', 'median', 'min', 'vs node -e 0'],
  [nodeAlone, cli].map((c) => [
    c.name,
    `${c.median.toFixed(1)} ms`,
    `${c.min.toFixed(1)} ms`,
    x(c.median / nodeAlone.median),
  ]),
);
target(
  'cold start vs node -e 0',
  cli.median / nodeAlone.median,
  '≤ 1.5×',
  cli.median / nodeAlone.median <= 1.5,
);

say('## Memory: `lninvoice decode -`');
say();
const memory = await measureMemory(invoices, SETTINGS.lines);
table(
  ['lines', 'peak RSS', 'time', 'invoices/s'],
  memory.map((m) => [
    m.lines.toLocaleString('en'),
    `${(m.peakRss / 2 ** 20).toFixed(1)} MiB`,
    `${m.seconds.toFixed(1)} s`,
    Math.round(m.lines / m.seconds).toLocaleString('en'),
  ]),
);
const growth = memory.at(-1).peakRss / memory[0].peakRss;
target(
  `peak RSS, ${SETTINGS.lines[1]} vs ${SETTINGS.lines[0]} lines`,
  growth,
  '≤ 1.1× (flat)',
  growth <= 1.1,
);

say('## Targets');
say();
table(
  ['', 'measured', 'target', ''],
  targets.map((t) => [
    t.what,
    t.what.startsWith('size') ? `${t.value.toFixed(1)} KiB` : x(t.value),
    t.goal,
    t.met ? 'met' : '**not met**',
  ]),
);

const reports = new URL('../reports/', import.meta.url);
mkdirSync(reports, { recursive: true });
writeFileSync(new URL('latest.md', reports), `${lines.join('\n')}\n`);
writeFileSync(
  new URL('latest.json', reports),
  JSON.stringify(
    {
      settings: SETTINGS,
      parse,
      verified,
      signed,
      bolt12: {
        minimalOffers: minimal,
        fullOffers: full,
        invoices: bolt12Invoices,
        signatures: bolt12Signatures,
      },
      budgets,
      memory,
      targets,
      cold: [nodeAlone, cli],
    },
    null,
    2,
  ),
);
