// The binaries of Bun, Deno and Hermes' compiler, as their npm packages (pinned in package.json)
// install them. bun and deno ship each platform's binary in an optional dependency (@oven/bun-*,
// @deno/*) and copy it into place in an install script, which pnpm-workspace.yaml leaves off:
// the binary is taken from the platform package instead, as bun's and deno's own scripts find it.
// hermes-compiler holds hermesc for three platforms in one package.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string, from = import.meta.url): string =>
  dirname(createRequire(from).resolve(`${name}/package.json`));

/** The version of `name` that platform/package.json pins. */
export const pinnedVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(require.resolve('../../package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    }
  ).devDependencies[name] ?? '';

const existing = (file: string, what: string): string => {
  if (!existsSync(file))
    throw new Error(
      `${what} is not installed at ${file}: run pnpm install (no binary for this platform?)`,
    );
  return file;
};

const ARCH: Record<string, string> = { x64: 'x64', arm64: 'aarch64' };
const EXE = process.platform === 'win32' ? '.exe' : '';

/** bun's own binary: @oven/bun-<os>-<arch> (x64 needs AVX2; bun's script would fetch a baseline build). */
export const bunBinary = (): string => {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const target = `@oven/bun-${os}-${ARCH[process.arch] ?? process.arch}`;
  const bun = `${packageDir('bun')}/package.json`;
  return existing(join(packageDir(target, bun), 'bin', `bun${EXE}`), target);
};

/** deno's own binary: @deno/<os>-<arch>, with -glibc on Linux. */
export const denoBinary = (): string => {
  const libc = process.platform === 'linux' ? '-glibc' : '';
  const target = `@deno/${process.platform}-${process.arch}${libc}`;
  const deno = `${packageDir('deno')}/package.json`;
  return existing(join(packageDir(target, deno), `deno${EXE}`), target);
};

const HERMESC_DIR: Record<string, string> = {
  linux: 'linux64-bin',
  darwin: 'osx-bin',
  win32: 'win64-bin',
};

/** hermesc, the compiler React Native runs on every bundle it ships to Hermes. */
export const hermescBinary = (): string =>
  existing(
    join(
      packageDir('hermes-compiler'),
      'hermesc',
      HERMESC_DIR[process.platform] ?? process.platform,
      `hermesc${EXE}`,
    ),
    'hermesc',
  );
