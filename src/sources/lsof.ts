// lsof's default column output, with or without a header (`lsof | grep sock`):
//   COMMAND    PID  TID TASKCMD   USER   FD      TYPE  DEVICE SIZE/OFF    NODE NAME
//   python3   9440                root    3u     sock     0,9      0t0   43315 protocol: TCP
//   python3   9440 9441 VM\x20Thr root    3u     sock     0,9      0t0   43315 protocol: TCP
//   java    25204 nemo *516u  sock   0,6   0t0 215137625 can't identify protocol
// lsof sizes every column over the whole output before printing, so with a header each row's
// fields sit at fixed places: PID, TID, USER, FD (the fd digits; mode and lock follow), TYPE,
// DEVICE, SIZE/OFF and NODE end where their header label ends; NAME starts under its label.
// That lets a row be read with charCodeAt and no split: a 1M-line host capture must parse
// faster than `awk '{print $2}' | sort | uniq -c` runs on it. Rows that do not fit the header
// (pasted with squeezed spaces, no header at all) are split into words instead.
import type { FdKind, FdTableArtifact, TcpState } from './artifacts.js';
import { ref } from '../types.js';
import { type LineSink, type ParseContext, type SourceParser } from './parser.js';
import { ipKind, isElision, lsofKind, lsofTcpState } from './fd-kind.js';
import { FdHolderTable } from './fd-holders.js';

const SPACE = 32;
const STAR = 42;
const ZERO = 48;
const NINE = 57;
/** The place of a 15th digit: pids and fds have at most 15 (exact as numbers; see numbers.ts). */
const MAX_PLACE = 1e14;

/** A data row: COMMAND PID [TID TASKCMD] USER FD TYPE ... (detection and the word-split path). */
const ROW =
  /^\S+\s+\d+\s+(?:\d+\s+\S+\s+)?\S+\s+(?:\*?\d+[rwu-]?[a-zA-Z]?|cwd|rtd|txt|mem|DEL|NOFD|mmap|ltx|jld|pd|tr|v86|Mxx|err|unk)\s+(?:REG|DIR|CHR|BLK|FIFO|PIPE|LINK|sock|unix|IPv4|IPv6|a_inode|netlink|pack|raw6?|unknown|sctp|icmp6?|ax25)(?:\s|$)/;
/** What lsof prints to stderr, often captured with 2>&1. */
const LSOF_MESSAGE = /^lsof: |^\s+Output information may be incomplete\.|^\s+assuming "dev=/;
const FD_WORD = /^(\*?)(\d{1,15})([rwu-]?)(.?)$/;
const NON_FD_WORD = /^(cwd|rtd|txt|mem|DEL|NOFD|mmap|ltx|jld|pd|tr|v86|Mxx|m86|err|unk|L\d\d)$/;
/** DEVICE, SIZE/OFF and NODE values, to find where NAME starts in a row without a header. */
const MIDDLE_WORD = /^(\d+,\d+|0x[0-9a-f]+|0t\d+|\d+|TCP|UDP|UDPLITE|SCTP|RAW|ICMP|STR)$/;

/** Where a header says each field is. -1: the column is absent. */
interface Layout {
  pidEnd: number;
  tidEnd: number;
  userEnd: number;
  fdEnd: number;
  typeEnd: number;
  nodeEnd: number;
  nameStart: number;
}

/** `COMMAND PID ... FD TYPE ... NAME`, read as words (two `.*` in one pattern go quadratic on a long line). */
export function isHeader(text: string): boolean {
  if (!text.startsWith('COMMAND')) return false;
  const words = text.trimEnd().split(/\s+/);
  if (words[0] !== 'COMMAND' || words[1] !== 'PID' || !words[words.length - 1].endsWith('NAME')) return false;
  for (let i = 2; i + 2 < words.length; i++) if (words[i] === 'FD' && words[i + 1] === 'TYPE') return true;
  return false;
}

