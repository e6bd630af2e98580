// decodeOffer reads an offer (lno1…) by every reader rule of BOLT 12; its fields are in spec
// terms, camelCased. This is the spec's example "with issuer".
import { decodeOffer } from '@lninvoice/bolt12';

export default () => {
  const offer = decodeOffer(
    'lno1pgx9getnwss8vetrw3hhyucjy358garswvaz7tmzdak8gvfj9ehhyeeqgf85c4p3xgsxjmnyw4ehgunfv4e3vggzamrjghtt05kvkvpcp0a79gmy3nt6jsn98ad2xs8de6sl9qmgvcvs',
  );
  return {
    description: offer.description,
    issuer: offer.issuer,
    chains: offer.chains,
    amountMsat: offer.amountMsat, // undefined: the payer chooses
    issuerId: offer.issuerId,
    offerId: offer.offerId.sha256, // Core Lightning's offer_id
  };
};
