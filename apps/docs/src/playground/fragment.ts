// The URL fragment (after #) names a tool, or carries an invoice to decode. Browsers never send
// the fragment to a server, and this page sends nothing anywhere: the invoice stays on the device.
import { isTab, type Tab } from './tabs';

export type FragmentRequest = { readonly tab: Tab } | { readonly invoice: string } | undefined;

export const readFragment = (hash = location.hash): FragmentRequest => {
  const raw = hash.replace(/^#/, '');
  if (raw === '') return undefined;
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    text = raw; // not percent-encoded as it should be: take it as written
  }
  return isTab(text) ? { tab: text } : { invoice: text };
};

/** The fragment that carries `invoice`: percent-encoded where a URL needs it. */
export const fragmentFor = (invoice: string): string => `#${encodeURIComponent(invoice.trim())}`;

/** Points `anchor` at `text` in the decoder: a link to share, and on this page a click opens it. */
export const linkToDecoder = (
  anchor: HTMLAnchorElement,
  text: string,
  openInDecoder: (text: string) => void,
): void => {
  anchor.href = fragmentFor(text);
  anchor.onclick = (click) => {
    click.preventDefault();
    openInDecoder(text);
  };
};