export function layoutOf(header: string): Layout | undefined {
  const ends = new Map<string, number>();
  const starts = new Map<string, number>();
  for (const m of header.matchAll(/\S+/g)) {
    starts.set(m[0], m.index!);
    ends.set(m[0], m.index! + m[0].length);
  }
  const pidEnd = ends.get('PID');
  const fdEnd = ends.get('FD');
  const typeEnd = ends.get('TYPE');
  const nameStart = starts.get('NAME');
  if (pidEnd === undefined || fdEnd === undefined || typeEnd === undefined || nameStart === undefined) return undefined;
  if (!(pidEnd < fdEnd && fdEnd < typeEnd && typeEnd < nameStart)) return undefined;
  return {
    pidEnd,
    tidEnd: ends.get('TID') ?? -1,
    userEnd: ends.get('USER') ?? -1,
    fdEnd,
    typeEnd,
    nodeEnd: ends.get('NODE') ?? -1,
    nameStart,
  };
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Start of the word that ends at `end` (exclusive). */
function wordStart(line: string, end: number): number {
  let i = end;
  while (i > 0 && line.charCodeAt(i - 1) !== SPACE) i--;
  return i;
}

export const lsof: SourceParser<FdTableArtifact> = {
  id: 'lsof',
  title: 'Open files per process (lsof)',
  detect({ head, command }) {
    const nonBlank = head.filter((l) => l.trim() !== '');
    const lines = nonBlank.filter((l) => !LSOF_MESSAGE.test(l));
    // `lsof -b ... 2>&1` can open with a screenful of lsof's own messages before the header.
    if (lines.length === 0) return nonBlank.some((l) => l.startsWith('lsof: ')) ? 0.7 : 0;
    if (lines.some(isHeader)) return 0.95;
    const rows = lines.filter((l) => ROW.test(l)).length;
    if (rows === 0 || rows < lines.length * 0.6) return 0;
    return command && /\blsof\b/.test(command) && !/\s-F/.test(command) ? 0.9 : 0.8;
  },
  sink(ctx): LsofSink {
    return new LsofSink(ctx);
  },
};

export class LsofSink implements LineSink<FdTableArtifact> {
  private readonly table: FdHolderTable;
  private readonly out: FdTableArtifact = { records: 0, tool: 'lsof', hasHeader: false, hasTidColumn: false, truncated: false, rows: 0, holders: [] };
  private layout: Layout | undefined;
  /** Interned TYPE: most rows repeat the previous row's TYPE, so compare instead of slicing. */
  private lastType = '';
  /** A row that stops early: a cut-off end of output if nothing follows it. */
  private pendingCut: number | undefined;
  private warnedMessage = false;
  private readonly typeBytes: Uint8Array[] = [];
  private readonly typeNames = new Map<Uint8Array, string>();

  constructor(private readonly ctx: ParseContext) {
    this.table = new FdHolderTable(ctx.file);
  }

  line(text: string, n: number): void {
    if (text.length === 0) return;
    if (this.pendingCut !== undefined) {
      this.ctx.warn(this.pendingCut, 'lsof row stops before its NAME column');
      this.pendingCut = undefined;
    }
    const c0 = text.charCodeAt(0);
    if (c0 === 67 /* C */ && isHeader(text)) return this.header(text, n);
    if (c0 === 108 /* l */ || c0 === SPACE) {
      if (LSOF_MESSAGE.test(text)) return this.lsofMessage(text, n);
      if (c0 === SPACE && text.trim() === '') return;
    }
    if (c0 === 61 /* = */ && /^=+$/.test(text)) return; // lsof -r repeat marker
    if (isElision(text)) {
      this.out.elided = true;
      return;
    }
    if (this.layout !== undefined && this.byColumns(text, n)) return;
    this.byWords(text, n);
  }

  end(): FdTableArtifact {
    const out = this.out;
    if (this.pendingCut !== undefined) {
      out.truncated = true;
      this.ctx.warn(this.pendingCut, 'the output stops in the middle of a row (cut off, e.g. by head)');
    }
    out.holders = this.table.holders();
    out.records = out.rows;
    if (out.rows === 0) this.ctx.warn(undefined, 'no lsof rows found');
    return out;
  }

  /**
   * line() from the bytes of one line (CR and LF removed), for readers that can hand bytes over:
   * the rows that make a capture big (per-thread repeats, mem rows, the leaked sockets past the
   * first samples) are counted without ever becoming a string. Everything else is decoded and
   * goes through line(). Offsets equal the header's only while the row is ASCII before NAME;
   * a row that does not fit is decoded, so a UTF-8 command name is still read right.
   */
  bytes(buf: Uint8Array, start: number, end: number, n: number): void {
    this.lineBytes(buf, start, end, n);
  }

  lineBytes(buf: Uint8Array, start: number, end: number, n: number): void {
    const L = this.layout;
    if (L === undefined || this.pendingCut !== undefined || end - start < L.nameStart) return this.decoded(buf, start, end, n);
    const pidEnd = start + L.pidEnd;
    if (buf[pidEnd] !== SPACE || !isDigit(buf[pidEnd - 1])) return this.decoded(buf, start, end, n);
    let pid = 0;
    let mul = 1;
    let i = pidEnd - 1;
    for (; i > start; i--) {
      const c = buf[i];
      if (!isDigit(c)) break;
      if (mul > MAX_PLACE) return this.decoded(buf, start, end, n);
      pid += (c - ZERO) * mul;
      mul *= 10;
    }
    if (buf[i] !== SPACE) return this.decoded(buf, start, end, n);
    const h = this.table.find(pid);
    if (h === undefined) return this.decoded(buf, start, end, n); // a process's first row: read as text
    if (L.tidEnd > 0 && isDigit(buf[start + L.tidEnd - 1])) {
      if (this.table.threadRowIsFd(h)) return this.decoded(buf, start, end, n);
      this.out.rows++;
      let tid = 0;
      let m = 1;
      for (let k = start + L.tidEnd - 1; k > pidEnd && isDigit(buf[k]); k--, m *= 10) tid += (buf[k] - ZERO) * m;
      this.table.threadRow(h, tid);
      return;
    }
    const typeEnd = start + L.typeEnd;
    if (buf[typeEnd] !== SPACE || buf[typeEnd - 1] === SPACE) return this.decoded(buf, start, end, n);
    const fdEnd = start + L.fdEnd;
    if (!isDigit(buf[fdEnd - 1])) {
      this.out.rows++;
      this.table.otherRow(h);
      return;
    }
    if (this.table.wantsEntry(h)) return this.decoded(buf, start, end, n);
    let fd = 0;
    mul = 1;
    let j = fdEnd - 1;
    for (; j > i; j--) {
      const c = buf[j];
      if (!isDigit(c)) break;
      if (mul > MAX_PLACE) return this.decoded(buf, start, end, n);
      fd += (c - ZERO) * mul;
      mul *= 10;
    }
    const type = this.typeOfBytes(buf, typeEnd);
    // IP sockets need NODE and the state from NAME: read those rows as text.
    if (type === 'IPv4' || type === 'IPv6') return this.decoded(buf, start, end, n);
    const kind = type === 'REG' ? (endsWith(buf, end, DELETED) ? 'deleted-file' : 'file') : lsofKind(type, '', '');
    if (
      (kind === 'socket-unconnected' && !this.table.samplesFull(h.samples.unidentified)) ||
      (kind === 'deleted-file' && !this.table.samplesFull(h.samples.deleted))
    ) {
      return this.decoded(buf, start, end, n);
    }
    this.out.rows++;
    this.table.fd(h, kind, type, fd, undefined, n, '', buf[j] === STAR);
  }

  private decoded(buf: Uint8Array, start: number, end: number, n: number): void {
    this.line(DECODER.decode(buf.subarray(start, end)), n);
  }

  /** TYPE ending at `end`, compared against the types seen so far (a few dozen at most). */
  private typeOfBytes(buf: Uint8Array, end: number): string {
    let s = end;
    while (buf[s - 1] !== SPACE) s--;
    const len = end - s;
    next: for (const t of this.typeBytes) {
      if (t.length !== len) continue;
      for (let k = 0; k < len; k++) if (t[k] !== buf[s + k]) continue next;
      return this.typeNames.get(t)!;
    }
    const name = DECODER.decode(buf.subarray(s, end));
    if (this.typeBytes.length < 64) {
      const copy = buf.slice(s, end);
      this.typeBytes.push(copy);
      this.typeNames.set(copy, name);
    }
    return name;
  }

  private header(text: string, n: number): void {
    const layout = layoutOf(text);
    if (!layout) {
      this.ctx.warn(n, 'lsof header with columns this parser does not know; reading rows word by word');
      this.layout = undefined;
      return;
    }
    this.layout = layout;
    if (!this.out.hasHeader) this.out.header = ref(this.ctx.file, n, text);
    this.out.hasHeader = true;
    if (layout.tidEnd >= 0) this.out.hasTidColumn = true;
  }

  private lsofMessage(text: string, n: number): void {
    // "Output information may be incomplete" follows every WARNING line: say it once.
    if (/^lsof: WARNING/.test(text) && !this.warnedMessage) {
      this.warnedMessage = true;
      this.ctx.warn(n, `lsof says its output may be incomplete: ${text.slice(0, 120)}`);
    }
  }

  /** The fast path: fields at the header's positions. False when the row does not fit them. */
  private byColumns(line: string, n: number): boolean {
    const L = this.layout!;
    if (line.charCodeAt(L.pidEnd) !== SPACE || !isDigit(line.charCodeAt(L.pidEnd - 1))) return false;
    if (line.length < L.nameStart) {
      this.pendingCut = n;
      return true;
    }
    if (line.charCodeAt(L.typeEnd) !== SPACE || line.charCodeAt(L.typeEnd - 1) === SPACE) return false;
    let pid = 0;
    let mul = 1;
    let i = L.pidEnd - 1;
    for (; i >= 0; i--) {
      const c = line.charCodeAt(i);
      if (!isDigit(c)) break;
      if (mul > MAX_PLACE) return false;
      pid += (c - ZERO) * mul;
      mul *= 10;
    }
    if (i < 1 || line.charCodeAt(i) !== SPACE) return false;
    const pidStart = i + 1;
    let h = this.table.find(pid);
    if (h === undefined) {
      const user = L.userEnd > 0 ? line.slice(wordStart(line, L.userEnd), L.userEnd) : undefined;
      h = this.table.add(pid, line.slice(0, pidStart).trimEnd(), user, n, line);
    }
    this.out.rows++;
    const tid = L.tidEnd > 0 && isDigit(line.charCodeAt(L.tidEnd - 1)) ? Number(line.slice(wordStart(line, L.tidEnd), L.tidEnd)) : -1;
    if (tid >= 0 && !this.table.threadRowIsFd(h)) {
      this.table.threadRow(h, tid);
      return true;
    }
    // FD: digits (or cwd, txt, mem ...) end at fdEnd; access mode and lock character follow.
    const fdEnd = L.fdEnd;
    if (!isDigit(line.charCodeAt(fdEnd - 1))) {
      if (tid >= 0) this.table.threadRow(h, tid);
      else this.table.otherRow(h);
      return true;
    }
    let fd = 0;
    mul = 1;
    let j = fdEnd - 1;
    for (; j > pidStart; j--) {
      const c = line.charCodeAt(j);
      if (!isDigit(c)) break;
      if (mul > MAX_PLACE) return false;
      fd += (c - ZERO) * mul;
      mul *= 10;
    }
    const cutFd = line.charCodeAt(j) === STAR;
    const type = this.typeAt(line, L.typeEnd);
    let node = '';
    if ((type === 'IPv4' || type === 'IPv6') && L.nodeEnd > 0) node = line.slice(wordStart(line, L.nodeEnd), L.nodeEnd);
    // Only NAME decides between file and deleted-file, and it is the end of the line.
    const kind = lsofKind(type, node, type === 'REG' ? line : '');
    const state = kind === 'socket-tcp' ? lsofTcpState(line) : undefined;
    if (tid >= 0) {
      if (!this.table.threadFd(h, tid, line.slice(j, fdEnd), kind, type, fd, state, n, line, cutFd)) return true;
    } else this.table.fd(h, kind, type, fd, state, n, line, cutFd);
    if (this.table.wantsEntry(h)) {
      const mode = line.charCodeAt(fdEnd) === SPACE ? undefined : line[fdEnd];
      this.table.entry(h, line.slice(cutFd ? j : j + 1, fdEnd), kind, type, this.nameOf(line, L.nameStart), mode, state, n);
    }
    return true;
  }

  private typeAt(line: string, end: number): string {
    const t = this.lastType;
    const start = end - t.length;
    if (t.length > 0 && line.charCodeAt(start - 1) === SPACE && line.startsWith(t, start)) return t;
    this.lastType = line.slice(wordStart(line, end), end);
    return this.lastType;
  }

  private nameOf(line: string, start: number): string {
    return start < line.length ? line.slice(start) : '';
  }

  /** Rows without a usable header: split into words and find FD by its shape. */
  private byWords(line: string, n: number): void {
    const words: { w: string; at: number }[] = [];
    for (const m of line.matchAll(/\S+/g)) words.push({ w: m[0], at: m.index! });
    const fdAt = fdWordIndex(words.map((x) => x.w));
    if (fdAt < 0 || words.length < fdAt + 2) {
      if (ROW_START.test(line)) this.pendingCut = n;
      else this.ctx.warn(n, `not an lsof row: ${line.slice(0, 80)}`);
      return;
    }
    const pid = Number(words[1].w);
    const tid = fdAt === 5 ? words[2].w : undefined;
    const user = words[fdAt - 1].w;
    let h = this.table.find(pid);
    if (h === undefined) h = this.table.add(pid, words[0].w, user, n, line);
    this.out.rows++;
    if (tid !== undefined) this.out.hasTidColumn = true;
    if (tid !== undefined && !this.table.threadRowIsFd(h)) {
      this.table.threadRow(h, Number(tid));
      return;
    }
    const fdWord = words[fdAt].w;
    const fdm = FD_WORD.exec(fdWord);
    if (!fdm) {
      if (tid !== undefined) this.table.threadRow(h, Number(tid));
      else this.table.otherRow(h);
      return;
    }
    const type = words[fdAt + 1].w;
    let k = fdAt + 2;
    const middle: string[] = [];
    while (k < words.length && middle.length < 3 && MIDDLE_WORD.test(words[k].w)) middle.push(words[k++].w);
    const name = k < words.length ? line.slice(words[k].at) : '';
    const node = middle.length > 0 ? middle[middle.length - 1] : '';
    const kind: FdKind = type === 'IPv4' || type === 'IPv6' ? ipKind(node) : lsofKind(type, node, name);
    const state: TcpState | undefined = kind === 'socket-tcp' ? lsofTcpState(name) : undefined;
    const cutFd = fdm[1] === '*';
    if (tid !== undefined) {
      if (!this.table.threadFd(h, Number(tid), fdm[1] + fdm[2], kind, type, Number(fdm[2]), state, n, line, cutFd)) return;
    } else this.table.fd(h, kind, type, Number(fdm[2]), state, n, line, cutFd);
    if (this.table.wantsEntry(h)) this.table.entry(h, fdm[1] + fdm[2], kind, type, name, fdm[3] || undefined, state, n);
  }
}

const ROW_START = /^\S+\s+\d+\s/;
const DECODER = new TextDecoder();
const DELETED = new TextEncoder().encode(' (deleted)');

function endsWith(buf: Uint8Array, end: number, tail: Uint8Array): boolean {
  const from = end - tail.length;
  if (from < 0) return false;
  for (let k = 0; k < tail.length; k++) if (buf[from + k] !== tail[k]) return false;
  return true;
}

/** Index of the FD word: 3 (COMMAND PID USER FD) or 5 (with TID TASKCMD); -1 when neither fits. */
function fdWordIndex(words: string[]): number {
  if (words.length < 4 || !/^\d{1,15}$/.test(words[1])) return -1;
  if (isFdWord(words[3])) return 3;
  if (words.length >= 6 && /^\d{1,15}$/.test(words[2]) && isFdWord(words[5])) return 5;
  return -1;
}

function isFdWord(w: string): boolean {
  return FD_WORD.test(w) || NON_FD_WORD.test(w);
}
