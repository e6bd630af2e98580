// LNURL strings: decode (bech32, LUD-17, LUD-01 fallback links), encode, and a Lightning Address
// to the URL a wallet would request. Only strings: nothing is fetched.
import { decodeLnurl, encodeLnurl, LnurlError, parseLightningAddress } from '@lninvoice/lnurl';
import { errorView, problemView } from '../lib/codes';
import { $, type Child, h } from '../lib/dom';
import { valueTable } from '../lib/value-table';
import { echo, setupToolForm } from './tool-form';

/** A library call's result as a table, or its error explained (with the part at fault). */
const attempt = (text: string, call: () => object): Child[] => {
  try {
    return [valueTable(call())];
  } catch (error) {
    if (error instanceof LnurlError) return [errorView('lnurl', error), echo(text, error.span)];
    return [problemView(error)];
  }
};

export const setupLnurlTool = (): void => {
  setupToolForm($<HTMLFormElement>('#lnurl-decode'), (text, data) =>
    attempt(text, () => decodeLnurl(text, { lenient: data.get('lenient') !== null })),
  );
  setupToolForm($<HTMLFormElement>('#lnurl-encode'), (text, data) =>
    attempt(text, () => {
      const lnurl = encodeLnurl(text.trim(), { uppercase: data.get('uppercase') !== null });
      return { lnurl, decodesTo: decodeLnurl(lnurl).url };
    }),
  );
  setupToolForm($<HTMLFormElement>('#lnurl-address'), (text, data) => [
    ...attempt(text, () =>
      parseLightningAddress(text.trim(), { lenient: data.get('lenient') !== null }),
    ),
    h(
      'p',
      { class: 'hint' },
      'A wallet requests that URL (LUD-16), or first the BIP 353 DNS name, to get a pay request.',
    ),
  ]);
};
