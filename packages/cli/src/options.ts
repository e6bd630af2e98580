// Option values of the command line, read strictly: a typo is a usage error, never a default.
import { findNetwork, NETWORKS, type Network } from '@lninvoice/core';
import { UsageError } from './io.js';

const DECIMAL = /^\d+$/;

export const wholeNumber = (option: string, text: string): bigint => {
  if (!DECIMAL.test(text))
    throw new UsageError(`--${option} must be a whole number, got "${text}"`);
  return BigInt(text);
};

export const safeNumber = (option: string, text: string): number => {
  const value = wholeNumber(option, text);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw new UsageError(`--${option} is too large: ${text}`);
  return Number(value);
};

/** The network `--network` names; another name is refused with the list of names (core's). */
export const networkOption = (text: string): Network => {
  try {
    return findNetwork(text, NETWORKS, '--network');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};
