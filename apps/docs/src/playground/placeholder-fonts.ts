// Chromium draws a placeholder once and does not redraw it when a web font it needs arrives
// later: the ₿ of `₿user@domain`, which the site's ₿ font draws on systems without one, would
// stay a missing-glyph box. Setting each placeholder again once fonts load redraws it.

export const redrawPlaceholdersOnFontLoad = (): void => {
  document.fonts.addEventListener('loadingdone', () => {
    for (const field of document.querySelectorAll('[placeholder]'))
      field.setAttribute('placeholder', field.getAttribute('placeholder') ?? '');
  });
};
