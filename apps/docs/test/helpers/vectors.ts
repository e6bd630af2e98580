// The test vectors of the packages, which the site's tools must show as the libraries read them.
import { readFileSync } from 'node:fs';
import { BOLT11_INVALID, BOLT11_VALID } from 'test-support/bolt11-vectors';
import { LNURL_CASES } from 'test-support/lnurl-vectors';
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
  /** Our code for the rule the example breaks. */
  readonly code: string;
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

export const validVectors: readonly ValidVector[] = BOLT11_VALID;
export const invalidVectors: readonly InvalidVector[] = BOLT11_INVALID;
/** The LNURL cases; `error` is the `LnurlError` code of today (the file names some by old names). */
export const lnurlCases = LNURL_CASES as unknown as readonly Case[];
export const uriCases = json<{ cases: Case[] }>('test-support/vectors/uri/cases.json').cases;
