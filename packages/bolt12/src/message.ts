// What every decoded message carries besides its fields.
import { FIELDS } from './fields.js';
import { offerIdOf } from './offer.js';
import type { ReadMessage } from './read.js';

export const common = (message: ReadMessage, uppercase: boolean) => ({
  records: message.records.map(({ type, value }) => ({ type, value: value.slice() })),
  unknownRecords: message.records
    .filter((r) => !FIELDS.has(r.number))
    .map(({ type, value }) => ({ type, value: value.slice() })),
  uppercase,
  offerId: offerIdOf(message),
});
