// Create an invoice from a form, sign it with the tab's throwaway test key, and show it with its
// QR code (upper case, alphanumeric mode).
import { createInvoice, createPaymentPreimage, signInvoice } from '@lninvoice/core';
import { problemView } from '../../lib/codes';
import { $, show } from '../../lib/dom';
import { hex, parseMsat } from '../../lib/format';
import { linkToDecoder } from '../fragment';
import { formText, wholeNumber } from './form-values';
import { showQr } from './qr-image';
import { newTestKey, type TestKey } from './test-key';

type Params = Parameters<typeof createInvoice>[0];

/** A whole number of a form field, as a number (createInvoice checks its range). */
const whole = (data: FormData, name: string, label: string): number | undefined => {
  const value = wholeNumber(data, name, label);
  return value === undefined ? undefined : Number(value);
};

/** The form as createInvoice parameters; createInvoice itself checks every value. */
const readParams = (form: HTMLFormElement, paymentHash: Uint8Array, nodeId: string): Params => {
  const data = new FormData(form);
  const amountText = formText(data, 'amount');
  const amountMsat = parseMsat(amountText);
  if (amountText !== '' && amountMsat === undefined)
    throw new RangeError(
      `the amount must be whole millisatoshis, got ${JSON.stringify(amountText)}`,
    );
  const expiry = whole(data, 'expiry', 'the expiry');
  const cltv = whole(data, 'cltv', 'the min final CLTV delta');
  const fallback = formText(data, 'fallback');
  return {
    network: formText(data, 'network'),
    description: String(data.get('description') ?? ''),
    paymentHash,
    ...(amountMsat === undefined ? {} : { amountMsat }),
    ...(expiry === undefined ? {} : { expiry }),
    ...(cltv === undefined ? {} : { minFinalCltvExpiryDelta: cltv }),
    ...(fallback === '' ? {} : { fallbackAddresses: [fallback] }),
    ...(data.get('includeNodeKey') === null ? {} : { payeeNodeKey: nodeId }),
    ...(data.get('mpp') === null
      ? {}
      : {
          features: {
            var_onion_optin: 'required',
            payment_secret: 'required',
            basic_mpp: 'optional',
          } as const,
        }),
  };
};

/** Sets up the invoice form; returns the tab's current test key (the offer form's demo key). */
export const setupCreateTool = (openInDecoder: (invoice: string) => void): (() => TestKey) => {
  const form = $<HTMLFormElement>('#create-form');
  const errorBox = $('#create-error');
  const result = $('#create-result');
  let key: TestKey = newTestKey();

  const showKey = () => {
    $('#test-key-private').textContent = hex(key.privateKey);
    $('#test-key-node').textContent = key.nodeId;
  };
  showKey();
  $('#new-test-key').addEventListener('click', () => {
    key = newTestKey();
    showKey();
    result.hidden = true;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { preimage, paymentHash } = createPaymentPreimage();
    let upper: string;
    try {
      const unsigned = createInvoice(readParams(form, paymentHash, key.nodeId));
      upper = signInvoice(unsigned, key.privateKey, { uppercase: true }); // for the QR code
    } catch (error) {
      show(errorBox, problemView(error));
      result.hidden = true;
      return;
    }
    show(errorBox);
    const invoice = upper.toLowerCase(); // the same invoice: bech32 ignores case
    const qrText = new FormData(form).get('qrScheme') === null ? upper : `LIGHTNING:${upper}`;
    $<HTMLTextAreaElement>('#created-invoice').value = invoice;
    showQr($<HTMLImageElement>('#created-qr'), $('#created-qr-info'), qrText);
    $('#created-hash').textContent = hex(paymentHash);
    $('#created-preimage').textContent = hex(preimage);
    linkToDecoder($<HTMLAnchorElement>('#created-open'), invoice, openInDecoder);
    result.hidden = false;
  });
  return () => key;
};
