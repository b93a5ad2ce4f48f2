// redactText: one string in, the same string with every address, name and secret replaced, out.
// The one function every output goes through — the analysis result and notes (result.ts), each
// line of a bundle copied by `fdleak redact` and `collect --redact` (bundle.ts). It does no I/O; the
// only state it touches is the map, which gives a value first met here the next pseudonym.
// Passes, in order: the user's patterns, secrets, addresses, names. Each walks the text once
// (test/security/linear-time.test.ts holds it to that); control characters are left as they are.
import { isIPv6 } from 'node:net';
import { ipv4Text, type RedactMap } from './map.js';
import { keptHost, PRIVATE_SUFFIXES, TLDS } from './keep.js';
import { redactSecrets } from './secrets.js';

/** A terminal escape (colour, cursor): `\x1b[31m10.0.0.1` is an address after it, not a word `31m10`. */
const CSI = /(\x1b\[[0-9;?]{0,32}[ -/]{0,4}[@-~])/;

export function redactText(text: string, map: RedactMap): string {
  if (text === '') return text;
  if (text.includes('\x1b['))
    return text
      .split(CSI)
      .map((part, i) => (i % 2 === 1 ? part : redactPlain(part, map)))
      .join('');
  return redactPlain(text, map);
}

function redactPlain(text: string, map: RedactMap): string {
  if (text === '') return text;
  let t = text;
  for (const re of map.patterns) t = t.replace(re, (m) => map.matches.add(m));
  t = redactSecrets(t);
  t = redactAddresses(t, map);
  return redactNames(t, map);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The text with each edit's span replaced. A table's columns stay where they were (lsof and ps
 * rows are read by column): a pseudonym shorter than the name before a gap of two blanks or more
 * is padded to its width, a longer one takes blanks from the gap (one is kept).
 */
function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
    let gap = 0;
    while (text.charCodeAt(at + gap) === 32) gap++;
    if (gap < 2) continue;
    const shorter = e.end - e.start - e.text.length;
    if (shorter > 0) out += ' '.repeat(shorter);
    else at += Math.min(-shorter, gap - 1);
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------- addresses

const C_0 = 48;
const C_9 = 57;
const COLON = 58;
const DOT = 46;

function isHexColonDot(c: number): boolean {
  return (c >= C_0 && c <= COLON) || c === DOT || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** A character that would make an address part of a longer word: a letter, a digit, `_`. */
function isWordChar(c: number): boolean {
  return (c >= C_0 && c <= C_9) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
/** AWS-style host names spell their address with dashes: ip-10-8-16-21. */
const DASHED_IPV4 = /\bip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/g;
const MAPPED_DOTTED = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;
const PORT = /^\d{1,5}$/;

/** The address as a 32-bit number, or null when it is not one (an octet over 255). */
export function ipv4Number(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (p === '' || p.length > 3 || !Number.isInteger(v) || v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

/**
 * Kept as written: loopback (127.0.0.0/8), unspecified (0.0.0.0) and netmasks (255.255.255.0 and
 * the like, which carry no identity). The same test serves the learning pass and the tests.
 */
export function keptIpv4(n: number): boolean {
  if (n >>> 24 === 127 || n === 0) return true;
  const inverse = ~n >>> 0;
  return n >>> 24 === 255 && (inverse & (inverse + 1)) === 0;
}

/** The canonical text of an IPv6 address (lowercase, zeros compressed), or null. */
export function canonicalIpv6(text: string): string | null {
  if (!isIPv6(text)) return null;
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/** ::1 and ::, and IPv4-mapped forms of a kept IPv4 address. */
export function keptIpv6(canonical: string): boolean {
  if (canonical === '::1' || canonical === '::') return true;
  const v4 = mappedIpv4(canonical);
  return v4 !== null && keptIpv4(v4);
}

function mappedIpv4(canonical: string): number | null {
  const m = MAPPED_HEX.exec(canonical);
  return m ? parseInt(m[1], 16) * 65536 + parseInt(m[2], 16) : null;
}

function ipv4Pseudonym(text: string, map: RedactMap): string | null {
  const n = ipv4Number(text);
  if (n === null || keptIpv4(n)) return null;
  return map.ipv4.add(ipv4Text(n));
}

function ipv6Pseudonym(text: string, map: RedactMap): string | null {
  const dotted = MAPPED_DOTTED.exec(text);
  if (dotted) {
    const p = ipv4Pseudonym(dotted[1], map);
    return p === null ? null : text.slice(0, 7) + p;
  }
  const canonical = canonicalIpv6(text);
  if (canonical === null || keptIpv6(canonical)) return null;
  const v4 = mappedIpv4(canonical);
  if (v4 !== null) return `::ffff:${map.ipv4.add(ipv4Text(v4))}`;
  return map.ipv6.add(canonical);
}

/**
 * Visits every IPv6 address in `text` (bare, in brackets, `::ffff:` mapped, with a `:port` after it
 * as netstat prints them) as [start, end) and its text. Runs of hex digits, colons and dots are
 * found from their colons, each character looked at at most twice.
 */
export function eachIpv6(text: string, visit: (start: number, end: number, address: string) => void): void {
  for (let i = text.indexOf(':'); i !== -1; ) {
    let s = i;
    while (s > 0 && isHexColonDot(text.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < text.length && isHexColonDot(text.charCodeAt(e))) e++;
    const next = e;
    if ((s === 0 || !isWordChar(text.charCodeAt(s - 1))) && (e === text.length || !isWordChar(text.charCodeAt(e)))) {
      while (e > s && text.charCodeAt(e - 1) === DOT) e--;
      if (e - s > 1 && text.charCodeAt(e - 1) === COLON && text.charCodeAt(e - 2) !== COLON) e--;
      const run = text.slice(s, e);
      const address = ipv6Of(run);
      if (address !== null) visit(s, s + address.length, address);
    }
    i = text.indexOf(':', next);
  }
}

/** The longest IPv6 text (an IPv4-mapped address in full) and a port. */
const MAX_IPV6_RUN = 45 + 6;

/** The address a run starts with: `2001:db8::5:80` is netstat's address and port when both read as addresses. */
function ipv6Of(run: string): string | null {
  if (run.length > MAX_IPV6_RUN) return null;
  let colons = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) === COLON) colons++;
  // An address either compresses zeros (::) or spells its eight groups; a time (02:35:17) does neither.
  if (colons < 2 || (colons < 6 && !run.includes('::'))) return null;
  const k = run.lastIndexOf(':');
  if (k > 0 && PORT.test(run.slice(k + 1))) {
    const prefix = run.slice(0, k);
    if (prefix.includes(':') && isIPv6(prefix)) return prefix;
  }
  return isIPv6(run) ? run : null;
}

/** Visits every dotted IPv4 address in `text` that is not part of a longer word or number. */
export function eachIpv4(text: string, visit: (start: number, end: number, address: string) => void): void {
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m; m = IPV4.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    const before = s > 0 ? text.charCodeAt(s - 1) : -1;
    const after = e < text.length ? text.charCodeAt(e) : -1;
    if (before !== -1 && (isWordChar(before) || before === DOT)) continue;
    if (after !== -1 && (isWordChar(after) || (after === DOT && e + 1 < text.length && isDigit(text.charCodeAt(e + 1))))) continue;
    if (ipv4Number(m[0]) === null) continue;
    visit(s, e, m[0]);
  }
}

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

function redactAddresses(text: string, map: RedactMap): string {
  const edits: Edit[] = [];
  const v6: [number, number][] = [];
  if (text.includes(':')) {
    eachIpv6(text, (start, end, address) => {
      v6.push([start, end]);
      const p = ipv6Pseudonym(address, map);
      if (p !== null) edits.push({ start, end, text: p });
    });
  }
  if (text.includes('.')) {
    let k = 0;
    eachIpv4(text, (start, end, address) => {
      while (k < v6.length && v6[k][1] <= start) k++;
      if (k < v6.length && v6[k][0] < end) return; // inside ::ffff:a.b.c.d, already done
      const p = ipv4Pseudonym(address, map);
      if (p !== null) edits.push({ start, end, text: p });
    });
  }
  if (text.includes('ip-')) {
    DASHED_IPV4.lastIndex = 0;
    for (let m = DASHED_IPV4.exec(text); m; m = DASHED_IPV4.exec(text)) {
      const p = ipv4Pseudonym(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`, map);
      if (p !== null) edits.push({ start: m.index, end: m.index + m[0].length, text: `ip-${p.replace(/\./g, '-')}` });
    }
  }
  return applyEdits(text, edits);
}

// ---------------------------------------------------------------- names

const NAME_RUN = /[A-Za-z0-9][A-Za-z0-9._-]*/g;

function isLabel(s: string): boolean {
  if (s.length === 0 || s.length > 63 || s.charCodeAt(0) === 45 || s.charCodeAt(s.length - 1) === 45) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isWordChar(c) && c !== 95) && c !== 45) return false;
  }
  return true;
}

interface DomainWord {
  lower: string;
  labels: string[];
  /** All but the first label: the domain of a host name. */
  rest: string;
}

/** A word that reads as a domain name: dotted labels ending in a top-level domain of TLDS, or in a domain already learned. */
export function domainWord(word: string, map: RedactMap): DomainWord | null {
  const last = word.lastIndexOf('.');
  if (last <= 0) return null;
  // Most dotted words (file names, classes, numbers) end in no top-level domain: let them go cheaply.
  const tld = TLDS.has(word.slice(last + 1).toLowerCase());
  if (!tld && map.domains.byValue.size === 0) return null;
  const lower = word.toLowerCase();
  const rest = lower.slice(lower.indexOf('.') + 1);
  if (!tld && map.domains.get(lower) === undefined && map.domains.get(rest) === undefined) return null;
  const labels = word.split('.');
  if (!labels.every(isLabel) || keptHost(lower)) return null;
  return { lower, labels, rest };
}

/**
 * A domain name's pseudonym: `web3.corp.acme.com` → `host-1.domain-1.example` (its first label is a
 * host, the rest its domain); `acme.com` → `domain-2.example`. Null when the word is not one.
 */
export function domainPseudonym(word: string, map: RedactMap): string | null {
  const d = domainWord(word, map);
  if (d === null) return null;
  const whole = map.domains.get(d.lower);
  if (whole !== undefined) return whole;
  const first = d.labels[0].toLowerCase();
  const privateSuffix = PRIVATE_SUFFIXES.has(d.rest);
  if (d.labels.length === 2 && !privateSuffix && !map.hosts.has(first) && map.domains.get(d.rest) === undefined)
    return map.domains.add(d.lower);
  const domain = keptHost(d.rest) || privateSuffix ? d.rest : map.domains.add(d.rest);
  return `${map.addLabel(first)}.${domain}`;
}

/**
 * Whether `text` may hold a domain name: a dot, then a top-level domain of TLDS or the last label of a
 * learned domain, then no more of a word. Most lines hold none, and skip the word-by-word scan.
 */
export function mayHoldDomain(text: string, map: RedactMap): boolean {
  if (!text.includes('.')) return false;
  return domainHint(map).test(text);
}

const hints = new WeakMap<RedactMap, { size: number; re: RegExp }>();

function domainHint(map: RedactMap): RegExp {
  const size = map.domains.byValue.size;
  const known = hints.get(map);
  if (known && known.size === size) return known.re;
  const labels = new Set(TLDS);
  for (const d of map.domains.byValue.keys()) labels.add(d.slice(d.lastIndexOf('.') + 1));
  const alternatives = [...labels]
    .map((l) => l.replace(/[^a-z0-9-]/g, ''))
    .filter(Boolean)
    .sort()
    .join('|');
  const re = new RegExp(`\\.(?:${alternatives})(?![A-Za-z0-9_-])`, 'i');
  hints.set(map, { size, re });
  return re;
}

/** Past this many names a line is scanned word by word without first asking one pattern whether any is there. */
const MAX_HINT_NAMES = 2000;
const nameHints = new WeakMap<RedactMap, { size: number; re: RegExp | null }>();

/** Whether `text` may hold a known name (one pattern of them all, any case: a superset of what namesIn replaces). */
function mayHoldName(text: string, map: RedactMap): boolean {
  const size = map.hosts.size + map.users.byValue.size;
  if (size === 0) return false;
  let hint = nameHints.get(map);
  if (!hint || hint.size !== size) {
    const all = [...map.hosts.keys(), ...map.users.byValue.keys()];
    const re =
      size > MAX_HINT_NAMES
        ? null
        : new RegExp(`(?:^|[^A-Za-z0-9])(?:${all.map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})(?![A-Za-z0-9])`, 'i');
    hint = { size, re };
    nameHints.set(map, hint);
  }
  return hint.re === null || hint.re.test(text);
}

function redactNames(text: string, map: RedactMap): string {
  const names = mayHoldName(text, map);
  if (!names && !mayHoldDomain(text, map)) return text;
  const edits: Edit[] = [];
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(text); m; m = NAME_RUN.exec(text)) {
    let end = m[0].length;
    while (end > 0 && '._-'.includes(m[0][end - 1])) end--;
    const run = end === m[0].length ? m[0] : m[0].slice(0, end);
    // -Dcatalina.home=… is a JVM property, --foo.local a flag: not domain names.
    const domain = m.index > 0 && text.charCodeAt(m.index - 1) === 45 ? null : domainPseudonym(run, map);
    if (domain !== null) {
      edits.push({ start: m.index, end: m.index + run.length, text: domain });
      continue;
    }
    if (names) namesIn(run, m.index, map, edits);
  }
  return applyEdits(text, edits);
}

/**
 * Known names inside a word, between any two non-alphanumeric characters (`sosreport-web3-2024`,
 * `/home/nemo/`, `web3.log`), the longest first: `tomcat-87` is one name, not `tomcat` and `87`.
 */
function namesIn(run: string, offset: number, map: RedactMap, edits: Edit[]): void {
  const words: [number, number][] = [];
  for (let i = 0; i < run.length; ) {
    while (i < run.length && !isAlnum(run.charCodeAt(i))) i++;
    const s = i;
    while (i < run.length && isAlnum(run.charCodeAt(i))) i++;
    if (i > s) words.push([s, i]);
  }
  for (let i = 0; i < words.length; ) {
    let hit = 0;
    for (let n = Math.min(map.maxWords, words.length - i); n >= 1 && hit === 0; n--) {
      const name = run.slice(words[i][0], words[i + n - 1][1]);
      const p = map.users.get(name) ?? map.hosts.get(name.toLowerCase());
      if (p !== undefined) {
        edits.push({ start: offset + words[i][0], end: offset + words[i + n - 1][1], text: p });
        hit = n;
      }
    }
    i += hit || 1;
  }
}

function isAlnum(c: number): boolean {
  return isWordChar(c) && c !== 95;
}
