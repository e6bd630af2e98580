// decodeLnurl reads bech32 LNURLs (either case, with or without lightning:), LUD-17 URLs and
// LUD-01 fallback links, and checks the URL inside.
import { decodeLnurl } from '@lninvoice/lnurl';

export default () => [
  decodeLnurl(
    'LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS',
  ),
  decodeLnurl('lnurlw://domain.com/path'),
];
