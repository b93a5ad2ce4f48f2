// /proc/net/sockstat and /proc/net/sockstat6: the kernel's own socket accounting.
//   sockets: used 158400
//   TCP: inuse 89 orphan 2 tw 197 alloc 157760 mem 16
// `alloc` counts TCP socket structures; `inuse` those in a connection table. A large
// `alloc - inuse` means sockets held by fds that nobody connected or closed.
// Knative's queue-proxy appends the file to every reverse-proxy error it logs, inside one JSON
// string, its line breaks escaped: `"message":"error reverse proxying request; sockstat: sockets:
// used 36\nTCP: inuse 23 orphan 0 tw 17 alloc 55 mem 31\nUDP: inuse 0 mem 0\n…"` — read as
// its lines.
import type { SockstatArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { count } from './numbers.js';

// The fields run to the end of the line (split in code): `:\s+(.*)$` backtracks over a long line.
const LINE = /^\s*([A-Z][A-Z0-9]*|sockets):\s(.*)$/s;
const KNOWN = /^(sockets|TCP6?|UDP6?|UDPLITE6?|RAW6?|FRAG6?):/;
/** The file inside one log line, its line breaks written `\n` (queue-proxy's JSON message). */
const ESCAPED = /sockets: used \d{1,12}\\nTCP6?: inuse \d/;
/** The lines of the file an escaped copy holds: sockets, TCP, UDP, UDPLITE, RAW, FRAG (and a few to spare). */
const MAX_ESCAPED_LINES = 12;

/** The lines of the file that a log line holds escaped, from `sockets:` on; the line itself when it holds none. */
export function sockstatLines(text: string): string[] {
  if (!ESCAPED.test(text)) return [text];
  const parts = text.slice(text.indexOf('sockets: used ')).split('\\n', MAX_ESCAPED_LINES);
  return parts.filter((part) => LINE.test(part));
}

export const sockstat: SourceParser<SockstatArtifact> = {
  id: 'sockstat',
  title: 'Kernel socket accounting (/proc/net/sockstat)',
  detect({ head }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    if (lines.some((l) => ESCAPED.test(l))) return 0.9;
    const known = lines.filter((l) => KNOWN.test(l.trim())).length;
    if (known === 0) return 0;
    const hasTcp = lines.some((l) => /^\s*TCP6?: inuse \d+/.test(l));
    return hasTcp && known >= lines.length / 2 ? 0.95 : known >= 2 ? 0.6 : 0;
  },
  sink(ctx) {
    const out: SockstatArtifact = { records: 0, family: 'inet', protocols: {} };
    let sawLine = false;
    const read = (text: string, n: number, line: string): void => {
      const m = LINE.exec(text);
      if (!m) {
        if (text.trim() !== '') ctx.warn(n, `not a sockstat line: ${text.slice(0, 80)}`);
        return;
      }
      sawLine = true;
      const [, name, rest] = m;
      const fields: Record<string, number> = {};
      const parts = rest.trim().split(/\s+/);
      for (let i = 0; i + 1 < parts.length; i += 2) {
        const v = count(parts[i + 1]);
        if (v !== undefined) fields[parts[i]] = v;
        else ctx.warn(n, `field ${parts[i].slice(0, 40)} has no number: ${parts[i + 1].slice(0, 40)}`);
      }
      const ev = ref(ctx.file, n, line);
      out.records++;
      if (name === 'sockets') {
        if (fields.used !== undefined) out.socketsUsed = { value: fields.used, ev };
        return;
      }
      if (name.endsWith('6')) out.family = 'inet6';
      out.protocols[name] = { fields, ev };
    };
    return {
      line(text, n) {
        for (const part of sockstatLines(text)) read(part, n, text);
      },
      end() {
        if (!sawLine) ctx.warn(undefined, 'no sockstat lines found');
        return out;
      },
    };
  },
};
