// NIP-57 zaps (@lninvoice/lnurl/zap): a zap request signed with a demo key, checked as the LNURL
// service checks it (Appendix D), then a copy whose comment was edited after signing.
import { encodeLnurl } from '@lninvoice/lnurl';
import { createZapRequest, validateZapRequest } from '@lninvoice/lnurl/zap';

export default () => {
  const senderKey = '44'.repeat(32); // a demo key: never use a fixed key for real zaps
  const zapRequest = createZapRequest(
    {
      recipientPubkey: '04c915daefee38317fa734444acee390a8269fe5810b2241e5e6dd343dfbecc9',
      amountMsat: 21_000n,
      relays: ['wss://relay.damus.io'],
      lnurl: encodeLnurl('https://example.com/.well-known/lnurlp/satoshi'),
      comment: 'Zap!',
      createdAt: 1_700_000_000,
    },
    senderKey,
  );
  const edited = { ...zapRequest, content: 'Zap! 1 BTC' };
  return {
    zapRequest,
    checked: validateZapRequest(JSON.stringify(zapRequest), { amountMsat: 21_000n }),
    edited: validateZapRequest(edited, { amountMsat: 21_000n }).issues,
  };
};
