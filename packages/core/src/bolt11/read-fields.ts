// Decoding, stage 1: every tagged field read on its own (lengths, padding, encodings, feature
// bits, and, when verifying, keys that must be points on the curve), into a typed value.
import type { Network } from '../networks.js';
import type { Secp256k1Verifier } from '../secp256k1.js';
import { Bolt11Error, type Bolt11ErrorCode } from './error.js';
import { FIELDS, fieldName, isKnownTag, type KnownField, type KnownTag } from './field-table.js';
import { readBytes } from './fields/bytes.js';
import type { FieldContext } from './fields/context.js';
import { readDescription } from './fields/description.js';
import { readFallback, unknownFallbackVersion } from './fields/fallback.js';
import { readFeatures } from './fields/features.js';
import { readInteger } from './fields/integer.js';
import { readNodeKey } from './fields/node-key.js';
import { readRouteHint } from './fields/route-hint.js';
import type { IgnoredField, RelaxedRule, TaggedField } from './invoice.js';

/** What decoding knows while it reads fields. */
export interface ReadSettings {
  readonly network: Network;
  /** Record the rules of the 2021-2025 BOLT 11 changes that the invoice breaks, instead of failing. */
  readonly legacy: boolean;
  /** Given when verifying: keys must be points on the curve. */
  readonly secp: Secp256k1Verifier | undefined;
}

/** Makes errors about `field`: located at it, the message led by its name. */
export const fieldFailure =
  (field: TaggedField): FieldContext['fail'] =>
  (code: Bolt11ErrorCode, message: string) =>
    new Bolt11Error(code, `${fieldName(field.tag)}: ${message}`, {
      span: field.span,
      field: field.tag,
    });

/** The reading context of `field`; `relaxed` collects what `legacy` lets pass. */
const fieldContext = (
  field: TaggedField,
  settings: ReadSettings,
  relaxed: RelaxedRule[],
): FieldContext => {
  const fail = fieldFailure(field);
  return {
    field,
    network: settings.network,
    secp: settings.secp,
    fail,
    breaks(code, message) {
      const error = fail(code, message);
      if (!settings.legacy) throw error;
      relaxed.push({ code, message: error.message, field: field.tag, span: field.span });
    },
  };
};

/** How each known field is read: the readers of the field table. */
const readKnown = (tag: KnownTag, ctx: FieldContext): KnownField => {
  const { field } = ctx;
  switch (tag) {
    case 'p':
    case 's':
    case 'h':
    case 'm':
      return { tag, value: readBytes(ctx), field };
    case 'n':
      return { tag, value: readNodeKey(ctx), field };
    case 'd':
      return { tag, value: readDescription(ctx), field };
    case 'x':
    case 'c':
      return { tag, value: readInteger(ctx), field };
    case 'f':
      return { tag, value: readFallback(ctx), field };
    case 'r':
      return { tag, value: readRouteHint(ctx), field };
    case '9':
      return { tag, value: readFeatures(ctx), field };
  }
};

/** Every field, read. */
export interface ReadFields {
  readonly known: readonly KnownField[];
  /** Fields of unknown types, raw, in order. */
  readonly unknown: readonly TaggedField[];
  /** Fields readers skip: unknown fallback versions, and with `legacy` wrong-length ones. */
  readonly ignored: readonly IgnoredField[];
  readonly relaxed: RelaxedRule[];
}

export const readFields = (fields: readonly TaggedField[], settings: ReadSettings): ReadFields => {
  const known: KnownField[] = [];
  const unknown: TaggedField[] = [];
  const ignored: IgnoredField[] = [];
  const relaxed: RelaxedRule[] = [];
  for (const field of fields) {
    const { tag } = field;
    if (!isKnownTag(tag)) {
      unknown.push(field);
      continue;
    }
    const ctx = fieldContext(field, settings, relaxed);
    const spec = FIELDS[tag];
    // "MUST fail the payment if any field with fixed `data_length` (`p`, `h`, `s`, `n`) does
    // not have the correct length (52, 52, 52, 53)." (Before 2025: "MUST skip over" them.)
    if ('length' in spec && field.words.length !== spec.length) {
      const reason = `data_length is ${field.words.length}; it must be ${spec.length}`;
      ctx.breaks('invalid-field-length', reason);
      ignored.push({ ...field, reason });
      continue;
    }
    // "MUST skip over `f` fields that use an unknown `version`."
    const version = tag === 'f' ? unknownFallbackVersion(field.words) : undefined;
    if (version !== undefined) {
      ignored.push({ ...field, reason: `unknown fallback version ${version}` });
      continue;
    }
    known.push(readKnown(tag, ctx));
  }
  return { known, unknown, ignored, relaxed };
};
