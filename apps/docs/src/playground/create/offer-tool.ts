// Create a BOLT 12 offer from a form and show it with its QR code (upper case, alphanumeric
// mode). Offers are not signed: the issuer id is the key whose invoices will answer it, the
// tab's throwaway test key (the demo key) unless another is given.
import { type CreateOfferParams, createOffer, encodeBolt12 } from '@lninvoice/bolt12';
import { problemView } from '../../lib/codes';
import { $, show } from '../../lib/dom';
import { formatTime, hex } from '../../lib/format';
import { linkToDecoder } from '../fragment';
import { formText, wholeNumber } from './form-values';
import { showQr } from './qr-image';
import type { TestKey } from './test-key';

/** The form as createOffer parameters; createOffer itself checks every value. */
export const readOfferParams = (form: HTMLFormElement, demoKey: TestKey): CreateOfferParams => {
  const data = new FormData(form);
  const currency = formText(data, 'currency');
  const amount = wholeNumber(
    data,
    'amount',
    currency === '' ? 'the amount (msat)' : `the amount (minor units of ${currency})`,
  );
  const issuer = String(data.get('issuer') ?? '');
  const quantityMax = wholeNumber(data, 'quantityMax', 'the quantity max');
  const absoluteExpiry = wholeNumber(data, 'absoluteExpiry', 'the absolute expiry');
  const chain = formText(data, 'chain');
  const issuerId = formText(data, 'issuerId');
  return {
    description: String(data.get('description') ?? ''),
    issuerId: issuerId === '' ? demoKey.nodeId : issuerId,
    ...(amount === undefined
      ? currency === ''
        ? {}
        : { currency } // createOffer says a currency needs an amount
      : currency === ''
        ? { amountMsat: amount }
        : { amount, currency }),
    ...(chain === '' || chain === 'bitcoin' ? {} : { chains: [chain] }),
    ...(issuer === '' ? {} : { issuer }),
    ...(quantityMax === undefined ? {} : { quantityMax }),
    ...(absoluteExpiry === undefined ? {} : { absoluteExpiry }),
  };
};

export const setupOfferTool = (
  openInDecoder: (offer: string) => void,
  demoKey: () => TestKey,
): void => {
  const form = $<HTMLFormElement>('#offer-form');
  const errorBox = $('#offer-error');
  const result = $('#offer-result');
  const expiryInput = $<HTMLInputElement>('input[name="absoluteExpiry"]', form);
  const expiryReadable = $('#offer-expiry-readable');

  const showExpiry = () => {
    const value = expiryInput.value.trim();
    expiryReadable.textContent = /^\d{1,12}$/.test(value)
      ? formatTime(Number(value)).replace(/ \(\d+\)$/, '')
      : '';
  };
  expiryInput.addEventListener('input', showExpiry);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = demoKey();
    let upper: string;
    let params: CreateOfferParams;
    let offerId: Uint8Array;
    try {
      params = readOfferParams(form, key);
      const offer = createOffer(params);
      upper = encodeBolt12(offer, { uppercase: true }); // for the QR code
      offerId = offer.offerId.sha256;
    } catch (error) {
      show(errorBox, problemView(error));
      result.hidden = true;
      return;
    }
    show(errorBox);
    const offer = upper.toLowerCase(); // the same offer: BOLT 12 strings ignore case
    $<HTMLTextAreaElement>('#created-offer').value = offer;
    showQr($<HTMLImageElement>('#created-offer-qr'), $('#created-offer-qr-info'), upper);
    const issuerId = typeof params.issuerId === 'string' ? params.issuerId.toLowerCase() : '';
    $('#created-offer-issuer').textContent = issuerId;
    const note = $('#created-offer-issuer-note');
    const isDemo = issuerId === key.nodeId;
    note.className = isDemo ? 'badge badge-warning' : 'hint';
    note.textContent = isDemo ? 'demo key: never use it with funds' : 'given in the form';
    $('#created-offer-id').textContent = hex(offerId);
    linkToDecoder($<HTMLAnchorElement>('#created-offer-open'), offer, openInDecoder);
    result.hidden = false;
  });
};
