// QR codes as images. Upper-case invoices fit the alphanumeric mode (0-9, A-Z, space $%*+-./:),
// which stores 5.5 bits per character instead of 8: a smaller, easier to scan code.
import encodeQR from 'qr';

/** Pixels per module: large enough for a camera, and exact for a decoder (no smoothing). */
const SCALE = 4;
/** The quiet zone the QR standard asks for, in modules. */
const BORDER = 4;

export const QR_OPTIONS = {
  ecc: 'medium',
  encoding: 'alphanumeric',
  scale: SCALE,
  border: BORDER,
} as const;

/** A GIF data URL of `text`'s QR code; `text` must be alphanumeric-mode characters only. */
export const qrDataUrl = (text: string): { url: string; modules: number } => {
  if (!/^[0-9A-Z $%*+\-./:]*$/.test(text)) throw new RangeError('the QR text must be upper case');
  // The symbol's size: the matrix with the thinnest border the library draws (1), less that ring.
  const modules =
    encodeQR(text, 'raw', { ecc: QR_OPTIONS.ecc, encoding: QR_OPTIONS.encoding, border: 1 })
      .length - 2;
  return { url: encodeQR(text, 'data-url', QR_OPTIONS), modules };
};

/** Draws `text`'s QR code into `image`, and says its size in `info`. */
export const showQr = (image: HTMLImageElement, info: HTMLElement, text: string): void => {
  const qr = qrDataUrl(text);
  image.src = qr.url;
  image.dataset.text = text;
  info.textContent = `${qr.modules}×${qr.modules} modules, ${text.length} characters`;
};
