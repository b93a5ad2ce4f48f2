// The pseudonyms of one redaction: every value found in a bundle gets one, the same in every file
// and format. Values are learned first (learn.ts) and numbered in the order they were found; a
// value first met while redacting gets the next number. A pseudonym is never a value the bundle
// itself holds, so a reader cannot mistake one for the other.
//
//   IPv4   10.8.16.21      → 192.0.2.1 (TEST-NET-1, then TEST-NET-2 and -3: RFC 5737; then 198.18.0.0/15
//                            and 240.0.0.0/4, reserved ranges nobody routes) — the port stays
//   IPv6   2001:db8:7::10  → 2001:db8::1 (the documentation prefix, RFC 3849); ::ffff:IPv4 keeps its form
//   host   web3            → host-1 (the manifest's host is learned first)
//   domain corp.acme.com   → domain-1.example (RFC 2606); web3.corp.acme.com → host-1.domain-1.example
//   user   nemo            → user-1
//   --redact-pattern match → redacted-1
// Secrets get no pseudonym: they are removed, and nothing maps them back.

/** Past this many values of one kind, further ones share a placeholder: a hostile bundle cannot grow the map without bound. */
export const MAX_PSEUDONYMS = 1_000_000;

type PseudonymKind = 'ipv4' | 'ipv6' | 'host' | 'domain' | 'user' | 'pattern';

const OVERFLOW: Record<PseudonymKind, string> = {
  ipv4: '192.0.2.255',
  ipv6: '2001:db8::ffff:ffff',
  host: 'host-x',
  domain: 'domain-x.example',
  user: 'user-x',
  pattern: 'redacted-x',
};

/** IPv4 pseudonyms in order: the documentation ranges first, then reserved space for big bundles. */
const IPV4_RANGES: { base: number; size: number }[] = [
  { base: ip4(192, 0, 2, 1), size: 254 },
  { base: ip4(198, 51, 100, 1), size: 254 },
  { base: ip4(203, 0, 113, 1), size: 254 },
  { base: ip4(198, 18, 0, 1), size: 2 * 65536 - 2 },
  { base: ip4(240, 0, 0, 1), size: 2 ** 28 - 2 },
];

function ip4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

