// formatUri writes a URI back; uppercase: true for the alphanumeric mode of QR codes (keys stay
// lower case, as BIP 21 readers compare them case-sensitively).
import { formatUri, parseUri } from '@lninvoice/uri';

export default () => {
  const uri = formatUri(
    {
      scheme: 'bitcoin',
      address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      amount: { sat: 21_000n },
      label: 'Tip',
    },
    { uppercase: true },
  );
  const back = parseUri(uri);
  return { uri, amount: back.kind === 'bitcoin-uri' ? back.amount : undefined };
};
