// Script of the playground page: the five tools, and the fragment that opens one of them (or
// carries an invoice or offer to decode: read here, never sent anywhere).
import '../styles/site.css';
import '../styles/playground.css';
import { setupBip353Tool } from '../playground/bip353-tool';
import { setupCreateTool } from '../playground/create/create-tool';
import { setupOfferTool } from '../playground/create/offer-tool';
import { setupDecodeTool } from '../playground/decode/decode-tool';
import { readFragment } from '../playground/fragment';
import { setupLnurlTool } from '../playground/lnurl-tool';
import { setupParseTool } from '../playground/parse-tool';
import { redrawPlaceholdersOnFontLoad } from '../playground/placeholder-fonts';
import { setupTabs, showTab } from '../playground/tabs';

redrawPlaceholdersOnFontLoad();
setupTabs();
const decoder = setupDecodeTool();
const openInDecoder = (invoice: string) => {
  showTab('decode');
  decoder.open(invoice);
  window.scrollTo({ top: 0 });
};
const testKey = setupCreateTool(openInDecoder);
setupOfferTool(openInDecoder, testKey);
setupLnurlTool();
setupParseTool(openInDecoder);
setupBip353Tool(openInDecoder);

const followFragment = () => {
  const request = readFragment();
  if (request === undefined) showTab('decode');
  else if ('tab' in request) showTab(request.tab);
  else openInDecoder(request.invoice);
};
followFragment();
window.addEventListener('hashchange', followFragment);
