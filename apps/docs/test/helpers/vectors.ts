// The test vectors of the packages, which the site's tools must show as the libraries read them.
import { readFileSync } from 'node:fs';
import { REPO_DIR } from './paths';

const json = <T>(path: string): T => JSON.parse(readFileSync(`${REPO_DIR}/${path}`, 'utf8')) as T;

export interface ValidVector {
  readonly name: string;
  readonly invoice: string;
  readonly amount_msat: string | null;
  readonly payment_hash: string;
  readonly payee: string;
  readonly description: string | null;
  readonly conformance_status?: string;
}

export interface InvalidVector {
  readonly name: string;
  readonly invoice: string;
  readonly rule: string;
}

export interface Case {
  readonly id: string;
  readonly op: string;
  readonly input: string;
  readonly expect?: Readonly<Record<string, unknown>>;
  readonly error?: string;
  /** `interop`: a real-world form no spec defines, accepted only in lenient mode. */
  readonly level?: string;
}

export const validVectors = json<ValidVector[]>('packages/core/test/vectors/spec-valid.json');
export const invalidVectors = json<InvalidVector[]>('packages/core/test/vectors/spec-invalid.json');
export const lnurlCases = json<{ cases: Case[] }>('packages/lnurl/test/vectors/cases.json').cases;
export const uriCases = json<{ cases: Case[] }>('packages/uri/test/vectors/cases.json').cases;
