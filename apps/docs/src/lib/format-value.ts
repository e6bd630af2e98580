// Any value a library returns, written out for people: bigints with `n`, bytes as hex, strings
// quoted with hidden characters escaped, objects and arrays indented.
import { hex } from './format';
import { escapeHidden } from './visible-text';

const INDENT = '  ';

export const formatValue = (value: unknown, indent = ''): string => {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return escapeHidden(JSON.stringify(value));
  if (value instanceof Uint8Array) return `Uint8Array(${value.length}) ${hex(value)}`;
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return `${value.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${escapeHidden(value.message)}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => formatValue(item, indent + INDENT));
    const flat = `[${items.join(', ')}]`;
    if (flat.length <= 72 && !flat.includes('\n')) return flat;
    return `[\n${items.map((item) => `${indent}${INDENT}${item}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(
      ([, v]) => v !== undefined && typeof v !== 'function',
    );
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, v]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
      return `${indent}${INDENT}${name}: ${formatValue(v, indent + INDENT)}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return String(value);
};
