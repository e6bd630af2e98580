// The playground's tools as tabs (WAI-ARIA tabs pattern: arrow keys move between them).

export const TABS = ['decode', 'create', 'lnurl', 'parse', 'bip353'] as const;
export type Tab = (typeof TABS)[number];

export const isTab = (value: string): value is Tab => (TABS as readonly string[]).includes(value);

const tabButton = (tab: Tab): HTMLButtonElement | null =>
  document.querySelector<HTMLButtonElement>(`[role="tab"][data-tab="${tab}"]`);

export const showTab = (tab: Tab, focus = false): void => {
  for (const other of TABS) {
    const selected = other === tab;
    const button = tabButton(other);
    button?.setAttribute('aria-selected', String(selected));
    button?.setAttribute('tabindex', selected ? '0' : '-1');
    const panel = document.getElementById(`panel-${other}`);
    if (panel !== null) panel.hidden = !selected;
    // A tool that loads what it needs when first shown listens for this.
    if (selected) panel?.dispatchEvent(new Event('tab-shown'));
  }
  if (focus) tabButton(tab)?.focus();
};

/** Clicking a tab shows it and names it in the fragment, so the address can be shared. */
export const setupTabs = (): void => {
  for (const tab of TABS) {
    const button = tabButton(tab);
    button?.addEventListener('click', () => {
      showTab(tab);
      history.replaceState(null, '', `#${tab}`);
    });
    button?.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? tab;
      showTab(next, true);
      history.replaceState(null, '', `#${next}`);
    });
  }
};
