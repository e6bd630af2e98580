import { readFileSync } from 'node:fs';
import { decode } from '@lninvoice/core';

const invoices = JSON.parse(readFileSync('/tmp/corpus.json', 'utf8'));
const t = performance.now();
for (let k = 0; k < 80; k++) for (const i of invoices) decode(i, { verify: false });
console.log('ms', Math.round(performance.now() - t));
