// `ss -s`: socket totals. ss computes them from /proc/net/sockstat; it lists nothing.
// Older iproute2 (the write-up's):
//   Total: 158211 (kernel 158355)
//   TCP:   157740 (estab 103, closed 157624, orphaned 0, synrecv 0, timewait 173/0), ports 203
//
//   Transport Total     IP        IPv6
//   *         158355    -         -
//   TCP       116       80        36
// Current iproute2 prints `Total: 80`, `TCP:   74 (estab 14, closed 56, orphaned 0, timewait 10)`
// and no `*` row. TCP's first number is sockstat's alloc + synrecv + timewait; `closed` is
// alloc - (hashed - timewait): sockets that are in no connection table.
import type { SsSummaryArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { isShellLine } from './netstat.js';

// Numbers: at most 15 digits (exact; see numbers.ts). A longer one makes the line not ss's.
const TOTAL = /^Total:\s+(\d{1,15})(?:\s+\(kernel (\d{1,15})\))?\s*$/;
const TCP = /^TCP:\s+(\d{1,15})\s+\(([^)]*)\)(.*)$/;
const PORTS = /^,\s*ports (\d{1,15})\s*$/;
const TRANSPORT_HEADER = /^Transport\s+Total\s+IP\s+IPv6\s*$/;
const TRANSPORT_ROW = /^(\*|[A-Z][A-Z0-9]*)\s+(\d{1,15})\s+(\d{1,15}|-)\s+(\d{1,15}|-)\s*$/;

type TcpSummary = NonNullable<SsSummaryArtifact['tcp']>;

/** `estab 103, closed 157624, orphaned 0, synrecv 0, timewait 173/0` → fields; undefined if malformed. */
function tcpFields(list: string): Map<string, [number, number?]> | undefined {
  const fields = new Map<string, [number, number?]>();
  for (const part of list.split(',')) {
    const m = /^\s*([a-z]+) (\d{1,15})(?:\/(\d{1,15}))?\s*$/.exec(part);
    if (!m) return undefined;
    fields.set(m[1], m[3] === undefined ? [Number(m[2])] : [Number(m[2]), Number(m[3])]);
  }
  return fields;
}

export const ssSummary: SourceParser<SsSummaryArtifact> = {
  id: 'ss-summary',
  title: 'Socket summary (ss -s)',
  detect({ head }) {
    const lines = head.filter((l) => l.trim() !== '' && !isShellLine(l, ['ss']));
    const total = lines.some((l) => TOTAL.test(l));
    const tcp = lines.some((l) => l.startsWith('TCP:') && l.includes('(estab '));
    const transport = lines.some((l) => TRANSPORT_HEADER.test(l));
    if (tcp && (total || transport)) return 0.98;
    if (tcp || (total && transport)) return 0.8;
    return 0;
  },
  sink(ctx) {
    const out: SsSummaryArtifact = { records: 0, format: 'current', transport: {} };
    let synrecvSeen = false;
    let inTransport = false;
    return {
      line(raw, n) {
        const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (text.trim() === '' || isShellLine(text, ['ss'])) return;
        const ev = ref(ctx.file, n, text);
        if (text.startsWith('Total:')) {
          const m = TOTAL.exec(text);
          if (!m) return ctx.warn(n, `Total line not understood (cut off?): ${text.slice(0, 80)}`);
          out.total = m[2] === undefined ? { value: Number(m[1]), ev } : { value: Number(m[1]), kernel: Number(m[2]), ev };
          out.format = m[2] === undefined ? 'current' : 'old';
          out.records++;
          return;
        }
        if (text.startsWith('TCP:')) {
          const m = TCP.exec(text);
          const fields = m ? tcpFields(m[2]) : undefined;
          if (!m || !fields) return ctx.warn(n, `TCP line not understood (cut off?): ${text.slice(0, 100)}`);
          const ports = PORTS.exec(m[3]);
          if (!ports && m[3].trim() !== '') ctx.warn(n, `text after the TCP counts not understood (cut off?): ${m[3].slice(0, 40)}`);
          const tcp = tcpSummary(Number(m[1]), fields, ports?.[1], ev);
          if (typeof tcp === 'string') return ctx.warn(n, tcp);
          out.tcp = tcp;
          synrecvSeen = tcp.synrecv !== undefined;
          out.records++;
          return;
        }
        if (TRANSPORT_HEADER.test(text)) {
          inTransport = true;
          return;
        }
        const row = inTransport ? TRANSPORT_ROW.exec(text) : null;
        if (!row) return ctx.warn(n, `not an ss -s line: ${text.slice(0, 80)}`);
        const [, name, total, ip, ipv6] = row;
        // ss prints Total = IP + IPv6; a row that does not add up lost digits at a cut.
        if (ip !== '-' && ipv6 !== '-' && Number(ip) + Number(ipv6) !== Number(total)) {
          return ctx.warn(n, `${name}: ${ip} + ${ipv6} is not ${total} (cut off?)`);
        }
        const entry: SsSummaryArtifact['transport'][string] = { total: Number(total), ev };
        if (ip !== '-') entry.ip = Number(ip);
        if (ipv6 !== '-') entry.ipv6 = Number(ipv6);
        out.transport[name] = entry;
        out.records++;
      },
      end() {
        if (!out.tcp) ctx.warn(undefined, 'no TCP line (TCP:   N (estab ...)) found');
        // Without a Total line, synrecv (dropped together with `kernel`) still tells the version.
        if (!out.total && synrecvSeen) out.format = 'old';
        return out;
      },
    };
  },
};

/** The TCP line's numbers, or why they cannot be trusted. */
function tcpSummary(
  total: number,
  f: Map<string, [number, number?]>,
  ports: string | undefined,
  ev: TcpSummary['ev'],
): TcpSummary | string {
  const need = ['estab', 'closed', 'orphaned', 'timewait'].filter((k) => !f.has(k));
  if (need.length > 0) return `TCP line lacks ${need.join(', ')}`;
  const tcp: TcpSummary = {
    total,
    estab: f.get('estab')![0],
    closed: f.get('closed')![0],
    orphaned: f.get('orphaned')![0],
    timewait: f.get('timewait')![0],
    ev,
  };
  if (f.has('synrecv')) tcp.synrecv = f.get('synrecv')![0];
  const second = f.get('timewait')![1];
  if (second !== undefined) tcp.timewaitSecond = second;
  if (ports !== undefined) tcp.ports = Number(ports);
  return tcp;
}
