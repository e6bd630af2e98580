// Pay metadata is kept exactly as received: the invoice's h must be the SHA-256 of that string.
import { metadataHash, parseMetadata } from '@lninvoice/lnurl';

export default () => {
  const raw = '[["text/plain","lorem ipsum blah blah"],["text/identifier","satoshi@bitcoin.org"]]';
  const metadata = parseMetadata(raw);
  return {
    description: metadata.description,
    identifier: metadata.identifier,
    h: metadataHash(raw),
  };
};
