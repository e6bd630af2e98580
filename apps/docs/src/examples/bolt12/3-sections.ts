// bolt12Sections cuts a string into its prefix, separator and TLV records, each with its spec
// name and character span (the playground colours each record from it).
import { bolt12Sections } from '@lninvoice/bolt12';

export default () =>
  bolt12Sections(
    'lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg',
  ).sections.map(
    ({ kind, span, name, length }) =>
      `${kind.padEnd(9)} ${String(span).padEnd(8)} ${name ?? ''}${length === undefined ? '' : ` (${length} bytes)`}`,
  );
