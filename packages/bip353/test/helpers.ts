// The BIP 353 example proofs (test-support/vectors/bip353/example-proofs.json) and small byte
// helpers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface ExampleProof {
  readonly name: string;
  readonly valid: boolean;
  readonly note: string;
  readonly psbtHex: string;
  readonly proofHex: string;
}

export const EXAMPLES: readonly ExampleProof[] = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('test-support/vectors/bip353/example-proofs.json'),
    'utf8',
  ),
).vectors;

/** 2025-08-08T00:00:00Z, when every example's signatures are valid. */
export const EXAMPLE_NOW = Date.UTC(2025, 7, 8) / 1000;

export const fromHex = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));

export const example = (name: string): ExampleProof & { proof: Uint8Array } => {
  const found =
    EXAMPLES.find((e) => e.name === name && e.valid) ?? EXAMPLES.find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return { ...found, proof: fromHex(found.proofHex) };
};
