// What every decoded message carries besides its fields.
import { FIELDS } from './fields.js';
import { offerIdOf } from './offer.js';
import type { ReadMessage } from './read.js';
import type { OfferId } from './types.js';

export const common = (message: ReadMessage, uppercase: boolean) => ({
  // Views of the message's own bytes, which nothing else holds: no copy needed.
  records: message.records.map(({ type, value }) => ({ type, value })),
  unknownRecords: message.records
    .filter((r) => !FIELDS.has(r.number))
    .map(({ type, value }) => ({ type, value })),
  uppercase,
});

/**
 * `decoded` with `offerId`, the ids of the offer `message` is or answers, as its last property.
 * Both ids hash the offer's records (a SHA-256, and the SHA-256 tree of LDK's id), which cost
 * most of the time an offer takes to decode while few callers read them: the ids are computed
 * when the property is first read, from the message's bytes as decoded. It is otherwise the data
 * property it was: enumerable (spread, JSON and deep equality see it), computed once, then
 * replaced by a plain writable value; a frozen message still reads it.
 */
export const withOfferId = <T extends object>(
  decoded: T,
  message: ReadMessage,
): T & { readonly offerId: OfferId } => {
  let source: Pick<ReadMessage, 'bytes' | 'records'> | undefined = {
    bytes: message.bytes,
    records: message.records,
  };
  let id: OfferId | undefined;
  const settle = (value: OfferId): boolean =>
    Reflect.defineProperty(decoded, 'offerId', {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  Object.defineProperty(decoded, 'offerId', {
    get(): OfferId {
      if (id === undefined && source !== undefined) {
        id = offerIdOf(source.bytes, source.records);
        source = undefined;
      }
      settle(id as OfferId);
      return id as OfferId;
    },
    set(value: OfferId) {
      if (!settle(value))
        throw new TypeError("Cannot assign to read only property 'offerId' of object");
      source = undefined;
    },
    enumerable: true,
    configurable: true,
  });
  return decoded as T & { readonly offerId: OfferId };
};
