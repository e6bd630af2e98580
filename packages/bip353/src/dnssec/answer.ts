// From the queried name to the proven TXT RRset: CNAME and DNAME records followed, each proven
// ("Clients resolving Bitcoin payment instructions MUST support resolving through CNAME or DNAME
// records", BIP 353), wildcard answers checked for the proof that no closer name exists.
import { formatName, nameToWire, sameName } from '../dns/name.js';
import { parseTarget } from '../dns/rdata.js';
import { type DnsRecord, type Name, RR_TYPE } from '../dns/types.js';
import { Bip353Error } from '../errors.js';
import type { RecordIndex, RrSet } from './rrsets.js';
import type { ChainValidator } from './validator.js';
import { proveNoCloserMatch } from './wildcard-proof.js';

/** The most aliases followed: resolvers stop around 8 to 16 (BIND: 16); a loop ends here too. */
export const MAX_ALIASES = 16;

/** Proves `set` and, when a wildcard produced it, that no closer name exists. */
const proveAnswer = async (
  index: RecordIndex,
  validator: ChainValidator,
  set: RrSet,
): Promise<void> => {
  const proven = await validator.prove(set);
  if (proven.wildcardLabels === undefined) return;
  // RFC 5155 section 8.8 / RFC 4035 section 5.3.4: the "next closer" name is the queried name
  // cut to one label more than the wildcard's parent (the closest encloser).
  const nextCloser = set.name.slice(set.name.length - proven.wildcardLabels - 1);
  await proveNoCloserMatch(index, validator, proven.signer, set.name, nextCloser);
};

/** The alias `name` leads to through the DNAME at `owner` (RFC 6672 section 2.2): suffix replaced. */
const substitute = (name: Name, owner: Name, target: Name): Name => {
  const result = [...name.slice(0, name.length - owner.length), ...target];
  if (nameToWire(result).length > 255)
    throw new Bip353Error(
      'invalid-record',
      `the DNAME of ${formatName(owner)} makes ${formatName(name)} a name over 255 octets`,
    );
  return result;
};

/** The DNAME RRset closest above `name`: it redirects "the subtree below" its owner, not the owner. */
const closestDname = (index: RecordIndex, name: Name): RrSet | undefined => {
  for (let cut = 1; cut < name.length; cut++) {
    const dname = index.get(name.slice(cut), RR_TYPE.DNAME);
    if (dname) return dname;
  }
  return undefined;
};

/** The proven TXT RRset that `name` leads to, and the names on the way. */
export const findTxt = async (
  index: RecordIndex,
  validator: ChainValidator,
  name: Name,
): Promise<{ set: RrSet; path: Name[] }> => {
  const path: Name[] = [name];
  let current = name;
  for (;;) {
    const txt = index.get(current, RR_TYPE.TXT);
    if (txt) {
      await proveAnswer(index, validator, txt);
      return { set: txt, path };
    }
    let next: Name | undefined;
    const cname = index.get(current, RR_TYPE.CNAME);
    const dname = closestDname(index, current);
    // A resolver answering through a DNAME adds the CNAME it synthesised, unsigned (RFC 6672
    // section 5.3.1): the signed DNAME is what counts then.
    if (cname && (dname === undefined || index.signatures(current, RR_TYPE.CNAME).length > 0)) {
      await proveAnswer(index, validator, cname);
      // RFC 2181 section 10.1: "there may be only one such record" at a name.
      if (cname.records.length !== 1)
        throw new Bip353Error(
          'invalid-record',
          `${formatName(current)} has ${cname.records.length} CNAME records, not one`,
        );
      next = parseTarget(cname.records[0] as DnsRecord, 'CNAME');
    } else if (dname) {
      await proveAnswer(index, validator, dname);
      if (dname.records.length !== 1)
        throw new Bip353Error(
          'invalid-record',
          `${formatName(dname.name)} has ${dname.records.length} DNAME records, not one`,
        );
      next = substitute(current, dname.name, parseTarget(dname.records[0] as DnsRecord, 'DNAME'));
    }
    if (next === undefined)
      throw new Bip353Error(
        'missing-record',
        path.length === 1
          ? `there is no TXT record for ${formatName(current)}`
          : `${formatName(name)} leads to ${formatName(current)}, which has no TXT record`,
      );
    if (path.length > MAX_ALIASES || path.some((seen) => sameName(seen, next)))
      throw new Bip353Error(
        'alias-chain-too-long',
        `${formatName(name)} leads through more than ${MAX_ALIASES} aliases or back to a name already seen`,
      );
    path.push(next);
    current = next;
  }
};
