/**
 * RFC 9110 §11.6.1 `WWW-Authenticate = #challenge`, with
 * `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`,
 * `auth-param = token BWS "=" BWS ( token / quoted-string )` (§11.2) and quoted-string per §5.6.4
 * (`"` ... `"` with `\` escaping; no control characters except tab). A header may carry several
 * challenges (`DPoP algs="ES256", Bearer realm="api"`); a parameter name may occur only once per
 * challenge (§11.2), and names are case-insensitive (returned lower-cased). The tokenizer behind
 * `parseBearerChallenge`, exported for clients that read any scheme's challenge as sent.
 */
import { TOKEN_TYPE_ERROR_CODES, TokenTypeValidationError } from './token-type-validation-error.js';

/**
 * One challenge as written: scheme as sent, params by lower-cased name.
 *
 * @example
 * const challenge: RawChallenge = { scheme: 'Bearer', params: new Map([['error', 'invalid_token']]) };
 */
export interface RawChallenge {
  readonly scheme: string;
  readonly token68?: string;
  readonly params: Map<string, string>;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(?:,|$))/;
const QDTEXT = /[\t\x20\x21\x23-\x5b\x5d-\x7e\x80-\xff]/;
const QUOTED_PAIR_CHAR = /[\t\x20-\x7e\x80-\xff]/;

class Reader {
  position = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  /** The current character (a method, not a getter, so TypeScript does not narrow it). */
  peek(): string | undefined {
    return this.text[this.position];
  }

  skipWhitespace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.position += 1;
  }

  readToken(): string {
    const start = this.position;
    while (!this.done && TCHAR.test(this.peek() as string)) this.position += 1;
    return this.text.slice(start, this.position);
  }

  fail(field: string, rule: string): never {
    throw new TokenTypeValidationError(
      TOKEN_TYPE_ERROR_CODES.bearerChallenge,
      field,
      `${rule} (at position ${this.position})`,
    );
  }

  readQuotedString(name: string): string {
    this.position += 1; // opening quote
    let value = '';
    for (;;) {
      const character = this.peek();
      if (character === undefined) this.fail(name, 'RFC 9110 §5.6.4: unterminated quoted-string');
      if (character === '"') {
        this.position += 1;
        return value;
      }
      if (character === '\\') {
        const escaped = this.text[this.position + 1];
        if (escaped === undefined || !QUOTED_PAIR_CHAR.test(escaped)) {
          this.fail(
            name,
            'RFC 9110 §5.6.4: a backslash escapes one tab, space or visible character',
          );
        }
        value += escaped;
        this.position += 2;
      } else {
        if (!QDTEXT.test(character)) {
          this.fail(name, 'RFC 9110 §5.6.4: control characters are not allowed in a quoted-string');
        }
        value += character;
        this.position += 1;
      }
    }
  }
}

function readParam(reader: Reader, params: Map<string, string>): void {
  const name = reader.readToken().toLowerCase();
  if (name === '') reader.fail('(root)', 'RFC 9110 §11.2: expected an auth-param name');
  reader.skipWhitespace();
  if (reader.peek() !== '=')
    reader.fail(name, 'RFC 9110 §11.2: expected "=" after the auth-param name');
  reader.position += 1;
  reader.skipWhitespace();
  let value: string;
  if (reader.peek() === '"') {
    value = reader.readQuotedString(name);
  } else {
    value = reader.readToken();
    if (value === '') {
      reader.fail(name, 'RFC 9110 §11.2: an auth-param value is a token or a quoted-string');
    }
  }
  if (params.has(name)) {
    reader.fail(
      name,
      'RFC 9110 §11.2 / RFC 6750 §3: each auth-param may occur only once per challenge',
    );
  }
  params.set(name, value);
}

/** True when, after a comma, the next list element is an auth-param (not a new challenge). */
function startsParam(reader: Reader): boolean {
  const start = reader.position;
  reader.readToken();
  reader.skipWhitespace();
  const isParam = reader.peek() === '=';
  reader.position = start;
  return isParam;
}

/**
 * Splits a `WWW-Authenticate` value into its challenges. Throws on malformed syntax.
 *
 * @example
 * const [dpop, bearer] = splitAuthChallenges('DPoP algs="ES256", Bearer error="invalid_token"');
 * bearer?.params.get('error'); // 'invalid_token'
 */
export function splitAuthChallenges(header: string): RawChallenge[] {
  const reader = new Reader(header);
  const challenges: RawChallenge[] = [];
  for (;;) {
    while (reader.peek() === ' ' || reader.peek() === '\t' || reader.peek() === ',')
      reader.position += 1;
    if (reader.done) return challenges;
    const scheme = reader.readToken();
    if (scheme === '') reader.fail('(root)', 'RFC 9110 §11.6.1: expected an auth-scheme');
    const params = new Map<string, string>();
    let token68: string | undefined;
    if (reader.peek() === ' ' || reader.peek() === '\t') {
      reader.skipWhitespace();
      const rest = reader.text.slice(reader.position);
      const match = TOKEN68.exec(rest);
      if (match) {
        token68 = match[0];
        reader.position += token68.length;
      } else if (!reader.done && reader.peek() !== ',') {
        readParam(reader, params);
      }
    }
    for (;;) {
      reader.skipWhitespace();
      if (reader.done) break;
      if (reader.peek() !== ',') {
        reader.fail('(root)', 'RFC 9110 §11.6.1: expected "," between auth-params or challenges');
      }
      // #rule (RFC 9110 §5.6.1): empty list elements are ignored.
      while (reader.peek() === ',' || reader.peek() === ' ' || reader.peek() === '\t') {
        reader.position += 1;
      }
      if (reader.done || token68 !== undefined || !startsParam(reader)) break;
      readParam(reader, params);
    }
    challenges.push(token68 === undefined ? { scheme, params } : { scheme, token68, params });
  }
}
