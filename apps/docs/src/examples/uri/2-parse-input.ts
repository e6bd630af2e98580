// parseInput says what a string is, with the fields that kind of input has.
import { parseInput } from '@lninvoice/uri';

export default () =>
  [
    '₿matt@mattcorallo.com',
    '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad@203.0.113.7:9735',
    'lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg',
    '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  ].map((text) => ({ text, kind: parseInput(text).kind }));
