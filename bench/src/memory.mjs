// `lninvoice decode -` over files of 10,000 and 100,000 lines: flat memory means the same peak RSS
// for both, whatever the length of the input. Each run also says how many lines it printed.
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI } from './cold-start.mjs';

const PRELOAD = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));

const decodeFile = (file, rssFile) =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', PRELOAD, CLI, 'decode', '-'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, PEAK_RSS_FILE: rssFile },
    });
    let printed = 0;
    child.stdout.on('data', (chunk) => {
      for (const byte of chunk) if (byte === 0x0a) printed++;
    });
    createReadStream(file).pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`lninvoice decode - exited with ${code}`));
      else
        resolve({
          seconds: (performance.now() - start) / 1000,
          peakRss: Number(readFileSync(rssFile, 'utf8')),
          printed,
        });
    });
  });

export const measureMemory = async (invoices, lineCounts) => {
  const dir = mkdtempSync(join(tmpdir(), 'lninvoice-bench-'));
  try {
    const results = [];
    for (const lines of lineCounts) {
      const file = join(dir, `${lines}.txt`);
      const text = Array.from({ length: lines }, (_, i) => invoices[i % invoices.length]).join(
        '\n',
      );
      writeFileSync(file, `${text}\n`);
      results.push({ lines, ...(await decodeFile(file, join(dir, `${lines}.rss`))) });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
