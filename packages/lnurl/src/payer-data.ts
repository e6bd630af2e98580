// LUD-18 payer identity: what the service asks for, what the wallet sends, and how it is hashed.
import { showText } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';
import { asObject, booleanField, type JsonObject, optionalField, stringField } from './json.js';

/** "`payerData` record": each identity kind the service accepts, and whether it insists. */
export type PayerDataRequest = Readonly<
  Record<
    string,
    {
      /** The wallet must send this identity, or not pay. */
      readonly mandatory: boolean;
      /** For `auth`: the challenge the linking key signs (LUD-18 with LUD-04). */
      readonly k1?: string;
    }
  >
>;

/** What the wallet sends (`name`, `pubkey`, `identifier`, `email`, `auth`, …). */
export type PayerData = Readonly<Record<string, unknown>>;

export const parsePayerDataRequest = (
  object: JsonObject,
  name: string,
  what: string,
): PayerDataRequest => {
  const record = asObject(object[name], `${what}.${name}`);
  const out: Record<string, { mandatory: boolean; k1?: string }> = Object.create(null);
  for (const [kind, spec] of Object.entries(record)) {
    const entry = asObject(spec, `${what}.${name}.${kind}`);
    const k1 = optionalField(entry, 'k1', `${what}.${name}.${kind}`, stringField);
    out[kind] = {
      mandatory: booleanField(entry, 'mandatory', `${what}.${name}.${kind}`),
      ...(k1 === undefined ? {} : { k1 }),
    };
  }
  return out;
};

/**
 * The `payerdata` parameter: the JSON the service will append to the metadata before hashing.
 * "if any is marked as `"mandatory": true` then `WALLET` MUST send or otherwise do not proceed";
 * "`WALLET` SHOULD NOT send payer identity types omitted in `payerData` record, none at all if
 * record is not present."
 */
export const payerDataJson = (
  request: PayerDataRequest | undefined,
  data: PayerData | undefined,
): string | undefined => {
  const sent = data ?? {};
  for (const [kind, spec] of Object.entries(request ?? {})) {
    // Own properties only: `constructor` or `toString` of a plain object is not payer data sent.
    if (spec.mandatory && (!Object.hasOwn(sent, kind) || sent[kind] === undefined)) {
      throw new LnurlError(
        'missing-payer-data',
        `the service requires payer data ${showText(kind)}, which was not given`,
      );
    }
  }
  const kinds = Object.keys(sent);
  if (kinds.length === 0) return undefined;
  const unasked = kinds.filter((kind) => !request || !Object.hasOwn(request, kind));
  if (unasked.length > 0) {
    throw new RangeError(
      `payerData ${unasked.map((k) => showText(k)).join(', ')} was not asked for by the service (LUD-18: SHOULD NOT send it)`,
    );
  }
  return JSON.stringify(sent);
};
