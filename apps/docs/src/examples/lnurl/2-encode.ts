// encodeLnurl writes a URL as a bech32 LNURL; upper case for QR codes.
import { decodeLnurl, encodeLnurl } from '@lninvoice/lnurl';

export default () => {
  const lnurl = encodeLnurl(
    'https://service.com/api?q=3fc3645b439ce8e7f2553a69e5267081d96dcd340693afabe04be7b0ccd178df',
    { uppercase: true },
  );
  return { lnurl, back: decodeLnurl(lnurl).url };
};
