// BIP 353's rules for the TXT RRset found: one `bitcoin:` record, its strings joined.
import { concatBytes, decodeUtf8, showText } from '@lninvoice/core/text';
import { type BitcoinUri, parseUri } from '@lninvoice/uri';
import { formatName } from './dns/name.js';
import { parseTxt } from './dns/rdata.js';
import type { RrSet } from './dnssec/rrsets.js';
import { Bip353Error } from './errors.js';

const PREFIX = 'bitcoin:';

/** Whether the bytes begin with "bitcoin:", "ignoring case". */
const startsWithBitcoin = (bytes: Uint8Array): boolean =>
  bytes.length >= PREFIX.length &&
  String.fromCharCode(...bytes.subarray(0, PREFIX.length)).toLowerCase() === PREFIX;

/**
 * The payment instructions of `set`: "Clients resolving Bitcoin payment instructions MUST ignore
 * any TXT records at the same label which do not begin with (ignoring case) "bitcoin:"", and
 * "Resolvers encountering multiple "bitcoin:"-matching TXT records at the same label MUST treat
 * the records as invalid"; "Clients MUST NOT concatenate across multiple TXT RRs".
 */
export const readInstructions = (set: RrSet): { uri: string; parsed: BitcoinUri } => {
  const values = set.records
    .map((record) =>
      // "concatenating the TXT RR's <character-string> fields in RDATA order, without inserting separators"
      concatBytes(...parseTxt(record)),
    )
    .filter(startsWithBitcoin);
  const where = formatName(set.name);
  if (values.length === 0)
    throw new Bip353Error(
      'missing-payment-instructions',
      `none of the ${set.records.length} TXT records of ${where} begins with "bitcoin:"`,
    );
  if (values.length > 1)
    throw new Bip353Error(
      'duplicate-payment-instructions',
      `${where} has ${values.length} TXT records that begin with "bitcoin:"; BIP 353 refuses them all`,
    );
  const uri = decodeUtf8(values[0] as Uint8Array);
  if (uri === undefined)
    throw new Bip353Error(
      'invalid-payment-instructions',
      `the bitcoin: record of ${where} is not UTF-8 text`,
    );
  let parsed: ReturnType<typeof parseUri>;
  try {
    parsed = parseUri(uri);
  } catch (error) {
    throw new Bip353Error(
      'invalid-payment-instructions',
      `the bitcoin: record of ${where} is not a valid URI (${error instanceof Error ? error.message : 'unreadable'}): ${showText(uri)}`,
      { cause: error },
    );
  }
  if (parsed.scheme !== 'bitcoin')
    throw new Bip353Error(
      'invalid-payment-instructions',
      `the record of ${where} is not a bitcoin: URI`,
    );
  return { uri, parsed };
};
