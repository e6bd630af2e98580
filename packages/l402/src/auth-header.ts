// The grammar of RFC 7235 (HTTP authentication) and RFC 7230 (lists, tokens, quoted strings), as
// a reader of a whole WWW-Authenticate value: every challenge, with its scheme and its token68 or
// auth-params. RFC 7235 section 4.1: "User agents are advised to take special care in parsing
// the field value, as it might contain more than one challenge, and each challenge can contain a
// comma-separated list of authentication parameters." One pass, left to right, no backtracking
// beyond one parameter name: linear in the length of the header.
import { showText } from '@lninvoice/core/text';
import { L402Error, type Span } from './errors.js';

/** One auth-param: its name in lower case (names are case-insensitive), its value unquoted. */
export interface AuthParam {
  readonly name: string;
  readonly value: string;
  /** Where the name starts and the value ends (quotes included). */
  readonly span: Span;
  /** The value as written, inside its quotes if it has them. */
  readonly valueSpan: Span;
}

/** One challenge: `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`. */
export interface AuthChallenge {
  readonly scheme: string;
  readonly span: Span;
  readonly token68: string | undefined;
  readonly params: readonly AuthParam[];
}

/** tchar (RFC 7230 section 3.2.6): "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA. */
const isTchar = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x21 ||
  (c >= 0x23 && c <= 0x27) ||
  c === 0x2a ||
  c === 0x2b ||
  c === 0x2d ||
  c === 0x2e ||
  c === 0x5e ||
  c === 0x5f ||
  c === 0x60 ||
  c === 0x7c ||
  c === 0x7e;

/** token68 (RFC 7235 section 2.1): 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
const isToken68Char = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  c === 0x2d ||
  c === 0x2e ||
  c === 0x5f ||
  c === 0x7e ||
  c === 0x2b ||
  c === 0x2f;

/** qdtext and the second character of a quoted-pair: HTAB / SP / VCHAR / obs-text. */
const isQuotable = (c: number): boolean => c === 0x09 || (c >= 0x20 && c <= 0xff && c !== 0x7f);

/** The character at `at`, whole (a surrogate pair is one), for a message. */
const charAt = (text: string, at: number): string =>
  String.fromCodePoint(text.codePointAt(at) as number);

/** Every challenge of the WWW-Authenticate value `header`; throws `invalid-challenge`. */
export const readChallenges = (header: string): AuthChallenge[] => {
  const n = header.length;
  let i = 0;
  const fail = (what: string, at: number, end = at + 1): never => {
    const found = at < n ? `found ${showText(charAt(header, at))}` : 'found the end';
    throw new L402Error('invalid-challenge', `WWW-Authenticate: ${what} at ${at}, ${found}`, {
      span: [Math.min(at, n), Math.min(end, n)],
    });
  };
  const code = (at: number): number => header.charCodeAt(at);
  const skipOws = (): void => {
    while (i < n && (code(i) === 0x20 || code(i) === 0x09)) i++;
  };
  /** OWS and commas: RFC 7230 section 7, "a recipient MUST accept empty list elements". */
  const skipSeparators = (): void => {
    for (skipOws(); i < n && code(i) === 0x2c; skipOws()) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && isTchar(code(i))) i++;
    return header.slice(start, i);
  };
  /** The token68 starting at `i`, when the challenge is that (it ends at a comma or the end). */
  const readToken68 = (): string | undefined => {
    let j = i;
    while (j < n && isToken68Char(code(j))) j++;
    if (j === i) return undefined;
    while (j < n && code(j) === 0x3d) j++;
    let k = j;
    while (k < n && (code(k) === 0x20 || code(k) === 0x09)) k++;
    if (k < n && code(k) !== 0x2c) return undefined;
    const token68 = header.slice(i, j);
    i = j;
    return token68;
  };
  const readQuoted = (): string => {
    const open = i++;
    let value = '';
    while (i < n) {
      let c = code(i);
      if (c === 0x22) {
        i++;
        return value;
      }
      if (c === 0x5c) {
        i++;
        if (i >= n) break;
        c = code(i);
      }
      if (!isQuotable(c)) fail('a character a quoted-string cannot hold', i);
      value += header.charAt(i++);
    }
    return fail('a quoted-string without its closing quote', open, n);
  };
  /** Whether the list element after the comma at `i` is another auth-param (`token BWS "="`). */
  const paramFollows = (): boolean => {
    const save = i;
    skipSeparators();
    const name = readToken();
    skipOws();
    const follows = name !== '' && i < n && code(i) === 0x3d;
    i = save;
    return follows;
  };

  const challenges: AuthChallenge[] = [];
  skipSeparators();
  while (i < n) {
    const start = i;
    const scheme = readToken();
    if (scheme === '') fail('expected an auth-scheme', i);
    let token68: string | undefined;
    const params: AuthParam[] = [];
    if (i < n && code(i) !== 0x2c) {
      // "auth-scheme [ 1*SP ( token68 / #auth-param ) ]"
      if (code(i) !== 0x20 && code(i) !== 0x09)
        fail(`expected a space or a comma after the scheme ${showText(scheme)}`, i);
      skipOws();
      if (i < n && code(i) !== 0x2c) token68 = readToken68();
      if (i < n && code(i) !== 0x2c && token68 === undefined) {
        do {
          skipSeparators();
          const nameStart = i;
          const name = readToken();
          if (name === '') fail('expected an auth-param name', i);
          skipOws();
          if (i >= n || code(i) !== 0x3d)
            fail(`expected "=" after the parameter ${showText(name)}`, i);
          i++;
          skipOws();
          const valueStart = i;
          let value: string;
          if (i < n && code(i) === 0x22) value = readQuoted();
          else {
            value = readToken();
            if (value === '')
              fail(`expected a token or a quoted-string as the value of ${showText(name)}`, i);
          }
          const quoted = code(valueStart) === 0x22;
          params.push({
            name: name.toLowerCase(),
            value,
            span: [nameStart, i],
            valueSpan: quoted ? [valueStart + 1, i - 1] : [valueStart, i],
          });
          skipOws();
          if (i < n && code(i) !== 0x2c) fail('expected a comma after a parameter', i);
        } while (i < n && paramFollows());
      }
    }
    challenges.push({ scheme, span: [start, i], token68, params });
    skipOws();
    if (i < n && code(i) !== 0x2c) fail('expected a comma between challenges', i);
    skipSeparators();
  }
  return challenges;
};
