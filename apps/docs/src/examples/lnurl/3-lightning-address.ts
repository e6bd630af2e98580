// A Lightning Address is a name for an LNURL-pay URL (LUD-16); user+tag is allowed.
import { parseLightningAddress } from '@lninvoice/lnurl';

export default () => [
  parseLightningAddress('satoshi@bitcoin.org'),
  parseLightningAddress('satoshi+tip@bitcoin.org'),
];