export function ipv4Text(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** The n-th IPv4 pseudonym (0-based), or null past the reserved space. */
function ipv4Candidate(n: number): string | null {
  for (const r of IPV4_RANGES) {
    if (n < r.size) return ipv4Text(r.base + n);
    n -= r.size;
  }
  return null;
}

function ipv6Candidate(n: number): string {
  const v = n + 1;
  const hi = Math.floor(v / 65536);
  return hi > 0 ? `2001:db8::${hi.toString(16)}:${(v % 65536).toString(16)}` : `2001:db8::${v.toString(16)}`;
}

/** One kind of value: original → pseudonym, numbered in order of arrival. */
class Table {
  readonly byValue = new Map<string, string>();
  private next = 0;

  constructor(
    private readonly kind: PseudonymKind,
    private readonly candidate: (n: number) => string | null,
    private readonly taken: (pseudonym: string) => boolean,
  ) {}

  get(value: string): string | undefined {
    return this.byValue.get(value);
  }

  add(value: string): string {
    const known = this.byValue.get(value);
    if (known !== undefined) return known;
    if (this.byValue.size >= MAX_PSEUDONYMS) return OVERFLOW[this.kind];
    let p: string | null;
    do p = this.candidate(this.next++);
    while (p !== null && this.taken(p));
    const pseudonym = p ?? OVERFLOW[this.kind];
    this.byValue.set(value, pseudonym);
    return pseudonym;
  }
}

/** What the map file holds: pseudonym → original, per kind. */
export interface RedactMapFile {
  schema: 'fdleak/redact-map@1';
  warning: string;
  input: string;
  createdAt: string;
  hosts: Record<string, string>;
  domains: Record<string, string>;
  users: Record<string, string>;
  ipv4: Record<string, string>;
  ipv6: Record<string, string>;
  patterns: Record<string, string>;
}

export class RedactMap {
  /** Values the bundle holds, which no pseudonym may be: its addresses and its names. */
  readonly present = { ipv4: new Set<string>(), ipv6: new Set<string>(), names: new Set<string>() };
  readonly ipv4 = new Table('ipv4', ipv4Candidate, (p) => this.present.ipv4.has(p));
  readonly ipv6 = new Table('ipv6', ipv6Candidate, (p) => this.present.ipv6.has(p));
  /** Host names that are replaced wherever they stand as a word; keys lowercase (DNS is case-blind). */
  readonly hosts = new Map<string, string>();
  /** The first labels of domain names (api in api.github.com): replaced only inside a domain name. */
  readonly labels = new Map<string, string>();
  /** Both share one numbering: host-3 is one host, whether it stood alone or in a domain name. */
  private readonly hostNumbers = new Table(
    'host',
    (n) => `host-${n + 1}`,
    (p) => this.present.names.has(p),
  );
  readonly domains = new Table(
    'domain',
    (n) => `domain-${n + 1}.example`,
    (p) => this.present.names.has(p),
  );
  /** User names, case as written (Unix names are case-sensitive). */
  readonly users = new Table(
    'user',
    (n) => `user-${n + 1}`,
    (p) => this.present.names.has(p),
  );
  readonly matches = new Table(
    'pattern',
    (n) => `redacted-${n + 1}`,
    (p) => this.present.names.has(p),
  );
  /** The most alphanumeric words in one known name (tomcat-87: 2), how far the name scan looks ahead. */
  maxWords = 1;

  constructor(readonly patterns: readonly RegExp[] = []) {}

  addHost(name: string): string {
    const key = name.toLowerCase();
    const known = this.hosts.get(key);
    if (known !== undefined) return known;
    const p = this.labels.get(key) ?? this.hostNumbers.add(key);
    this.hosts.set(key, p);
    this.widen(key);
    return p;
  }

  /** The pseudonym of a domain name's first label: the host's own when that host is known by name. */
  addLabel(label: string): string {
    const key = label.toLowerCase();
    const p = this.hosts.get(key) ?? this.labels.get(key) ?? this.hostNumbers.add(key);
    if (!this.hosts.has(key)) this.labels.set(key, p);
    return p;
  }

  addUser(name: string): string {
    const p = this.users.add(name);
    this.widen(name);
    return p;
  }

  private widen(name: string): void {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean).length;
    if (words > this.maxWords) this.maxWords = words;
  }

  /** Counts per kind, for the CLI's one-line summary and the tests. */
  counts(): Record<'ipv4' | 'ipv6' | 'hosts' | 'domains' | 'users' | 'patterns', number> {
    return {
      ipv4: this.ipv4.byValue.size,
      ipv6: this.ipv6.byValue.size,
      hosts: new Set([...this.hosts.values(), ...this.labels.values()]).size,
      domains: this.domains.byValue.size,
      users: this.users.byValue.size,
      patterns: this.matches.byValue.size,
    };
  }

  toFile(input: string, now = new Date()): RedactMapFile {
    const invert = (entries: Iterable<[string, string]>) => {
      const out: Record<string, string> = {};
      for (const [value, p] of entries) if (!(p in out)) out[p] = value;
      return out;
    };
    return {
      schema: 'fdleak/redact-map@1',
      warning: 'This file undoes the redaction. Keep it with the original bundle, never with what you share.',
      input,
      createdAt: now.toISOString(),
      hosts: invert([...this.hosts, ...this.labels]),
      domains: invert(this.domains.byValue),
      users: invert(this.users.byValue),
      ipv4: invert(this.ipv4.byValue),
      ipv6: invert(this.ipv6.byValue),
      patterns: invert(this.matches.byValue),
    };
  }
}
