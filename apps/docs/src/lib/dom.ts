// Building DOM nodes without HTML strings: text always goes in as text nodes, so nothing from an
// invoice, a URI or a user can become markup.

export type Child = Node | string | null | undefined | false;
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

const node = (child: Exclude<Child, null | undefined | false>): Node =>
  typeof child === 'string' ? document.createTextNode(child) : child;

/** `<tag attributes…>children…</tag>`; `class` sets the class list, `true` an empty attribute. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on')) throw new Error(`no event handler attributes: ${name}`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...fragmentOf(children).childNodes);
  return element;
};

/** The children as one fragment, empty ones left out. */
export const fragmentOf = (children: readonly Child[]): DocumentFragment => {
  const fragment = document.createDocumentFragment();
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) fragment.append(node(child));
  return fragment;
};

/** The element matching `selector`; a missing one is a bug in the page, so it throws. */
export const $ = <T extends Element = HTMLElement>(
  selector: string,
  root: ParentNode = document,
): T => {
  const element = root.querySelector<T>(selector);
  if (element === null) throw new Error(`the page has no ${selector}`);
  return element;
};

/** Replaces the children of `parent`. */
export const show = (parent: Element, ...children: Child[]): void => {
  parent.replaceChildren(fragmentOf(children));
};
