// The public API of a built package as text, for a snapshot: its exports map and bin, then for
// each entry point the names it exports at runtime (with typeof) and the names its declaration
// file exports (with their kind and type, read with the TypeScript compiler API). A name added,
// removed or retyped changes the text, so an accidental API change fails the snapshot test.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Manifest {
  readonly name: string;
  readonly exports?: Readonly<Record<string, string | { types?: string; default?: string }>>;
  readonly bin?: unknown;
}

const FORMAT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;

/**
 * Compiler output made the same in every checkout: a type the entry point does not export by
 * name is written `import("<absolute path>").Name`, and the path is made relative to the
 * repository.
 */
const portable = (text: string): string => text.replaceAll(`import("${REPO_DIR}/`, 'import("');

const typeText = (checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string =>
  portable(checker.typeToString(type, at, FORMAT));

/** Sorting by UTF-16 code units: the same order under every ICU version. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The compiler options the package builds with, so that lib types (DOM for lnurl) resolve. */
const buildOptions = (packageDir: string): ts.CompilerOptions => {
  const file = join(packageDir, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, dirname(file)).options;
};

const kindOf = (symbol: ts.Symbol): string => {
  const kinds: string[] = [];
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) kinds.push('class');
  if (flags & ts.SymbolFlags.Interface) kinds.push('interface');
  if (flags & ts.SymbolFlags.TypeAlias) kinds.push('type');
  if (flags & ts.SymbolFlags.Enum) kinds.push('enum');
  if (flags & ts.SymbolFlags.Function) kinds.push('function');
  if (flags & ts.SymbolFlags.Variable) {
    const declaration = symbol.valueDeclaration;
    const isConst =
      declaration !== undefined && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const;
    kinds.push(isConst ? 'const' : 'let');
  }
  if (flags & ts.SymbolFlags.Module) kinds.push('namespace');
  return kinds.join(' + ') || 'unknown';
};

/** The exported declarations of a `.d.ts` file, one entry each, members indented below. */
export const typeExports = (dtsFile: string, packageDir: string): string[] => {
  const program = ts.createProgram([dtsFile], { ...buildOptions(packageDir), noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(dtsFile);
  if (source === undefined) throw new Error(`${dtsFile} is missing: build the package`);
  const module = checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${dtsFile} is not a module`);
  const ownDir = resolve(packageDir);
  /** Members declared in the package itself (not those inherited from Error and the like). */
  const ownMembers = (type: ts.Type, at: ts.Node): string[] =>
    checker
      .getPropertiesOfType(type)
      .filter((p) => p.declarations?.some((d) => d.getSourceFile().fileName.startsWith(ownDir)))
      .map((p) => {
        const readonly = p.declarations?.some(
          (d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly,
        );
        const optional = p.flags & ts.SymbolFlags.Optional ? '?' : '';
        const text = typeText(checker, checker.getTypeOfSymbolAtLocation(p, at), at);
        return `    ${readonly ? 'readonly ' : ''}${p.name}${optional}: ${text}`;
      });

  return checker
    .getExportsOfModule(module)
    .sort((a, b) => byCodeUnits(a.name, b.name))
    .flatMap((exported) => {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const at = symbol.declarations?.[0] ?? source;
      const head = `${exported.name}: ${kindOf(symbol)}`;
      const lines: string[] = [];
      if (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) {
        const type = checker.getTypeOfSymbolAtLocation(symbol, at);
        lines.push(`${head} ${typeText(checker, type, at)}`);
      } else if (symbol.flags & ts.SymbolFlags.TypeAlias) {
        lines.push(`${head} ${typeText(checker, checker.getDeclaredTypeOfSymbol(symbol), at)}`);
      } else {
        lines.push(head);
      }
      if (symbol.flags & ts.SymbolFlags.Class) {
        const constructors = checker
          .getTypeOfSymbolAtLocation(symbol, at)
          .getConstructSignatures()
          .map((s) => `    new ${portable(checker.signatureToString(s, at, FORMAT))}`);
        lines.push(...constructors, ...ownMembers(checker.getDeclaredTypeOfSymbol(symbol), at));
      } else if (symbol.flags & ts.SymbolFlags.Interface) {
        lines.push(...ownMembers(checker.getDeclaredTypeOfSymbol(symbol), at));
      }
      return lines;
    });
};

/** The whole API text of the package in `packageDir` (built: it reads `dist/`). */
export const publicApi = async (packageDir: string): Promise<string> => {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  const lines = [
    `${manifest.name}`,
    `exports: ${JSON.stringify(manifest.exports ?? null)}`,
    `bin: ${JSON.stringify(manifest.bin ?? null)}`,
  ];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target === 'string') continue; // ./package.json
    if (target.default !== undefined) {
      const runtime = (await import(
        pathToFileURL(join(packageDir, target.default)).href
      )) as Record<string, unknown>;
      lines.push('', `${subpath} at runtime (${target.default}):`);
      for (const name of Object.keys(runtime).sort(byCodeUnits))
        lines.push(`  ${name}: ${typeof runtime[name]}`);
    }
    if (target.types !== undefined) {
      lines.push('', `${subpath} types (${target.types}):`);
      lines.push(...typeExports(join(packageDir, target.types), packageDir).map((l) => `  ${l}`));
    }
  }
  return `${lines.join('\n')}\n`;
};
