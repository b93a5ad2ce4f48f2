// `lsof -F` field output: one field per line, each tagged by its first character, or with -F0
// every process or file set on one line with NUL-terminated fields:
//   p9969            process set: p pid, K task id (with -K), c command, u uid, L login ...
//   cpython3
//   f3               file set: f fd, a access, t TYPE, n NAME, P protocol, T TCP info (TST=...)
//   tsock
//   nprotocol: TCP
// A file set ends where the next f, p or K starts (or, with -F0, at the end of its line).
import type { FdKind, FdTableArtifact, TcpState } from './artifacts.js';
import type { ParseContext, SourceParser } from './parser.js';
import { ipKind, lsofKind, normaliseTcpState } from './fd-kind.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';
import { argumentsOf } from '../command-words.js';
import { count } from './numbers.js';

const PROCESS_FIELDS = 'pKcugRLSZ';
const FILE_FIELDS = 'falrtDsiknPTodGN';
const FIELD_LINE = /^[pKcugRLfalrtDsiknPTodGN][^\0]*\0?/;

interface ProcessSet {
  pid: number;
  task: boolean;
  tid?: number;
  command: string;
  user?: string;
}

interface FileSet {
  fd: string;
  mode?: string;
  type: string;
  name: string;
  protocol?: string;
  state?: TcpState;
  line: number;
  /** The line to quote: the one that tells what the fd is (TST=, else n, else f). */
  evLine: number;
  evText: string;
}

export const lsofFields: SourceParser<FdTableArtifact> = {
  id: 'lsof-fields',
  title: 'Open files per process (lsof -F field output)',
  detect({ head, command }) {
    const lines = head.filter((l) => l !== '');
    if (lines.length === 0 || !/^p\d+(\0|$)/.test(lines[0])) return 0;
    const tagged = lines.filter((l) => FIELD_LINE.test(l)).length;
    if (tagged < lines.length * 0.9) return 0;
    const hasFile = lines.some((l) => /^f(\d+|cwd|rtd|txt|mem|DEL)(\0|$)/.test(l));
    if (!hasFile && lines.length > 3) return 0;
    return argumentsOf(command, 'lsof')?.some((w) => w.startsWith('-F')) ? 0.97 : 0.9;
  },
  sink(ctx) {
    return new LsofFieldsSink(ctx);
  },
};

class LsofFieldsSink {
  private readonly table: FdHolderTable;
  private readonly out: FdTableArtifact = emptyFdTable('lsof');
  private proc: ProcessSet | undefined;
  private procLine = 0;
  private procText = '';
  private file: FileSet | undefined;

  constructor(private readonly ctx: ParseContext) {
    this.table = new FdHolderTable(ctx.file);
  }

  line(text: string, n: number): void {
    if (text === '') return;
    if (text.indexOf('\0') >= 0) {
      // Quoted as fields separated by spaces: a NUL is unreadable in a report.
      const quoted = text.replace(/\0/g, ' ').trimEnd();
      for (const field of text.split('\0')) if (field !== '') this.field(field, n, quoted);
      this.flushFile(); // -F0: a file set is one line
      return;
    }
    this.field(text, n, text);
  }

  end(): FdTableArtifact {
    this.flushFile();
    this.out.holders = this.table.holders();
    this.out.records = this.out.rows;
    if (this.out.rows === 0) this.ctx.warn(undefined, 'no lsof -F file sets found');
    return this.out;
  }

  private field(field: string, n: number, text: string): void {
    const tag = field[0];
    const value = field.slice(1);
    if (tag === 'p') {
      this.flushFile();
      const pid = count(value);
      if (pid === undefined) {
        this.ctx.warn(n, `lsof -F: bad pid ${value.slice(0, 20)}`);
        this.proc = undefined;
        return;
      }
      this.proc = { pid, task: false, command: '' };
      // -F output has no header line: it is whole from its first process set on.
      this.out.hasHeader = true;
      this.procLine = n;
      this.procText = text;
      return;
    }
    if (tag === 'f') {
      this.flushFile();
      this.file = { fd: value, type: '', name: '', line: n, evLine: n, evText: text };
      return;
    }
    if (this.file !== undefined && FILE_FIELDS.includes(tag)) return this.fileField(this.file, tag, value, n, text);
    if (this.proc !== undefined && PROCESS_FIELDS.includes(tag)) {
      this.flushFile();
      if (tag === 'K') {
        const tid = count(value);
        if (tid === undefined) {
          this.ctx.warn(n, `lsof -F: a task id that is not a number: ${field.slice(0, 40)}`);
          return;
        }
        this.proc.task = true;
        this.proc.tid = tid;
        this.out.hasTidColumn = true;
      } else if (tag === 'c') this.proc.command = value;
      else if (tag === 'u') this.proc.user ??= value;
      else if (tag === 'L') this.proc.user = value;
      return;
    }
    this.ctx.warn(n, `lsof -F: unexpected field ${field.slice(0, 40)}`);
  }

  private fileField(f: FileSet, tag: string, value: string, n: number, text: string): void {
    switch (tag) {
      case 'a':
        if (value.trim() !== '') f.mode = value.trim();
        return;
      case 't':
        f.type = value;
        return;
      case 'n':
        f.name = value;
        if (f.state === undefined) {
          f.evLine = n;
          f.evText = text;
        }
        return;
      case 'P':
        f.protocol = value;
        return;
      case 'T':
        if (value.startsWith('ST=')) {
          f.state = normaliseTcpState(value.slice(3));
          f.evLine = n;
          f.evText = text;
        }
        return;
    }
  }

  private flushFile(): void {
    const f = this.file;
    if (f === undefined) return;
    this.file = undefined;
    const p = this.proc;
    if (p === undefined) {
      this.ctx.warn(f.line, 'lsof -F: file set before any process set');
      return;
    }
    const h = this.table.find(p.pid) ?? this.table.add(p.pid, p.command, p.user, this.procLine, this.procText);
    this.out.rows++;
    if (p.task) return this.table.threadRow(h, p.tid ?? 0);
    const num = /^\*?(\d{1,15})$/.exec(f.fd);
    if (!num) return this.table.otherRow(h);
    const kind = this.kindOf(f);
    const state = kind === 'socket-tcp' ? f.state : undefined;
    this.table.fd(h, kind, f.type, Number(num[1]), state, f.evLine, f.evText, f.fd.startsWith('*'));
    if (this.table.wantsEntry(h)) this.table.entry(h, f.fd, kind, f.type, f.name, f.mode, state, f.line);
  }

  private kindOf(f: FileSet): FdKind {
    if (f.type !== 'IPv4' && f.type !== 'IPv6') return lsofKind(f.type, '', f.name);
    // Without the P field only a TCP state (T field) tells TCP from UDP.
    if (f.protocol !== undefined) return ipKind(f.protocol);
    return f.state !== undefined ? 'socket-tcp' : 'socket-other';
  }
}
