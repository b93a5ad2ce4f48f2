// Small hand-written scanners for strace's output syntax. They run on hot paths (millions of
// lines), so they walk char codes instead of using regular expressions.

const ZERO = 48;
const NINE = 57;

export function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Linux fds are C ints. */
export const MAX_FD = 2 ** 31 - 1;

/** Reads an unsigned integer at `i`; returns [value, end] or [-1, i] when there is none (or it is past 2^53). */
export function readUint(s: string, i: number): [number, number] {
  let v = 0;
  let j = i;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < ZERO || c > NINE) break;
    v = v * 10 + (c - ZERO);
  }
  return j === i || v > Number.MAX_SAFE_INTEGER ? [-1, i] : [v, j];
}

/** 10^n for the digits after a time's dot: frac = digits / 10^count (exact for up to 15 digits). */
const POW10 = Array.from({ length: 23 }, (_, n) => 10 ** n);

/**
 * A time token: `18:59:57.621126` (-tt, seconds since midnight), `1795633799.890537` (-ttt) or
 * `0.000035` (-r); NaN when it is not a time. Two copies of one loop, one per input type (a shared
 * one runs several times slower); the arithmetic must stay identical so both give the same
 * numbers, and equal to the pre-filter's for the `HH:MM:SS.ffffff` it reads at fixed offsets.
 */
export function parseTimeText(s: string, from: number, to: number): number {
  let hms = 0;
  let cur = 0;
  let frac = 0;
  let fracDigits = 0;
  let inFrac = false;
  let colons = 0;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      digits++;
      if (inFrac) {
        frac = frac * 10 + (c - ZERO);
        fracDigits++;
      } else cur = cur * 10 + (c - ZERO);
    } else if (c === 58 /* : */ && !inFrac) {
      hms = (hms + cur) * 60;
      cur = 0;
      colons++;
    } else if (c === 46 /* . */ && !inFrac) inFrac = true;
    else return NaN;
  }
  if (digits === 0 || colons > 2 || fracDigits >= POW10.length) return NaN;
  return hms + cur + frac / POW10[fracDigits];
}

export function parseTimeBytes(s: Uint8Array, from: number, to: number): number {
  let hms = 0;
  let cur = 0;
  let frac = 0;
  let fracDigits = 0;
  let inFrac = false;
  let colons = 0;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (c >= ZERO && c <= NINE) {
      digits++;
      if (inFrac) {
        frac = frac * 10 + (c - ZERO);
        fracDigits++;
      } else cur = cur * 10 + (c - ZERO);
    } else if (c === 58 /* : */ && !inFrac) {
      hms = (hms + cur) * 60;
      cur = 0;
      colons++;
    } else if (c === 46 /* . */ && !inFrac) inFrac = true;
    else return NaN;
  }
  if (digits === 0 || colons > 2 || fracDigits >= POW10.length) return NaN;
  return hms + cur + frac / POW10[fracDigits];
}

const ESCAPE = /\\(?:x([0-9a-fA-F]{1,2})|([0-7]{1,3})|(.))/gs;
const ESCAPED: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f' };

/** Decodes strace's C-style string escapes (\n, \t, \", \\, \123 octal, \x41 hex). */
export function decodeCString(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(ESCAPE, (_m, hex: string | undefined, oct: string | undefined, ch: string) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : oct ? String.fromCharCode(parseInt(oct, 8)) : (ESCAPED[ch] ?? ch),
  );
}

/**
 * Reads a quoted string starting at the `"` at `i`. Returns the raw (still escaped) contents,
 * the index after the closing quote, and whether strace cut it (`"..."...`).
 */
export function readQuoted(s: string, i: number): { raw: string; end: number; truncated: boolean } | null {
  if (s.charCodeAt(i) !== 34) return null;
  // The first quote after an even run of backslashes.
  let j = s.indexOf('"', i + 1);
  for (; j !== -1; j = s.indexOf('"', j + 1)) {
    let k = j;
    while (k - 1 > i && s.charCodeAt(k - 1) === 92) k--;
    if ((j - k) % 2 === 0) break;
  }
  if (j === -1) return null;
  const truncated = s.startsWith('...', j + 1);
  return { raw: s.slice(i + 1, j), end: truncated ? j + 4 : j + 1, truncated };
}

/**
 * Reads an fd argument at `i`: `26`, `26<socket:[37344]>`, `4</var/log/a.log>`,
 * `5<TCP:[1.2.3.4:5->6.7.8.9:10]>`. Returns the fd, its annotation, and the end index.
 */
export function readFd(s: string, i: number): { fd: number; note?: string; end: number } | null {
  const [fd, j] = readUint(s, i);
  if (fd < 0 || fd > MAX_FD) return null;
  if (s.charCodeAt(j) !== 60 /* < */) return { fd, end: j };
  // The annotation ends at a '>' followed by an argument boundary; paths may contain '>'.
  let k = s.indexOf('>', j + 1);
  while (k !== -1) {
    const next = s.charCodeAt(k + 1);
    if (Number.isNaN(next) || next === 44 || next === 41 || next === 93 || next === 32 || next === 125) break;
    k = s.indexOf('>', k + 1);
  }
  if (k === -1) return { fd, end: j };
  return { fd, note: s.slice(j + 1, k), end: k + 1 };
}

/** Splits a syscall's argument text at top-level commas (quotes, brackets and fd annotations respected). */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      const q = readQuoted(s, i);
      if (!q) break;
      i = q.end - 1;
    } else if (c === 60 /* < */ && i > 0 && isDigit(s.charCodeAt(i - 1))) {
      const k = s.indexOf('>', i);
      if (k !== -1) i = k;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

/** The fds of a `[25<pipe:[1]>, 27<pipe:[1]>]` pair (pipe, pipe2, socketpair), and the first one's annotation. */
export function readFdPair(s: string): [number, number, string | undefined] | null {
  const open = s.indexOf('[');
  const a = open === -1 ? null : readFd(s, open + 1);
  let i = a ? a.end : 0;
  while (s.charCodeAt(i) === 44 || s.charCodeAt(i) === 32) i++;
  const b = a ? readFd(s, i) : null;
  return a && b ? [a.fd, b.fd, a.note] : null;
}

/** A socket address as `127.0.0.1:2280`, `[::1]:80`, `unix:/run/x.sock`, or the raw text. */
export function formatSockaddr(arg: string): string {
  const port = /sin6?_port=htons\((\d+)\)/.exec(arg);
  const v4 = /sin_addr=inet_addr\("([^"]+)"\)/.exec(arg);
  if (port && v4) return `${v4[1]}:${port[1]}`;
  const v6 = /inet_pton\(AF_INET6, "([^"]+)"/.exec(arg);
  if (port && v6) return `[${v6[1]}]:${port[1]}`;
  const unix = /sun_path=(@?"[^"]*")/.exec(arg);
  if (unix) return `unix:${unix[1].replace(/"/g, '')}`;
  return arg.length > 80 ? arg.slice(0, 77) + '...' : arg;
}
