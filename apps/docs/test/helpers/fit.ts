// Whether a page fits its screen's width: how wide the page scrolls, and which elements stick out
// of the viewport sideways. What a wide table or code block holds may stick out of that block,
// which scrolls (or clips) it in its own box: only the page itself must not scroll sideways.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Fit {
  /** The layout viewport's width in CSS pixels. */
  readonly viewportWidth: number;
  /** How wide the page scrolls: more than the viewport when something widens it. */
  readonly scrollWidth: number;
  /** The elements out of the viewport, not inside a scrolling or clipping box, with their edges. */
  readonly outside: readonly string[];
}

export const fitOf = (page: Page): Promise<Fit> =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    // Elements, and text: a word too long for its line overflows a box that fits.
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
    );
    const range = document.createRange();
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const element = node instanceof Element ? node : node.parentElement;
      if (element === null) continue;
      range.selectNodeContents(node);
      const box =
        node instanceof Element ? node.getBoundingClientRect() : range.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not drawn
      if (box.left >= -0.5 && box.right <= width + 0.5) continue;
      let held = false;
      for (let up = node.parentElement; up !== null && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') held = true;
      if (held) continue;
      const name = `${element.tagName.toLowerCase()}${element.id === '' ? '' : `#${element.id}`}`;
      const classes = [...element.classList].map((c) => `.${c}`).join('');
      const what =
        node instanceof Element ? '' : ` text ${JSON.stringify(node.textContent?.slice(0, 40))}`;
      outside.push(`${name}${classes}${what} ${Math.round(box.left)}…${Math.round(box.right)} px`);
    }
    return {
      viewportWidth: width,
      scrollWidth: document.scrollingElement?.scrollWidth ?? Number.NaN,
      outside,
    };
  });

/** Fails unless `page`, in the state `what` names, fits `width` CSS pixels. */
export const expectFit = async (page: Page, width: number, what: string): Promise<void> => {
  const fit = await fitOf(page);
  expect(fit.viewportWidth, what).toBe(width);
  expect(fit.outside, what).toEqual([]);
  expect(fit.scrollWidth, what).toBeLessThanOrEqual(width);
};
