// What a bundle names, learned before anything is redacted, so that every file and format gets the
// same pseudonyms and a name met in one file is replaced in all of them:
//   from the parsers: the manifest's host, ps and lsof/lsfd/ls -l USER columns;
//   from the text, one streaming pass over every file fdleak reads: shell prompts
//   (`root@web3:~#`, `[user@host dir]$`), `/home/NAME`, `uid=N(NAME)`, `uname -a`, `hostnamectl`, the
//   output of `hostname` / `uname -n`, host names in lsof/netstat/ss address columns (lsof without
//   -n), every address and domain name (numbered in the order met), the user's patterns' matches;
//   from a sos report: its folder name (`sosreport-HOST-...`) and its etc/hostname.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readLines } from '../bundle/lines.js';
import { trimEndChars } from '../text.js';
import { looksBinary } from '../bundle/open.js';
import type { Ingested } from '../sources/parse.js';
import type { FdTableArtifact, PsArtifact } from '../sources/artifacts.js';
import { keptHost, keptUser } from './keep.js';
import { ipv4Text, MAX_PSEUDONYMS, RedactMap } from './map.js';
import { canonicalIpv6, domainPseudonym, domainWord, eachIpv4, eachIpv6, ipv4Number, keptIpv4, keptIpv6, mayHoldDomain } from './text.js';

