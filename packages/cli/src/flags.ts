// The libraries name their parameters in TypeError and RangeError messages (`paymentHash must be
// hex`, `policy.payee must be hex`, `params.paths[1].firstPathKey …`); a command line user set
// them with options. This says such a message in the options' words.

/** A library's parameter names (without `params.` or `policy.`), as the options that set them. */
export type Flags = Readonly<Record<string, string>>;

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The parts of a `--path` or a `--route-hint` hop by the names their help gives them. */
const PARTS: Readonly<Record<string, string>> = {
  feeProportionalMillionths: 'fee_ppm',
  cltvExpiryDelta: 'cltv_delta',
  htlcMinimumMsat: 'htlc_min_msat',
  htlcMaximumMsat: 'htlc_max_msat',
};

/**
 * What follows a parameter's first index, by the option's own words: `.blindedPayInfo.cltvExpiryDelta`
 * is `cltv_delta`, `.hops[0].blindedNodeId` and `[0].pubkey` (a route hint's hop) are
 * `hop 1 blinded_node_id` and `hop 1 pubkey`.
 */
const partName = (rest: string): string =>
  rest
    .replace(/^\./, '')
    .replace(/^blindedPayInfo\./, '')
    .replace(/^firstNodeId\.\w+$/, 'firstNodeId')
    .replace(/^(?:hops)?\[(\d+)\]\.?/, (_, i) => `hop ${Number(i) + 1} `)
    .replace(/[A-Za-z]+/g, (word) => PARTS[word] ?? snake(word))
    .trim();

/** A JSON-quoted string, as `showText` and `describeValue` quote what the user gave. */
const QUOTED = /("(?:[^"\\]|\\.)*")/;

/**
 * `message`, a library's TypeError or RangeError about its parameters, about the options instead.
 * A name of `flags` is its option after `params.` or `policy.`, at the start of the message, or
 * anywhere when it is camelCase (a bare `network` or `offer` inside a sentence is a word, not the
 * parameter); any other name after `params.` or `policy.` is the option spelt from it. A first
 * index is `#n` (from 1), what follows it the part's name. Quoted values (what the user typed)
 * are left as they are.
 *
 * `paymentHash must be hex` is `--payment-hash must be hex`; `params.paths[1].firstPathKey …` is
 * `--path #2 first_path_key …`; `routeHints[0][1].pubkey …` is `--route-hint #1 hop 2 pubkey …`;
 * `policy.minAmountMsat (5) is above policy.maxAmountMsat (4)` is `--min-amount-msat (5) is
 * above --max-amount-msat (4)`.
 */
export const inFlags = (message: string, flags: Flags): string =>
  message
    .replace(/^(?:params|policy): /, '')
    .split(QUOTED)
    .map((part, i) =>
      // Odd parts are the quoted values.
      i % 2 === 1
        ? part
        : part.replace(
            /\b(params\.|policy\.)?([A-Za-z]\w*)(?:\[(\d+)\])?((?:\.\w+|\[\d+\])*)/g,
            (whole, prefix: string | undefined, name: string, index, rest: string, at: number) => {
              const named = prefix !== undefined || /[A-Z]/.test(name) || (i === 0 && at === 0);
              const flag = !named
                ? undefined
                : (flags[name] ??
                  (prefix === undefined ? undefined : `--${snake(name).replaceAll('_', '-')}`));
              if (flag === undefined) return whole;
              const which = index === undefined ? '' : ` #${Number(index) + 1}`;
              return `${flag}${which}${rest ? ` ${partName(rest)}` : ''}`;
            },
          ),
    )
    .join('');

/**
 * Runs `make`; a TypeError or RangeError it throws about its parameters becomes a usage error
 * (made by `usage`) in the options' words.
 */
export const withFlags = <T>(make: () => T, flags: Flags, usage: (message: string) => Error): T => {
  try {
    return make();
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError)
      throw usage(inFlags(error.message, flags));
    throw error;
  }
};
