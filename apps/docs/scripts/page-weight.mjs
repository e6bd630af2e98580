// What each built page makes a browser download: its HTML, and the scripts and styles it loads
// before anything runs (entry, module preloads, stylesheets), raw and gzipped. Examples that a
// docs page loads only when "Run" is pressed are not counted. Run after the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

for (const page of readdirSync(dist).filter((file) => file.endsWith('.html'))) {
  const html = readFileSync(join(dist, page), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1],
  );
  const files = [page, ...new Set(assets)].map((file) => readFileSync(join(dist, file)));
  const raw = files.reduce((sum, file) => sum + file.length, 0);
  const gzip = files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0);
  console.log(
    `${page.padEnd(16)} ${String(files.length).padStart(2)} files  ${kb(raw).padStart(9)}  ${kb(gzip).padStart(8)} gzip`,
  );
}
