// Create an invoice from a form, sign it with the tab's throwaway test key, and show it with its
// QR code (upper case, alphanumeric mode).
import { createInvoice, createPaymentPreimage, signInvoice } from '@lninvoice/core';
import { problemView } from '../../lib/codes';
import { $, show } from '../../lib/dom';
import { hex, parseMsat } from '../../lib/format';
import { fragmentFor } from '../fragment';
import { qrDataUrl } from './qr-image';
import { newTestKey, type TestKey } from './test-key';

type Params = Parameters<typeof createInvoice>[0];

const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();

/** A whole number from a form field, or undefined when empty; anything else is refused by name. */
const whole = (data: FormData, name: string, label: string): number | undefined => {
  const value = text(data, name);
  if (value === '') return undefined;
  if (!/^\d+$/.test(value))
    throw new RangeError(`${label} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
};

/** The form as createInvoice parameters; createInvoice itself checks every value. */
const readParams = (form: HTMLFormElement, paymentHash: Uint8Array, nodeId: string): Params => {
  const data = new FormData(form);
  const amountText = text(data, 'amount');
  const amountMsat = parseMsat(amountText);
  if (amountText !== '' && amountMsat === undefined)
    throw new RangeError(
      `the amount must be whole millisatoshis, got ${JSON.stringify(amountText)}`,
    );
  const expiry = whole(data, 'expiry', 'the expiry');
  const cltv = whole(data, 'cltv', 'the min final CLTV delta');
  const fallback = text(data, 'fallback');
  return {
    network: text(data, 'network'),
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

export const setupCreateTool = (openInDecoder: (invoice: string) => void): void => {
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
    const qr = qrDataUrl(qrText);
    $<HTMLTextAreaElement>('#created-invoice').value = invoice;
    const image = $<HTMLImageElement>('#created-qr');
    image.src = qr.url;
    image.dataset.text = qrText;
    $('#created-qr-info').textContent =
      `${qr.modules}×${qr.modules} modules, ${qrText.length} characters`;
    $('#created-hash').textContent = hex(paymentHash);
    $('#created-preimage').textContent = hex(preimage);
    const open = $<HTMLAnchorElement>('#created-open');
    open.href = fragmentFor(invoice);
    open.onclick = (click) => {
      click.preventDefault();
      openInDecoder(invoice);
    };
    result.hidden = false;
  });
};
