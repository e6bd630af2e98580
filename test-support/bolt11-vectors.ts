// The BOLT 11 examples and the implementation cases (vectors/bolt11, copied from the project's
// shared vectors: see vectors/bolt11/README.md), for every package that tests against them. The
// invalid examples name the rule each breaks in their own words; `code` is ours for it.
import implementations from './vectors/bolt11/implementations.json' with { type: 'json' };
import invalid from './vectors/bolt11/spec-invalid.json' with { type: 'json' };
import valid from './vectors/bolt11/spec-valid.json' with { type: 'json' };

export type ValidVector = (typeof valid)[number] & {
  readonly conformance_status?: string;
  readonly ignored_fields?: readonly { char: string; data_length: number; reason: string }[];
};
export type ImplementationCase = (typeof implementations)[number];

/** The valid examples of BOLT 11, every decoded field spelled out. */
export const BOLT11_VALID: readonly ValidVector[] = valid;

/** The `Bolt11Error` code for each rule the invalid examples name. */
export const RULE_CODE: Readonly<Record<string, string>> = {
  'mandatory-unknown-feature': 'unknown-required-feature',
  'bad-checksum': 'invalid-checksum',
  'no-separator': 'missing-separator',
  'mixed-case': 'mixed-case',
  'unrecoverable-signature': 'invalid-signature',
  'too-short': 'too-short',
  'invalid-multiplier': 'invalid-multiplier',
  'pico-not-multiple-of-10': 'invalid-pico-amount',
  'no-payment-secret': 'missing-payment-secret',
  'high-s-with-n': 'non-canonical-signature',
};

/** The invalid examples of BOLT 11, each with our `code` for the rule it breaks. */
export const BOLT11_INVALID = invalid.map((v) => {
  const code = RULE_CODE[v.rule];
  if (code === undefined) throw new Error(`no code for the rule ${v.rule} of ${v.name}`);
  return { ...v, code };
});

/** The cases drawn from the test suites of LDK, lnd and Core Lightning. */
export const BOLT11_IMPLEMENTATIONS: readonly ImplementationCase[] = implementations;

/** The valid example called `name`. */
export const validVector = (name: string): ValidVector => {
  const found = valid.find((v) => v.name === name);
  if (found === undefined) throw new Error(`no valid BOLT 11 example ${name}`);
  return found;
};
