// The report of the File Leak Detector (kohsuke's `file-leak-detector` Java agent, Jenkins's "File
// Leak Detector" / "Open File Handles" plugin; Gradle users attach it to the daemon): the JVM's own
// list of the descriptors Java code opened and has not closed, each with the stack that opened it:
//   `3127 descriptors are open`
//   `#1 /tmp/jruby-1136/jruby3454834155092316185parser.jar by thread:pool-5869-thread-1 on Mon Feb 01 18:13:23 EST 2021`
//   `	at java.util.zip.ZipFile.<init>(ZipFile.java:156)` …
//   `#1 socket to /127.0.0.1:7434 by thread:Thread-9 on …`, `selector by thread:…`, `Pipe Sink Channel by thread:…`
// Each `#N` entry is one open descriptor: a file (its path), a socket, a selector or a pipe. The
// agent prints no pid and no fd numbers, and tracks only what Java opened through the classes it
// instruments (not the JVM's own jars, nor native code's fds): its entries are read as an excerpt
// of an unnamed process's fd table — the JVM the bundle is about — never as a table shown whole.
import type { FdTableArtifact } from './artifacts.js';
import type { SourceParser } from './parser.js';
import type { FdKind } from './fd-entry.js';
import { UNNAMED_PID } from './artifacts.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';

/** `#12 <what> by thread:<name> on <date>`: what is the rest before ` by thread:`. */
const ENTRY = /^#(\d{1,9}) (\S[^\n]{0,4095}?) by thread:/;
const COUNT = /^(\d{1,9}) descriptors are open\s*$/;

/** The kind of descriptor an entry's text names, and the TYPE it stands for. */
export function leakDetectorKind(what: string): { kind: FdKind; type: string } {
  if (/^(?:\/|[A-Za-z]:\\)/.test(what)) return { kind: 'file', type: 'REG' };
  if (/^(?:server )?socket\b/i.test(what)) return { kind: 'socket-other', type: 'sock' };
  if (/^selector\b/i.test(what)) return { kind: 'anon', type: 'a_inode' };
  if (/^pipe\b/i.test(what)) return { kind: 'pipe', type: 'FIFO' };
  return { kind: 'other', type: 'unknown' };
}

/** The number and the text of an entry's head line, or null. */
export function leakDetectorEntry(text: string): { n: number; what: string } | null {
  const m = ENTRY.exec(text.trimStart());
  return m ? { n: Number(m[1]), what: m[2] } : null;
}

export const fileLeakDetector: SourceParser<FdTableArtifact> = {
  id: 'file-leak-detector',
  title: "The File Leak Detector agent's report of a JVM's open descriptors",
  detect({ head }) {
    const lines = head.map((l) => l.trimStart());
    if (lines.some((l) => COUNT.test(l))) return 0.9;
    return lines.some((l) => ENTRY.test(l)) ? 0.85 : 0;
  },
  sink(ctx) {
    const table = new FdHolderTable(ctx.file);
    const out: FdTableArtifact = emptyFdTable('leak-detector');
    // Only what Java opened through the instrumented classes, and as pasted usually a few entries.
    out.truncated = true;
    return {
      line(text, n) {
        const e = leakDetectorEntry(text);
        if (!e) return;
        out.rows++;
        const { kind, type } = leakDetectorKind(e.what);
        const h = table.find(UNNAMED_PID) ?? table.add(UNNAMED_PID, '', undefined, n, text);
        // No fd number is printed (the entry's `#N` is its place in the report).
        table.fd(h, kind, type, -1, undefined, n, text);
        if (table.wantsEntry(h)) table.entry(h, `#${e.n}`, kind, type, e.what, undefined, undefined, n);
      },
      end() {
        out.holders = table.holders();
        out.records = out.rows;
        if (out.rows === 0) ctx.warn(undefined, "no entry of the File Leak Detector's report found");
        return out;
      },
    };
  },
};
