// The runnable examples: each file of src/examples/<group>/ is shown as written and run on
// request. Its leading comment is its caption; its default export is what "Run" calls.
export interface Example {
  readonly id: string;
  readonly group: string;
  readonly caption: string;
  /** The source without the caption comment. */
  readonly source: string;
  readonly run: () => Promise<unknown>;
}

type ExampleModule = { readonly default: () => unknown };

const sources = import.meta.glob<string>('./*/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});
// Loaded on "Run": a page downloads an example's code only when asked to run it.
const modules = import.meta.glob<ExampleModule>('./*/*.ts');

/** The comment lines at the top of a file, and the rest. */
const splitCaption = (text: string): { caption: string; source: string } => {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => !line.startsWith('//'));
  return {
    caption: lines
      .slice(0, end)
      .map((line) => line.replace(/^\/\/\s?/, ''))
      .join(' '),
    source: lines.slice(end).join('\n').trim(),
  };
};

export const examplesOf = (group: string): Example[] =>
  Object.keys(sources)
    .filter((path) => path.startsWith(`./${group}/`))
    .sort()
    .map((path) => {
      const load = modules[path];
      if (load === undefined) throw new Error(`no module for ${path}`);
      return {
        id: path.slice(2, -3).replace('/', '-'),
        group,
        ...splitCaption(sources[path] ?? ''),
        run: async () => (await load()).default(),
      };
    });
