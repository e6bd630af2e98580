// Amounts are exact bigint millisatoshis; converting to satoshis says how to round.
import { msatToSat, satToMsat } from '@lninvoice/core';

export default () => ({
  floor: msatToSat(1_999n, 'floor'),
  ceil: msatToSat(1_999n, 'ceil'),
  exact: msatToSat(2_000n, 'exact'),
  back: satToMsat(21n),
  huge: satToMsat(2_100_000_000_000_000n), // beyond Number.MAX_SAFE_INTEGER, still exact
});