const BRACKET_PROMPT = /^\[([A-Za-z_][A-Za-z0-9._-]{0,31})@([A-Za-z0-9][A-Za-z0-9._-]{0,63})[ :][^\]\n]{0,200}\][$#]/;
/** `user@host:~$`, `user@host ~/dir #`; a theme's words after the folder (a git branch: `± main⚡`) before its sign, `%` or `»` too. */
const AT_PROMPT =
  /^(?:\([^)\n]{0,40}\) )?([A-Za-z_][A-Za-z0-9._-]{0,31})@([A-Za-z0-9][A-Za-z0-9._-]{0,63})(?::[^\s$#]{0,200}| [~/][^\s$#]{0,200})(?: [^\s$#%»]{1,80}){0,3}\s?[$#%»](?:\s|$)/;
const HOME = /\/home\/([A-Za-z_][A-Za-z0-9._-]{0,31})/g;
const UID = /\b(?:e|r|s|fs)?uid=(?:\d{1,10}\(([^)\s]{1,32})\)|([A-Za-z_][A-Za-z0-9._-]{0,31}))/g;
const UNAME = /^Linux ([A-Za-z0-9][A-Za-z0-9._-]{0,252}) \d{1,3}\.\d{1,3}/;
const HOSTNAMECTL = /^\s{0,20}(?:Static|Transient) hostname:\s{0,20}([A-Za-z0-9][A-Za-z0-9._-]{0,252})\s*$/;
const HOSTNAME_COMMAND = /^(?:sudo\s+)?(?:hostname(?:\s+(?:-[fsA]|--fqdn|--short|--long))?|uname\s+-n|cat\s+\/etc\/hostname)\s*$/;
const QUOTE_PREFIX = /^(?:>\s?)?\s{0,40}/;
/** Words shaped like this tool's pseudonyms: a bundle that holds them (one redacted before) must not get them for other values. */
const PSEUDONYM_SHAPE = /\b(?:host|user|redacted)-\d{1,9}\b|\bdomain-\d{1,9}\.example\b/gi;
const NAME_RUN = /[A-Za-z0-9][A-Za-z0-9._-]*/g;
const DASHED_IPV4 = /\bip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\b/g;
const NAME = /^[A-Za-z0-9._-]+$/;
const NET_HOST = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;
const NET_PORT = /^[A-Za-z0-9*-]{1,32}$/;
const LETTER = /[A-Za-z]/;
/** A row about an internet socket (not a header, not `memfd:x` or `anon_inode:[eventfd]`). */
const INET_ROW = /\b(?:IPv[46]|TCP|UDP|tcp6?|udp6?|ESTAB|LISTEN|UNCONN|CLOSE-WAIT|TIME-WAIT|SYN-SENT)\b/;
/** Sources whose lines hold `host:port` columns. */
const LISTINGS = new Set(['lsof', 'lsfd', 'netstat', 'netstat-windows', 'ss-sockets']);
/** A sos report's own record of the host name (not among the files fdleak reads). */
const SOS_HOST_FILES = ['etc/hostname', 'sos_commands/host/hostname', 'sos_commands/general/hostname', 'hostname'];
const SOS_UNAME_FILES = ['sos_commands/kernel/uname_-a', 'sos_commands/general/uname_-a', 'uname'];

/** A file of the bundle: its path relative to the bundle root (as cited), and where it is on disk now. */
export interface BundleFile {
  file: string;
  path: string;
}

/** The files fdleak reads from this bundle (for a sos report, only the relevant ones), the manifest and notes. */
export function bundleFiles(ingested: Ingested): BundleFile[] {
  const seen = new Map<string, string>();
  const root = ingested.root;
  if (ingested.manifest && root) seen.set(ingested.manifest.file, join(root, ingested.manifest.file));
  if (ingested.notes && root) seen.set(ingested.notes.file, join(root, ingested.notes.file));
  for (const e of ingested.entries) if (!seen.has(e.file)) seen.set(e.file, e.path);
  return [...seen].map(([file, path]) => ({ file, path })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The first 8 KB of a file hold NUL bytes or mostly control characters: not text, nothing to read or copy. */
export function binaryFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return looksBinary(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** Collects names, addresses and matches in the order they are met; `finish` numbers them. */
export class Learner {
  private readonly hosts = new Set<string>();
  private readonly users = new Set<string>();
  /** Users that run a program named after them: kept as written (keep.ts's reason). */
  private readonly serviceAccounts = new Set<string>();
  private readonly ipv4 = new Set<string>();
  private readonly ipv6 = new Set<string>();
  private readonly domains = new Set<string>();
  private readonly matches = new Set<string>();
  private readonly shapes = new Set<string>();
  /** Domain names are recognised against an empty map while learning: by their top-level domain. */
  private readonly probe = new RedactMap();

  constructor(private readonly patterns: readonly RegExp[] = []) {}

  host(name: string | null | undefined): void {
    if (!name) return;
    const n = name.trim().replace(/\.$/, '');
    if (n.length < 2 || n.length > 253 || !NAME.test(n) || !LETTER.test(n) || keptHost(n) || ipv4Number(n) !== null) return;
    add(this.hosts, n.toLowerCase());
  }

  user(name: string | null | undefined): void {
    if (!name) return;
    // ps prints a name longer than its column cut, with a `+`: the part shown is what can be replaced.
    const n = name.endsWith('+') ? name.slice(0, -1) : name;
    if (n.length < 2 || n.length > 32 || !NAME.test(n) || !LETTER.test(n) || keptUser(n)) return;
    add(this.users, n);
  }

  /**
   * The user an fd listing shows running `command`: a service account when the program is named
   * after it (`kurento` running `kurento-m`, lsof's cut of kurento-media-server; `redis` running
   * `redis-ser`), kept as written everywhere — replacing it would rename the program in every line
   * too, and lsof's cut name would no longer be the start of the name `pidof` looked up.
   */
  userOf(name: string | null | undefined, command: string | null | undefined): void {
    if (name && command && name.length >= 3 && command.startsWith(name)) add(this.serviceAccounts, name);
    else this.user(name);
  }

  /** One line of any file. */
  line(text: string): void {
    if (text.length === 0) return;
    const head = text.length > 400 ? text.slice(0, 400) : text;
    if (head.includes('@')) {
      const bare = head.replace(QUOTE_PREFIX, '');
      const m = BRACKET_PROMPT.exec(bare) ?? AT_PROMPT.exec(bare);
      if (m) {
        this.user(m[1]);
        this.host(m[2]);
      }
    }
    if (text.startsWith('Linux ')) this.host(UNAME.exec(head)?.[1]);
    if (head.includes(' hostname:')) this.host(HOSTNAMECTL.exec(head)?.[1]);
    if (text.includes('/home/')) {
      HOME.lastIndex = 0;
      for (let m = HOME.exec(text); m; m = HOME.exec(text)) {
        const after = text[m.index + m[0].length];
        if (after === undefined || !/[A-Za-z0-9._-]/.test(after)) this.user(m[1]);
      }
    }
    if (text.includes('uid=')) {
      UID.lastIndex = 0;
      for (let m = UID.exec(text); m; m = UID.exec(text)) this.user(m[1] ?? m[2]);
    }
    this.addresses(text);
    if (mayHoldDomain(text, this.probe)) this.domainNames(text);
    if (text.includes('-')) {
      PSEUDONYM_SHAPE.lastIndex = 0;
      for (let m = PSEUDONYM_SHAPE.exec(text); m; m = PSEUDONYM_SHAPE.exec(text)) add(this.shapes, m[0].toLowerCase());
    }
    for (const re of this.patterns) for (const m of text.matchAll(re)) if (m[0] !== '') add(this.matches, m[0]);
  }

  /** A row of lsof, netstat or ss: `host:port` and `host:port->host:port` columns name hosts (lsof without -n). */
  listingLine(text: string): void {
    if (!INET_ROW.test(text) || text.includes('Address')) return;
    for (const token of text.split(/[ \t]+/)) {
      if (!token.includes(':')) continue;
      for (const side of token.split('->')) {
        const k = side.lastIndexOf(':');
        if (k <= 0) continue;
        const host = side.slice(0, k);
        if (!NET_HOST.test(host) || !LETTER.test(host) || !NET_PORT.test(side.slice(k + 1))) continue;
        if (host.includes('.')) {
          if (domainWord(host, this.probe)) add(this.domains, host.toLowerCase());
        } else this.host(host);
      }
    }
  }

  private addresses(text: string): void {
    if (text.includes(':')) {
      eachIpv6(text, (_s, _e, address) => {
        const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
        if (dotted) return this.ipv4Address(dotted[1]);
        const canonical = canonicalIpv6(address);
        if (canonical !== null && !keptIpv6(canonical)) add(this.ipv6, canonical);
      });
    }
    if (text.includes('.')) eachIpv4(text, (_s, _e, address) => this.ipv4Address(address));
    if (text.includes('ip-')) {
      DASHED_IPV4.lastIndex = 0;
      for (let m = DASHED_IPV4.exec(text); m; m = DASHED_IPV4.exec(text)) this.ipv4Address(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
    }
  }

  private ipv4Address(address: string): void {
    const n = ipv4Number(address);
    if (n !== null) add(this.ipv4, ipv4Text(n));
  }

  private domainNames(text: string): void {
    NAME_RUN.lastIndex = 0;
    for (let m = NAME_RUN.exec(text); m; m = NAME_RUN.exec(text)) {
      const w = trimEndChars(m[0], '._-');
      const flag = m.index > 0 && text.charCodeAt(m.index - 1) === 45;
      if (!flag && w.includes('.') && domainWord(w, this.probe)) add(this.domains, w.toLowerCase());
    }
  }

  /** The pseudonyms, numbered in the order the values were met, none of them a value the bundle holds. */
  finish(): RedactMap {
    const map = new RedactMap(this.patterns);
    for (const n of [...this.hosts, ...this.shapes]) map.present.names.add(n);
    for (const n of this.users) if (!this.serviceAccounts.has(n)) map.present.names.add(n.toLowerCase());
    for (const a of this.ipv4) map.present.ipv4.add(a);
    for (const a of this.ipv6) map.present.ipv6.add(a);
    for (const h of this.hosts) {
      const dot = h.indexOf('.');
      map.addHost(dot === -1 ? h : h.slice(0, dot));
      // A host's own domain is a domain whatever its top-level domain (web3.prod.acme).
      if (dot !== -1 && !keptHost(h.slice(dot + 1))) map.domains.add(h.slice(dot + 1));
    }
    for (const u of this.users) if (!this.serviceAccounts.has(u)) map.addUser(u);
    for (const a of this.ipv4) {
      const n = ipv4Number(a);
      if (n !== null && !keptIpv4(n)) map.ipv4.add(a);
    }
    for (const a of this.ipv6) map.ipv6.add(a);
    for (const h of this.hosts) if (h.includes('.')) domainPseudonym(h, map);
    for (const d of this.domains) domainPseudonym(d, map);
    for (const m of this.matches) map.matches.add(m);
    return map;
  }
}

function add(set: Set<string>, value: string): void {
  if (set.size < MAX_PSEUDONYMS) set.add(value);
}

/** The first line of a small file, or null. */
function firstLineOf(path: string): string | null {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.toString('utf8', 0, n).split('\n')[0].trim() || null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** `sosreport-web3-2024-05-01-abcdef(.tar.xz)` → `web3` (with a label, `web3-case42`, when sos was given one). */
export function sosReportHost(name: string): string | null {
  if (!name.startsWith('sosreport-')) return null;
  const parts = name
    .replace(/\.(tar\.xz|tar\.gz|tar\.bz2|tgz|txz|tar|zip)$/i, '')
    .slice('sosreport-'.length)
    .split('-');
  for (let i = 1; i < parts.length; i++) {
    const date = /^\d{4}$/.test(parts[i]) && /^\d{2}$/.test(parts[i + 1] ?? '') && /^\d{2}$/.test(parts[i + 2] ?? '');
    if (date || /^\d{8,14}$/.test(parts[i])) return parts.slice(0, i).join('-');
  }
  return null;
}

/** Line ranges of a file whose lines are a listing with host columns, or the output of `hostname`. */
interface Range {
  from: number;
  to: number;
  listing: boolean;
  hostname: boolean;
}

export interface LearnOptions {
  /** The user's `--redact-pattern`s, compiled by patterns.ts. */
  patterns?: readonly RegExp[];
}

/** Learns a bundle's names and addresses: its parsed artifacts and one pass over its files. */
export async function learnBundle(ingested: Ingested, opts: LearnOptions = {}): Promise<RedactMap> {
  const learner = new Learner(opts.patterns);
  learner.host(ingested.manifest?.host);
  learnSosReport(ingested, learner);
  for (const e of ingested.entries) {
    if (e.source === 'ps') {
      const ps = e.artifact as PsArtifact;
      for (const p of ps.processes) learner.user(p.user);
      for (const u of ps.grepUsers ?? []) learner.user(u);
    }
    if (e.source && ['lsof', 'lsof-fields', 'lsfd', 'proc-fd'].includes(e.source)) {
      for (const h of (e.artifact as FdTableArtifact).holders) {
        learner.userOf(h.user, h.command);
        const list = h.entries;
        for (let i = 0; i < list.length; i++) {
          const kind = list.kind(i);
          if (kind === 'socket-tcp' || kind === 'socket-udp') learner.listingLine(`TCP ${list.name(i)}`);
        }
      }
    }
  }
  const ranges = new Map<string, Range[]>();
  for (const e of ingested.entries) {
    const listing = e.source !== null && LISTINGS.has(e.source);
    const hostname = e.command !== undefined && HOSTNAME_COMMAND.test(e.command.trim());
    if (!listing && !hostname) continue;
    const list = ranges.get(e.file) ?? [];
    list.push({ from: e.firstLine, to: e.lastLine || Number.MAX_SAFE_INTEGER, listing, hostname });
    ranges.set(e.file, list);
  }
  for (const f of bundleFiles(ingested)) {
    if (binaryFile(f.path)) continue;
    const own = ranges.get(f.file) ?? [];
    const named = new Set<Range>();
    await readLines(f.path, (text, n) => {
      learner.line(text);
      for (const r of own) {
        if (n < r.from || n > r.to) continue;
        if (r.listing) learner.listingLine(text);
        // The first line of `hostname`'s output; in a transcript, the line after the command's.
        if (r.hostname && !named.has(r) && text.trim() !== '' && !(n === r.from && r.from > 1)) {
          named.add(r);
          learner.host(text.trim());
        }
      }
    });
  }
  return learner.finish();
}

function learnSosReport(ingested: Ingested, learner: Learner): void {
  const root = ingested.root;
  let host: string | null = null;
  if (ingested.inputKind === 'sosreport' && root) {
    for (const f of SOS_HOST_FILES) {
      host ??= firstLineOf(join(root, f));
    }
    learner.host(host);
    for (const f of SOS_UNAME_FILES) {
      const line = firstLineOf(join(root, f));
      if (line) learner.line(line);
    }
  }
  for (const name of [basename(ingested.input), root ? basename(root) : '']) {
    const fromName = sosReportHost(name);
    if (!fromName) continue;
    // sosreport-HOST-LABEL-DATE: the label is a case number or a word, not a host.
    if (host && fromName.toLowerCase().startsWith(`${host.toLowerCase()}-`)) continue;
    learner.host(fromName);
  }
}
