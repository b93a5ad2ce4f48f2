// lsfd (util-linux), as a table or as JSON (-J):
//   COMMAND   PID USER ASSOC MODE TYPE   SOURCE MNTID INODE NAME
//   python3  8806 root     3  rw- SOCK   sockfs    10 38271 TCP:[38271]
//   python3  8806 root     9  -w-  REG      vda    27 2147300 /tmp/leaker-app.log (deleted)
// ASSOC is the fd number, or exe/cwd/rtd/mem/shm and namespace links, which are not fds.
// lsfd 2.38 names a socket only by protocol and inode (`TCP:[38271]`): a leaked unconnected
// socket and an established one look the same, so such sockets are socket-other. Later
// versions print `state=... laddr=...` and those are classified by state.
// -J pretty-prints one key per line; objects are collected line by line and parsed one at a time.
import type { FdKind, FdTableArtifact, TcpState } from './artifacts.js';
import { ref } from '../types.js';
import type { ParseContext, SourceParser } from './parser.js';
import { isDeletedName, linkTargetKind, normaliseTcpState } from './fd-kind.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';
import { count } from './numbers.js';
import { argumentsOf } from '../command-words.js';

/**
 * A header: lsfd's column names, PID and ASSOC among them and NAME last — the default
 * `COMMAND PID USER ASSOC …  NAME`, or the columns `-o` chose in its order (`PID COMMAND ASSOC TYPE NAME`).
 * Read as words (two `.*` in one pattern go quadratic on a long line).
 */
function isHeader(text: string): boolean {
  const words = text.trim().split(/\s+/, 64);
  return words.includes('PID') && words.includes('ASSOC') && words[words.length - 1] === 'NAME' && words.every((w) => COLUMN.test(w));
}
/** A column's name as lsfd prints it in a header or takes it in `-o`: `PID`, `SOCK.PROTONAME`, `INET.LADDR`. */
const COLUMN = /^[A-Z][A-Z0-9.]{0,30}$/;

/**
 * The columns `-o`/`--output` chose, in order (`lsfd -p 29707 -o PID,COMMAND,ASSOC,TYPE,NAME | tail -8`
 * cuts the header that names them): only when PID and ASSOC are among them and NAME is last, the one
 * column whose value holds blanks; `+LIST` (added to the defaults) is not read.
 */
export function lsfdOutputColumns(command: string | undefined): string[] | undefined {
  const cols = lsfdColumnsAsked(command);
  return cols?.includes('PID') && cols.includes('ASSOC') && cols[cols.length - 1] === 'NAME' ? cols : undefined;
}

/** The columns an lsfd command asks for by `-o` (`lsfd -o COMMAND,PID,TYPE`: `COMMAND`, `PID`, `TYPE`), whatever they are. */
export function lsfdColumnsAsked(command: string | undefined): string[] | undefined {
  const args = argumentsOf(command, 'lsfd');
  if (!args) return undefined;
  let list: string | undefined;
  for (const [i, w] of args.entries()) {
    if (w === '-o' || w === '--output') list = args[i + 1];
    else if (w.startsWith('--output=')) list = w.slice('--output='.length);
    else if (/^-o[^-]/.test(w)) list = w.slice(2);
  }
  const cols = list?.toUpperCase().split(',', 64);
  return cols?.every((c) => COLUMN.test(c)) ? cols : undefined;
}

