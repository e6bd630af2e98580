// createInvoice: typed parameters → an unsigned invoice whose fields follow every writer rule of
// BOLT 11. Nothing is signed until all parameters are checked.
import { formatAmount } from '../amount.js';
import { fastVerifier } from '../ec/fast.js';
import { bytesParam, integerParam } from '../options.js';
import { randomBytes } from '../random.js';
import { verifierParam } from '../secp256k1.js';
import { describeValue } from '../text.js';
import {
  amountParam,
  type CreateInvoiceParams,
  DEFAULT_FIELD_ORDER,
  type FieldTag,
  featureBitsParam,
  fieldOrderParam,
  networkParam,
  PARAMETER_NAMES,
  paymentHashParam,
  routeHintsParam,
} from './create-params.js';
import { typeOfTag } from './field-table.js';
import { writeBytes } from './fields/bytes.js';
import { writeDescription } from './fields/description.js';
import { parseAddress, writeFallback } from './fields/fallback.js';
import { writeFeatures } from './fields/features.js';
import { writeInteger } from './fields/integer.js';
import { writeRouteHint } from './fields/route-hint.js';
import type { FieldWords, UnsignedInvoice } from './invoice.js';
import { MAX_FIELD_BYTES, MAX_TIMESTAMP } from './spec.js';

/**
 * An unsigned invoice from typed parameters. Throws TypeError or RangeError, naming the
 * parameter, for anything missing, malformed or contradictory.
 */
export const createInvoice = (params: CreateInvoiceParams): UnsignedInvoice => {
  if (typeof params !== 'object' || params === null)
    throw new TypeError('createInvoice takes a parameters object');
  for (const key of Object.keys(params)) {
    if (!PARAMETER_NAMES.has(key))
      throw new TypeError(`createInvoice has no parameter ${describeValue(key)}`);
  }
  const secp = verifierParam(params.secp256k1, fastVerifier);
  const network = networkParam(params.network);
  const amountText =
    params.amountMsat === undefined
      ? ''
      : formatAmount(amountParam(params.amountMsat), params.amountMultiplier);
  if (params.amountMsat === undefined && params.amountMultiplier !== undefined) {
    throw new TypeError('amountMultiplier needs amountMsat');
  }
  const timestamp =
    params.timestamp === undefined
      ? Math.floor(Date.now() / 1000)
      : integerParam('timestamp', params.timestamp, 0, MAX_TIMESTAMP);

  const values = new Map<FieldTag, Uint8Array[]>();
  const put = (tag: FieldTag, words: Uint8Array): void => {
    values.set(tag, [...(values.get(tag) ?? []), words]);
  };
  put('p', writeBytes(paymentHashParam(params)));
  put(
    's',
    writeBytes(
      params.paymentSecret === undefined
        ? randomBytes(32, 'pass paymentSecret yourself')
        : bytesParam('paymentSecret', params.paymentSecret, 32),
    ),
  );
  // "MUST include either exactly one `d` or exactly one `h` field."
  if ((params.description === undefined) === (params.descriptionHash === undefined)) {
    throw new TypeError('give exactly one of description and descriptionHash');
  }
  if (params.description !== undefined) {
    if (typeof params.description !== 'string') {
      throw new TypeError(`description must be a string, got ${describeValue(params.description)}`);
    }
    put('d', writeDescription(params.description));
  } else {
    put('h', writeBytes(bytesParam('descriptionHash', params.descriptionHash, 32)));
  }
  let payeeNodeKey: Uint8Array | undefined;
  if (params.payeeNodeKey !== undefined) {
    payeeNodeKey = bytesParam('payeeNodeKey', params.payeeNodeKey, 33);
    if (!secp.isValidPublicKey(payeeNodeKey))
      throw new RangeError('payeeNodeKey is not a point on secp256k1');
    put('n', writeBytes(payeeNodeKey));
  }
  if (params.expiry !== undefined) {
    put(
      'x',
      writeInteger(integerParam('expiry', params.expiry, 1, Number.MAX_SAFE_INTEGER - timestamp)),
    );
  }
  if (params.minFinalCltvExpiryDelta !== undefined) {
    put(
      'c',
      writeInteger(
        integerParam('minFinalCltvExpiryDelta', params.minFinalCltvExpiryDelta, 0, 2 ** 32 - 1),
      ),
    );
  }
  const addresses = params.fallbackAddresses ?? [];
  if (!Array.isArray(addresses))
    throw new TypeError(`fallbackAddresses must be an array, got ${describeValue(addresses)}`);
  addresses.forEach((address: string, i) => {
    put('f', writeFallback(parseAddress(address, network, `fallbackAddresses[${i}]`)));
  });
  for (const route of routeHintsParam(params.routeHints ?? [], secp))
    put('r', writeRouteHint(route));
  // "if `9` contains non-zero bits: [...] otherwise: MUST omit the `9` field altogether."
  const features = writeFeatures(featureBitsParam(params));
  if (features.length > 0) put('9', features);
  if (params.metadata !== undefined) {
    const metadata = bytesParam('metadata', params.metadata);
    if (metadata.length > MAX_FIELD_BYTES) {
      throw new RangeError(
        `metadata is ${metadata.length} bytes; an m field holds ${MAX_FIELD_BYTES}`,
      );
    }
    put('m', writeBytes(metadata));
  }

  const order =
    params.fieldOrder === undefined ? DEFAULT_FIELD_ORDER : fieldOrderParam(params.fieldOrder);
  const fields: FieldWords[] = [];
  for (const tag of values.keys()) {
    if (!order.includes(tag)) throw new RangeError(`fieldOrder does not place the "${tag}" field`);
  }
  for (const tag of order) {
    const type = typeOfTag(tag);
    for (const words of values.get(tag) ?? []) fields.push({ tag, type, words });
  }
  return {
    network: network.name,
    hrp: network.prefix + amountText,
    timestamp,
    fields,
    payeeNodeKey,
  };
};
