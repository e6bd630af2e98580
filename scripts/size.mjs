// CI's size check: a change that makes a package heavier than its limit fails.
import { kib } from './bundle-size.mjs';
import { measureBudgets } from './size-budgets.mjs';

let failed = 0;
const budgets = await measureBudgets();
const width = Math.max(...budgets.map((b) => b.name.length));
for (const { name, measured, limit, target } of budgets) {
  const ok = measured <= limit;
  if (!ok) failed++;
  const note = measured <= target ? 'target met' : `target ${kib(target)}`;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(width)} ${kib(measured).padStart(9)}  limit ${kib(limit)}  (${note})`,
  );
}
process.exitCode = failed === 0 ? 0 : 1;
