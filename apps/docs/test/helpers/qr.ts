// A QR image of the page read back: its pixels, drawn into a canvas in the browser, for
// `qr/decode.js` to decode in Node.
import type { Page } from 'playwright-core';

export const qrPixels = async (page: Page, selector: string) => {
  const image = await page.locator(selector).evaluate(async (element) => {
    const image = element as HTMLImageElement;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('no 2d context');
    context.drawImage(image, 0, 0);
    const { width, height, data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let binary = '';
    for (const byte of data) binary += String.fromCharCode(byte);
    return { width, height, rgba: btoa(binary) };
  });
  return {
    width: image.width,
    height: image.height,
    data: new Uint8ClampedArray(Buffer.from(image.rgba, 'base64')),
  };
};
