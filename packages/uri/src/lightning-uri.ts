// `lightning:` URIs. BOLT 11: "use 'lightning:' as a prefix before the BOLT-11 encoding"; LUD-01
// and LUD-06 put a bech32 LNURL there too. Other payloads only in lenient mode.
import { showText } from '@lninvoice/core/text';
import { classifyPayload, type Payload } from './classify/index.js';
import { UriError } from './errors.js';
import type { LightningPayload, LightningUri } from './types.js';

const SPEC_KINDS: ReadonlySet<string> = new Set(['bolt11', 'lnurl']);
/** Written by wallets, defined by no spec (LUD-17 URLs have schemes of their own). */
const INTEROP_KINDS: ReadonlySet<string> = new Set([
  'lud17',
  'lightning-address',
  'bolt12-offer',
  'bolt12-invoice-request',
  'bolt12-invoice',
]);

const accepted = (payload: Payload | undefined, lenient: boolean): payload is LightningPayload =>
  payload !== undefined &&
  (SPEC_KINDS.has(payload.kind) || (lenient && INTEROP_KINDS.has(payload.kind)));

/** The `lightning:` URI whose payload `body` starts at `offset` of the input. */
export const parseLightningUri = (body: string, offset: number, lenient: boolean): LightningUri => {
  if (body === '')
    throw new UriError('empty', 'lightning: URI: nothing follows "lightning:"', {
      span: [offset, offset],
    });
  const payload = classifyPayload(body, offset, lenient);
  if (accepted(payload, lenient)) return { scheme: 'lightning', ...payload };
  const found = payload === undefined ? '' : ` (it is a ${payload.kind})`;
  // A form wallets write but no spec defines is `non-standard-form`, as in @lninvoice/lnurl.
  const interop = INTEROP_KINDS.has(payload?.kind ?? '');
  throw new UriError(
    interop ? 'non-standard-form' : 'unsupported-payload',
    `lightning: URI: ${showText(body)} is not a BOLT 11 invoice or an LNURL${found}${interop ? '; { lenient: true } accepts it' : ''}`,
    { span: [offset, offset + body.length] },
  );
};
