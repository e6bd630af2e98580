// The checks of the zap functions' options and parameters: keys, LNURLs, times.
import { integerParam, isString, type OptionCheck } from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { isXOnlyKey } from '../responses.js';
import { bech32Lnurl } from './read.js';

export const isKeyHex: OptionCheck = (value, name) => {
  isString(value, name);
  if (!isXOnlyKey(value))
    throw new RangeError(
      `${name} must be a BIP 340 public key (32 bytes of lowercase hex), got ${describeValue(value)}`,
    );
};

export const isLnurl: OptionCheck = (value, name) => {
  isString(value, name);
  if (bech32Lnurl(value as string) === undefined)
    throw new RangeError(`${name} must be a bech32 LNURL (lnurl1…), got ${describeValue(value)}`);
};

export const isSeconds: OptionCheck = (value, name) =>
  void integerParam(name, value, 0, Number.MAX_SAFE_INTEGER);
