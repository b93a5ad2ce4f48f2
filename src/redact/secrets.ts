// Secrets in command lines and log lines: removed (replaced by REDACTED), never mapped.
//   password=… passwd: … "token": "…" -Ddb.password=… --token VALUE --password=VALUE
//   api_key / apiKey / client_secret / MYSQL_PWD … (a key made of words, one of which says secret)
//   Authorization: Bearer …   Cookie: …   scheme://user:pass@host (the credentials dropped)
// Keys are read as words (db.password → db, password; apiKey → api, key), so `tokenizer=…` or
// `PWD=/home/x` (the shell's working folder) are not secrets. Every scan here walks the text once.

export const REDACTED = '[REDACTED]';

/** A word that makes its key a secret's. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pass',
  'pwd',
  'secret',
  'secrets',
  'token',
  'apikey',
  'apitoken',
  'accesstoken',
  'refreshtoken',
  'authtoken',
  'credential',
  'credentials',
  'privatekey',
  'secretkey',
  'accesskey',
  'auth',
  'authorization',
  'cookie',
  'sessionid',
]);
/** Two words that do: api_key, access-key, privateKey, secret_key, auth_key. */
const SECRET_PAIRS = new Set(['api key', 'access key', 'private key', 'secret key', 'auth key']);
/** The key names where the secret is, not the secret: password_file=/etc/x, token_type=Bearer, password_min_length=8. */
const NOT_SECRET_LAST = new Set([
  'file',
  'path',
  'dir',
  'length',
  'len',
  'policy',
  'expiry',
  'expires',
  'type',
  'count',
  'min',
  'max',
  'timeout',
  'ttl',
  'url',
  'uri',
  'endpoint',
  'header',
  'name',
  'id',
  'size',
  'env',
]);
/** Cheap test a key run must pass before it is split into words. */
const MAYBE_SECRET = /pass|pwd|secret|token|key|credential|auth|cookie|session/i;
/** Auth schemes kept before the credentials they introduce. */
const SCHEMES = new Set(['basic', 'bearer', 'digest', 'negotiate', 'token', 'apikey', 'ntlm', 'hoba', 'mutual', 'aws4-hmac-sha256']);

const KEY_RUN = /[A-Za-z0-9_.-]+/g;
/** The words of a key: split at `-`, `_`, `.` and lower-to-upper case changes, lowercased. */
function keyWords(key: string): string[] {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === '-' || c === '_' || c === '.') {
      if (word) words.push(word.toLowerCase());
      word = '';
      continue;
    }
    const upper = c >= 'A' && c <= 'Z';
    const prev = key[i - 1];
    if (upper && word && prev >= 'a' && prev <= 'z') {
      words.push(word.toLowerCase());
      word = '';
    }
    word += c;
  }
  if (word) words.push(word.toLowerCase());
  return words;
}

/** Is this key (db.password, --token, apiKey, -Djavax.net.ssl.keyStorePassword) one whose value is a secret? */
export function secretKey(key: string): boolean {
  if (!MAYBE_SECRET.test(key)) return false;
  const words = keyWords(key);
  if (words.length === 0) return false;
  // PWD and OLDPWD are the shell's working folders.
  if (words.length === 1 && (words[0] === 'pwd' || words[0] === 'oldpwd')) return false;
  if (NOT_SECRET_LAST.has(words[words.length - 1]) && words.length > 1) return false;
  if (
    words.some((w) => SECRET_WORDS.has(w) || w.endsWith('password') || w.endsWith('passwd') || w.endsWith('secret') || w.endsWith('token'))
  )
    return true;
  for (let i = 0; i + 1 < words.length; i++) if (SECRET_PAIRS.has(`${words[i]} ${words[i + 1]}`)) return true;
  return false;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
/** Where an unquoted value ends. */
const VALUE_END = new Set([' ', '\t', '\n', '\r', '\f', '\v', '"', "'", '`', '&', ',', ';', ')', '}', ']', '<', '>', '\\']);

/**
 * End of the quoted text that starts at `at` (a quote), past its closing quote on the same line; -1
 * when it does not close. `unclosed` remembers, per quote, where the last failed search stopped, so
 * that many opening quotes on one line (`password="password="…`) are not each followed to its end.
 */
function quoteEnd(text: string, at: number, unclosed: Map<string, number>): number {
  const q = text[at];
  const stop = unclosed.get(q);
  if (stop !== undefined && at < stop) return -1;
  let i = at + 1;
  for (; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === q) return i + 1;
  }
  unclosed.set(q, i);
  return -1;
}

function bareEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !VALUE_END.has(text[i])) i++;
  return i;
}

/** The value of a cookie header: the rest of the line, up to a quote or an escape. */
function cookieEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '"' && text[i] !== "'" && text[i] !== '\\') i++;
  while (i > at && isSpace(text[i - 1])) i--;
  return i;
}

/** Every secret value in `text` replaced by REDACTED; URL credentials dropped. */
export function redactSecrets(text: string): string {
  const out = MAYBE_SECRET.test(text) ? redactKeyValues(text) : text;
  return out.includes('://') ? dropUrlCredentials(out) : out;
}

const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const AUTHORITY_END = new Set([' ', '\t', '\n', '\r', '\f', '\v', '/', '?', '#', '"', "'", '<', '>', '`', '\\']);

/**
 * `scheme://user:pass@host` → `scheme://host`: the userinfo, up to the last `@` of the authority (a
 * password may hold one), goes. Walked in code: the authorities of two URLs never overlap.
 */
function dropUrlCredentials(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && i - s < 32 && SCHEME_CHAR.test(text[s - 1])) s--;
    if (s === i || !/[A-Za-z]/.test(text[s])) continue;
    let at = -1;
    for (let e = i + 3; e < text.length && !AUTHORITY_END.has(text[e]); e++) if (text[e] === '@') at = e;
    if (at === -1) continue;
    out += text.slice(copied, i + 3);
    copied = at + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function redactKeyValues(text: string): string {
  let out = '';
  let copied = 0;
  const unclosed = new Map<string, number>();
  KEY_RUN.lastIndex = 0;
  for (let m = KEY_RUN.exec(text); m; m = KEY_RUN.exec(text)) {
    const key = m[0];
    const keyEnd = m.index + key.length;
    if (!secretKey(key)) continue;
    let at = keyEnd;
    const quotedKey = m.index > 0 && (text[m.index - 1] === '"' || text[m.index - 1] === "'") && text[at] === text[m.index - 1];
    if (quotedKey) at++;
    let sep = at;
    while (isSpace(text[sep])) sep++;
    let valueAt: number;
    if (text[sep] === '=' || text[sep] === ':') {
      // `a: b` and `a=b`; not `a::b`, `a==b` or a URL's `scheme:`.
      if (text[sep + 1] === text[sep] || (text[sep] === ':' && text[sep + 1] === '/')) continue;
      valueAt = sep + 1;
      if (text[valueAt] === '>') valueAt++;
      while (isSpace(text[valueAt])) valueAt++;
    } else if (key.startsWith('-') && sep > at && text[sep] !== undefined && text[sep] !== '-' && !VALUE_END.has(text[sep])) {
      valueAt = sep; // --token VALUE
    } else if (key.startsWith('-') && sep > at && (text[sep] === '"' || text[sep] === "'")) {
      valueAt = sep; // --password 'VALUE'
    } else continue;
    const words = keyWords(key);
    // Authorization: Bearer X keeps its scheme.
    if (words.includes('authorization')) {
      const schemeEnd = bareEnd(text, valueAt);
      if (SCHEMES.has(text.slice(valueAt, schemeEnd).toLowerCase()) && isSpace(text[schemeEnd])) {
        valueAt = schemeEnd;
        while (isSpace(text[valueAt])) valueAt++;
      }
    }
    let start = valueAt;
    let end: number;
    let replacement = REDACTED;
    const c = text[valueAt];
    if (c === '"' || c === "'") {
      const close = quoteEnd(text, valueAt, unclosed);
      if (close === -1) {
        start = valueAt + 1;
        end = bareEnd(text, start);
      } else {
        start = valueAt + 1;
        end = close - 1;
      }
    } else if (words.includes('cookie')) {
      end = cookieEnd(text, valueAt);
    } else {
      end = bareEnd(text, valueAt);
      // "token": 123 stays JSON.
      if (quotedKey && text[m.index - 1] === '"' && end > start) replacement = `"${REDACTED}"`;
    }
    if (end <= start || text.slice(start, end) === REDACTED) continue;
    out += text.slice(copied, start) + replacement;
    copied = end;
    KEY_RUN.lastIndex = Math.max(end, keyEnd);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