/** `{` alone, or `{ "lsfd": [` (blanks trimmed first: `\s*` on both sides of an optional group backtracks). */
function isJsonStart(text: string): boolean {
  const t = text.trim();
  return t === '{' || /^\{\s*"lsfd"\s*:\s*\[$/.test(t);
}
/**
 * A row of lsfd's default columns (COMMAND PID USER ASSOC MODE TYPE SOURCE MNTID INODE NAME; later
 * versions print XMODE for MODE) cut from its header (`lsfd -p PID | tail -8`, `lsfd | grep node`).
 * Each `\S+\s+` is one word: no group repeats, so a long line is read once.
 */
const DEFAULT_ROW = /^\s*(\S+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(\S.*)$/;

/** The command ran lsfd with its default columns as a table (no `-o`/`--output`, `-J`/`--json`, anywhere in its words). */
export function lsfdDefaultTable(command: string | undefined): boolean {
  const args = argumentsOf(command, 'lsfd');
  return args !== undefined && !args.some((w) => /^-[a-zA-Z]*[oJ]/.test(w) || w.startsWith('--output') || w.startsWith('--json'));
}

/** A longest -J object of lsfd's default columns is ~15 lines; a runaway object is a broken input. */
const MAX_OBJECT_LINES = 200;

interface LsfdRow {
  command: string;
  pid: number;
  user?: string;
  assoc: string;
  mode?: string;
  type: string;
  name: string;
}

export const lsfd: SourceParser<FdTableArtifact> = {
  id: 'lsfd',
  title: 'Open files per process (lsfd)',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    if (lines.some(isHeader)) return 0.95;
    if (lsfdDefaultTable(command) && lines.filter((l) => DEFAULT_ROW.test(l)).length >= lines.length * 0.8) return 0.9;
    const cols = lsfdOutputColumns(command);
    if (cols && lines.filter((l) => l.trim().split(/\s+/, 64).length >= cols.length).length >= lines.length * 0.8) return 0.9;
    if (/^\s*\{\s*"lsfd"\s*:/.test(lines[0]) || (/^\s*\{\s*$/.test(lines[0]) && /^\s*"lsfd"\s*:\s*\[/.test(lines[1] ?? ''))) return 0.95;
    return 0;
  },
  sink(ctx) {
    return new LsfdSink(ctx);
  },
};

class LsfdSink {
  private readonly table: FdHolderTable;
  private readonly out: FdTableArtifact = emptyFdTable('lsfd');
  private format: 'table' | 'json' | undefined;
  private columns: string[] = [];
  private nameStart = -1;
  private json = new JsonObjects();

  constructor(private readonly ctx: ParseContext) {
    this.table = new FdHolderTable(ctx.file);
  }

  line(text: string, n: number): void {
    if (this.format === undefined) {
      if (text.trim() === '') return;
      if (isJsonStart(text) || /^\s*\{\s*"lsfd"/.test(text)) {
        this.format = 'json';
        // The document's opening brace is its start, as a header is a table's.
        this.out.hasHeader = true;
      } else this.format = 'table';
    }
    if (this.format === 'json') {
      const status = this.json.feed(text, n, (o) => this.jsonObject(o.text, o.line, o.nameLine, o.nameText));
      if (status === 'too-long') this.ctx.warn(n, 'lsfd -J: object too long; skipped');
      return;
    }
    this.tableLine(text, n);
  }

  end(): FdTableArtifact {
    if (this.format === 'json' && this.json.open()) {
      this.out.truncated = true;
      this.ctx.warn(this.json.startLine, 'lsfd -J output stops inside an object (cut off)');
    }
    this.out.holders = this.table.holders();
    this.out.records = this.out.rows;
    if (this.out.rows === 0) this.ctx.warn(undefined, 'no lsfd rows found');
    return this.out;
  }

  private tableLine(text: string, n: number): void {
    if (text.trim() === '') return;
    if (isHeader(text)) {
      this.columns = text.trim().split(/\s+/);
      this.nameStart = text.indexOf('NAME');
      this.out.hasHeader = true;
      this.out.header ??= ref(this.ctx.file, n, text);
      return;
    }
    if (this.columns.length === 0) {
      const cols = lsfdOutputColumns(this.ctx.command);
      if (cols) this.outputRow(cols, text, n);
      else if (lsfdDefaultTable(this.ctx.command)) this.defaultRow(text, n);
      else this.ctx.warn(n, 'lsfd row before any header');
      return;
    }
    if (text.length < this.nameStart) {
      this.ctx.warn(n, `lsfd row has fewer columns than its header: ${text.slice(0, 80)}`);
      return;
    }
    this.columnsRow(this.columns, text.slice(0, this.nameStart).trim().split(/\s+/, 64), text.slice(this.nameStart), text, n);
  }

  /** A row of the columns `-o` chose, its header cut (an excerpt: hasHeader stays false); NAME is the rest of the line. */
  private outputRow(cols: string[], text: string, n: number): void {
    const words = text.trim().split(/\s+/, 4096);
    this.columnsRow(cols, words.slice(0, cols.length - 1), words.slice(cols.length - 1).join(' '), text, n);
  }

  /** A table row: the words before NAME, in the columns' order, and NAME. */
  private columnsRow(columns: string[], before: string[], name: string, text: string, n: number): void {
    const last = columns.length - 1;
    // COMMAND may hold spaces: extra words belong to it.
    const extra = before.length - last;
    const at = columns.indexOf('COMMAND');
    if (extra < 0 || (extra > 0 && at < 0)) {
      this.ctx.warn(n, `lsfd row has fewer columns than its header: ${text.slice(0, 80)}`);
      return;
    }
    const get = (col: string): string | undefined => {
      const i = columns.indexOf(col);
      if (i < 0) return undefined;
      if (i === last) return name;
      if (i === at) return before.slice(i, i + extra + 1).join(' ');
      return before[i > at && at >= 0 ? i + extra : i];
    };
    const pid = count(get('PID'));
    if (pid === undefined) {
      this.ctx.warn(n, `lsfd row without a pid: ${text.slice(0, 80)}`);
      return;
    }
    this.row(
      {
        command: get('COMMAND') ?? '',
        pid,
        user: get('USER'),
        assoc: get('ASSOC') ?? '',
        mode: get('MODE'),
        type: get('TYPE') ?? '',
        name: get('NAME') ?? '',
      },
      n,
      text,
      n,
      text,
    );
  }

  /** A row without its header, read by lsfd's default columns (an excerpt: hasHeader stays false). */
  private defaultRow(text: string, n: number): void {
    const m = DEFAULT_ROW.exec(text);
    const pid = m ? count(m[2]) : undefined;
    if (!m || pid === undefined) {
      this.ctx.warn(n, `not a row of lsfd's default columns: ${text.slice(0, 80)}`);
      return;
    }
    this.row({ command: m[1], pid, user: m[3], assoc: m[4], mode: m[5], type: m[6], name: m[10] }, n, text, n, text);
  }

  private jsonObject(objText: string, line: number, nameLine: number, nameText: string): void {
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(objText);
    } catch {
      this.ctx.warn(line, 'lsfd -J: object is not valid JSON');
      return;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      this.ctx.warn(line, 'lsfd -J: not an object');
      return;
    }
    const pid = count(String(o.pid));
    if (pid === undefined) {
      this.ctx.warn(line, 'lsfd -J: object without a pid');
      return;
    }
    const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
    this.row(
      {
        command: str(o.command) ?? '',
        pid,
        user: str(o.user),
        assoc: str(o.assoc) ?? '',
        mode: str(o.mode),
        type: str(o.type) ?? '',
        name: str(o.name) ?? '',
      },
      line,
      undefined,
      nameLine,
      nameText,
    );
  }

  private row(r: LsfdRow, line: number, text: string | undefined, evLine: number, evText: string): void {
    const h = this.table.find(r.pid) ?? this.table.add(r.pid, r.command, r.user, evLine, text ?? evText);
    this.out.rows++;
    if (count(r.assoc) === undefined) return this.table.otherRow(h);
    const { kind, state } = lsfdKind(r.type, r.name);
    this.table.fd(h, kind, r.type, Number(r.assoc), state, evLine, evText);
    const mode = r.mode && r.mode !== '---' ? r.mode : undefined;
    if (this.table.wantsEntry(h)) this.table.entry(h, r.assoc, kind, r.type, r.name, mode, state, line);
  }
}

/** Kind from lsfd's TYPE and NAME. */
export function lsfdKind(type: string, name: string): { kind: FdKind; state?: TcpState } {
  switch (type) {
    case 'REG':
      return { kind: isDeletedName(name) ? 'deleted-file' : 'file' };
    case 'DIR':
      return { kind: isDeletedName(name) ? 'deleted-file' : 'dir' };
    case 'CHR':
    case 'BLK':
      return { kind: 'device' };
    case 'FIFO':
      return { kind: 'pipe' };
  }
  const st = /(?:^|\s)state=([\w-]+)/.exec(name);
  const proto = (/(?:^|\s)protocol=(\S+)/.exec(name)?.[1] ?? /^([A-Z][A-Z0-9-]*)(?::\[|\s|$)/.exec(name)?.[1] ?? type).toUpperCase();
  if (type === 'SOCK' || type === 'TCP' || type === 'TCPV6' || type === 'UDP' || type === 'UDPV6' || type.startsWith('UNIX')) {
    if (proto.startsWith('UNIX')) return { kind: 'socket-unix' };
    if (!st) return { kind: 'socket-other' };
    if (proto.startsWith('TCP')) return { kind: 'socket-tcp', state: normaliseTcpState(st[1]) };
    if (proto.startsWith('UDP')) return { kind: 'socket-udp' };
    return { kind: 'socket-other' };
  }
  return { kind: linkTargetKind(name) };
}

/** Collects the objects of lsfd -J's "lsfd" array from its lines (pretty or one per line). */
class JsonObjects {
  private depth = 0;
  private parts: string[] = [];
  startLine = 0;
  private nameLine = 0;
  private nameText = '';

  open(): boolean {
    return this.parts.length > 0;
  }

  /** Feeds one line; calls done() for every object that ends on it (`},{` ends one and opens the next). */
  feed(
    text: string,
    n: number,
    done: (o: { text: string; line: number; nameLine: number; nameText: string }) => void,
  ): 'too-long' | undefined {
    let inString = false;
    let from = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{') {
        this.depth++;
        if (this.depth === 2) {
          from = i;
          this.startLine = n;
          this.nameLine = n;
          this.nameText = text;
        }
      } else if (c === '}') {
        this.depth--;
        if (this.depth === 1) {
          this.parts.push(text.slice(Math.max(from, 0), i + 1));
          done({ text: this.parts.join('\n'), line: this.startLine, nameLine: this.nameLine, nameText: this.nameText });
          this.parts = [];
          from = -1;
        }
      }
    }
    if (this.depth >= 2) {
      if (/^\s*"name"\s*:/.test(text)) {
        this.nameLine = n;
        this.nameText = text;
      }
      this.parts.push(from < 0 ? text : text.slice(from));
      if (this.parts.length > MAX_OBJECT_LINES) {
        this.parts = [];
        this.depth = 1;
        return 'too-long';
      }
    }
    return undefined;
  }
}
