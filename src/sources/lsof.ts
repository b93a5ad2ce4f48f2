// lsof's default column output, with or without a header (`lsof | grep sock`):
//   COMMAND    PID  TID TASKCMD   USER   FD      TYPE  DEVICE SIZE/OFF    NODE NAME
//   python3   9440                root    3u     sock     0,9      0t0   43315 protocol: TCP
//   python3   9440 9441 VM\x20Thr root    3u     sock     0,9      0t0   43315 protocol: TCP
//   java    25204 nemo *516u  sock   0,6   0t0 215137625 can't identify protocol
// With a header, each row's fields sit at the places it names (lsof-header.ts). Rows that do not fit the header (pasted with squeezed spaces, no header at all) are split into
// words instead. Both ways read the row's bytes: a whole host's lsof is a million rows, and a row
// becomes a string only where it is quoted. A line handed over as text is encoded and read the same.
import type { FdHolder, FdKind, FdTableArtifact, TcpState } from './artifacts.js';
import { ref } from '../types.js';
import type { LineSink, ParseContext, SourceParser } from './parser.js';
import { isElision, isLsofType, lsofKind } from './fd-kind.js';
import { FdHolderTable, emptyFdTable, MAX_NAME_CHARS } from './fd-holders.js';
import { NO_MODE } from './fd-entries.js';
import { type Layout, isHeader, lacksCommand, layoutOf, UniqCounts, withoutUniqCounts } from './lsof-header.js';
import { BY_NAME, rowKind, startsWith, type TypeInfo } from './lsof-row-kind.js';
import { HeldFiles, addCopy, heldFileKey } from './deleted-bytes.js';
import { tallyLeakCheck } from './leak-check-report.js';
import { cutRowReason } from './lsof-cut-rows.js';
import { inetInode, nodeOf, numberEndingAt, shortWord, sizeOf, wordStart } from './lsof-row-values.js';
import {
  bsdSocketRow,
  RowWords,
  SPACE,
  ascii,
  digitsValue,
  equalsAt,
  isDigit,
  isDigits,
  isMiddleWord,
  isNonFdWord,
  isSentenceLine,
  matchFdWord,
  tcpStateOf,
  type FdWord,
} from './lsof-words.js';

const STAR = 42;

/**
 * A data row: COMMAND PID [TID [TASKCMD]] [USER] FD TYPE ... (detection; USER blank in a paste that took it out; lsof 4.87-4.89 print TID without TASKCMD; old lsof prints an anonymous inode's TYPE as `0000`).
 * USER is a login name or a uid, never with a comma: a script's own count line (nft-blacklist's
 * `Found: 43226 IPv4, 71 IPv6`, leshniak/nft-blacklist#2) is no row of process 43226.
 */
const ROW =
  /^\S+\s+\d+\s+(?:\d+\s+(?:\S+\s+)?)?(?:[^\s,]+\s+)?(?:\*?\d+[rwu-]?[a-zA-Z]?|cwd|rtd|txt|mem|DEL|NOFD|mmap|ltx|jld|pd|tr|v86|Mxx|err|unk)\s+(?:REG|DIR|CHR|BLK|FIFO|PIPE|LINK|sock|unix|IPv4|IPv6|a_inode|netlink|pack|raw6?|unknown|sctp|icmp6?|ax25|0000|KQUEUE|PSXSEM|PSXSHM|NPOLICY|systm)(?:\s|$)/;
/** What lsof prints to stderr, often captured with 2>&1. */
const LSOF_MESSAGE = /^lsof: |^\s+Output information may be incomplete\.|^\s+assuming "dev=/;

export const lsof: SourceParser<FdTableArtifact> = {
  id: 'lsof',
  title: 'Open files per process (lsof)',
  detect({ head, command }) {
    const kept = head.filter((l) => l.trim() !== '' && !isElision(l));
    const nonBlank = withoutUniqCounts(kept);
    // lsof's own lines behind uniq's counts: its listing, not a tally of words (count-table's).
    if (nonBlank !== kept && nonBlank.every(isListingLine)) return 0.97;
    const lines = nonBlank.filter((l) => !LSOF_MESSAGE.test(l));
    // `lsof -b ... 2>&1` can open with a screenful of lsof's own messages before the header.
    if (lines.length === 0) return nonBlank.some((l) => l.startsWith('lsof: ')) ? 0.7 : 0;
    if (lines.some(isHeader)) return 0.95;
    const rows = lines.filter((l) => ROW.test(l)).length;
    if (rows === 0) return 0;
    // A row a writer quoted in a paragraph of prose (an issue's text, unfenced): weak.
    if (rows < lines.length * 0.6) return lines.every((l) => ROW.test(l) || isSentenceLine(l)) ? 0.3 : 0;
    return command && /\blsof\b/.test(command) && !/\s-F/.test(command) ? 0.9 : 0.8;
  },
  sink(ctx): LsofSink {
    return new LsofSink(ctx);
  },
};

/** Whether `text` is an lsof header or row (the line uniq's count stood before). */
function isListingLine(text: string): boolean {
  return isHeader(text) || ROW.test(text);
}

/** The fields of an fd row, as either way of reading a row finds them (reused from row to row). */
interface FdRow {
  fd: number;
  /** `*NNN`: lsof printed the last three digits of an fd >= 10000. */
  cut: boolean;
  /** The fd as printed ([fdFrom, fdTo): the digits, with the `*`). */
  fdFrom: number;
  fdTo: number;
  /** The access mode character (r, w, u ...) as a byte, -1 when none. */
  mode: number;
  type: TypeInfo;
  kind: FdKind;
  state: TcpState | undefined;
  nameFrom: number;
  /** A deleted file's size in bytes (SIZE/OFF); -1 when it is an offset (`0t…`) or not shown. */
  size: number;
  /** A pipe's or a unix socket's inode (NODE); -1 for any other row. */
  node: number;
  /** An internet socket's inode (DEVICE); -1 for any other row. */
  inode: number;
  /** A deleted file's inode and name (deleted-bytes.ts), when its size counts. */
  fileKey: string | null;
}

const MAX_TYPES = 64;
const COMMAND = ascii('COMMAND');
const PID = ascii('PID');

/** A row of a table that lost its COMMAND column, given a stand-in one (`? `) so it reads as any other row. */
const NO_COMMAND_ROW = {
  buf: Buffer.allocUnsafe(1024),
  withCommand(row: Buffer, s: number, e: number): Buffer {
    if (this.buf.length < e - s + 2) this.buf = Buffer.allocUnsafe((e - s + 2) * 2);
    this.buf[0] = 63; // ?
    this.buf[1] = SPACE;
    row.copy(this.buf, 2, s, e);
    return this.buf;
  },
};
const LSOF_COLON = ascii('lsof: ');

export class LsofSink implements LineSink<FdTableArtifact> {
  private readonly table: FdHolderTable;
  private readonly out: FdTableArtifact = emptyFdTable('lsof');
  private layout: Layout | undefined;
  /** The header lost its COMMAND column: rows start with the pid (read by words, command unknown). */
  private noCommand = false;
  /** A row that stops early: a cut-off end of output if nothing follows it. */
  private pendingCut: number | undefined;
  private warnedMessage = false;
  /** Processes whose first internet socket row was looked at for a BSD DEVICE (bsdSocketRow). */
  private readonly inetSeen = new WeakSet<FdHolder>();
  /** The TYPEs seen so far (a few dozen at most): the last one first, as rows repeat it. */
  private readonly types: TypeInfo[] = [];
  private readonly modes = new Int32Array(128).fill(-1);
  private readonly words = new RowWords();
  private readonly fdWord: FdWord = { star: false, digitsFrom: 0, digitsTo: 0, mode: 0 };
  private readonly held = new HeldFiles();
  private readonly row: FdRow = {
    fd: 0,
    cut: false,
    fdFrom: 0,
    fdTo: 0,
    mode: -1,
    type: undefined!,
    kind: 'other',
    state: undefined,
    nameFrom: 0,
    inode: -1,
    size: -1,
    node: -1,
    fileKey: null,
  };
  /** Where a line handed over as text is encoded. */
  private scratch = Buffer.allocUnsafe(1024);
  /** The count `uniq -c` put before every line, if it did (`lsof -p 6845 | uniq -c`). */
  private readonly counts = new UniqCounts(isListingLine);

  constructor(private readonly ctx: ParseContext) {
    this.table = new FdHolderTable(ctx.file);
  }

  line(text: string, n: number): void {
    const skip = this.counts.before(text);
    if (skip > 0) text = text.slice(skip);
    if (text.length === 0) return;
    this.flushCut();
    if (this.special(text, n)) return;
    if (this.scratch.length < text.length * 3) this.scratch = Buffer.allocUnsafe(text.length * 3);
    const end = this.scratch.write(text, 0);
    this.cutRow(this.scratch, 0, end, n);
    this.read(this.scratch, 0, end, n);
  }

  /** line() from the bytes of one line (CR and LF removed): a row is decoded only where it is quoted. */
  bytes(buf: Uint8Array, start: number, end: number, n: number): void {
    if (this.counts.maybe() && start < end) {
      const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
      start += this.counts.before(b.toString('utf8', start, this.counts.told() ? Math.min(end, start + 9) : end));
    }
    if (start === end) return;
    this.flushCut();
    const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (maybeSpecial(b, start, end) && this.special(b.toString('utf8', start, end), n)) return;
    this.cutRow(b, start, end, n);
    this.read(b, start, end, n);
  }

  /** A row cut as it was pasted (lsof-cut-rows.ts): the table goes on past it, the listing is an excerpt. */
  private cutRow(b: Buffer, start: number, end: number, n: number): void {
    const why = cutRowReason(b, start, end);
    if (why === undefined) return;
    if (!this.out.truncated) this.ctx.warn(n, why);
    this.out.truncated = true;
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

  private flushCut(): void {
    if (this.pendingCut === undefined) return;
    this.ctx.warn(this.pendingCut, 'lsof row stops before its NAME column');
    this.pendingCut = undefined;
  }

  /** Lines that are not rows: the header, lsof's messages, blank lines, `lsof -r` markers, elisions. */
  private special(text: string, n: number): boolean {
    const c0 = text.charCodeAt(0);
    if ((c0 === 67 /* C */ || c0 === 80) /* P */ && isHeader(text)) {
      this.header(text, n);
      return true;
    }
    if (c0 === 108 /* l */ || c0 === SPACE) {
      if (LSOF_MESSAGE.test(text)) {
        this.lsofMessage(text, n);
        return true;
      }
      if (c0 === SPACE && text.trim() === '') return true;
    }
    if (c0 === 61 /* = */ && /^=+$/.test(text)) return true; // lsof -r repeat marker
    if (isElision(text)) {
      this.out.elided = true;
      return true;
    }
    return false;
  }

  private read(buf: Buffer, s: number, e: number, n: number): void {
    if (this.noCommand) this.byWords(NO_COMMAND_ROW.withCommand(buf, s, e), 0, e - s + 2, n, 2);
    else if (this.layout === undefined || !this.byColumns(buf, s, e, n)) this.byWords(buf, s, e, n);
  }

  private header(text: string, n: number): void {
    this.noCommand = lacksCommand(text);
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

  /**
   * The row [s, e) by the header's columns, at the header's byte offsets: lsof pads its columns
   * in bytes. False when the row does not fit them (nothing is counted then).
   */
  private byColumns(buf: Buffer, s: number, e: number, n: number): boolean {
    const L = this.layout!;
    const pidEnd = s + L.pidEnd;
    if (pidEnd >= e || buf[pidEnd] !== SPACE || !isDigit(buf[pidEnd - 1])) return false;
    const typeEnd = s + L.typeEnd;
    const fitsType = typeEnd < e && buf[typeEnd] === SPACE && buf[typeEnd - 1] !== SPACE;
    if (e - s < L.nameStart) {
      // A row that fits the columns up to its TYPE yet stops before NAME was cut as pasted; one
      // whose TYPE is elsewhere is of other widths (a user name edited shorter): read by words.
      if (!fitsType && typeEnd < e) return false;
      this.pendingCut = n;
      return true;
    }
    if (!fitsType) return false;
    // PID: a word of up to 15 digits, after a COMMAND of at least one character.
    let pidStart = pidEnd - 1;
    while (pidStart > s && isDigit(buf[pidStart - 1])) pidStart--;
    if (pidStart < s + 2 || pidEnd - pidStart > 15 || buf[pidStart - 1] !== SPACE) return false;
    const pid = digitsValue(buf, pidStart, pidEnd);
    const tid = L.tidEnd > 0 ? numberEndingAt(buf, s, s + L.tidEnd) : -1;
    let h = this.table.find(pid);
    // FD: digits (or cwd, txt, mem ...) end at fdEnd; access mode and lock character follow.
    const fdEnd = s + L.fdEnd;
    const hasFd = isDigit(buf[fdEnd - 1]);
    let j = fdEnd - 1;
    while (hasFd && j > pidStart && isDigit(buf[j])) j--;
    if (fdEnd - j > 16) return false;
    if (
      tid >= 0 &&
      h !== undefined &&
      !this.table.threadRowIsFd(h) &&
      !(hasFd && this.table.threadShowsNewFd(h, fdKey(digitsValue(buf, j + 1, fdEnd), buf[j] === STAR)))
    ) {
      this.out.rows++;
      this.table.threadRow(h, tid);
      return true;
    }
    if (h === undefined) {
      const userEnd = s + L.userEnd;
      const user = L.userEnd > 0 ? buf.toString('utf8', wordStart(buf, s, userEnd), userEnd) : undefined;
      h = this.table.add(pid, buf.toString('utf8', s, pidStart).trimEnd(), user, n, buf.toString('utf8', s, e));
    }
    this.out.rows++;
    if (!hasFd) {
      if (tid >= 0) this.table.threadRow(h, tid);
      else this.table.otherRow(h);
      return true;
    }
    const r = this.row;
    r.fd = digitsValue(buf, j + 1, fdEnd);
    r.cut = buf[j] === STAR;
    r.fdFrom = r.cut ? j : j + 1;
    r.fdTo = fdEnd;
    r.mode = buf[fdEnd] === SPACE ? -1 : buf[fdEnd];
    r.type = this.typeOf(buf, wordStart(buf, s, typeEnd), typeEnd);
    r.nameFrom = s + L.nameStart;
    const nodeEnd = s + L.nodeEnd;
    r.kind = rowKind(r.type, buf, r.nameFrom, e, L.nodeEnd > 0 ? wordStart(buf, s, nodeEnd) : -1, nodeEnd);
    r.state = r.kind === 'socket-tcp' ? tcpStateOf(buf, s, e) : undefined;
    r.size = r.kind === 'deleted-file' && L.sizeEnd > 0 ? sizeOf(buf, wordStart(buf, s, s + L.sizeEnd), s + L.sizeEnd) : -1;
    r.fileKey = r.size > 0 && L.nodeEnd > 0 ? heldFileKey(buf, wordStart(buf, s, nodeEnd), nodeEnd, r.nameFrom, e) : null;
    r.inode = inetInode(r.type, buf, typeEnd, e, r.cut);
    r.node = L.nodeEnd > 0 ? nodeOf(r.kind, r.cut, buf, wordStart(buf, s, nodeEnd), nodeEnd) : -1;
    // A thread's row read as an fd is told from the others' by the FD column as printed.
    this.fdRow(h, tid, tid >= 0 ? buf.toString('latin1', j, fdEnd) : '', buf, s, e, n);
    return true;
  }

  /** Rows without a usable header: split into words, FD found by its shape. `text` from s + text (a row given a stand-in COMMAND). */
  private byWords(buf: Buffer, s: number, e: number, n: number, text = 0): void {
    const w = this.words;
    w.reset(buf, s, e);
    const fdAt = this.fdWordIndex(buf);
    if (fdAt < 0 || !w.has(fdAt + 1)) {
      const text = buf.toString('utf8', s, e);
      // A leak checker's words over the listing it printed (Go's `leaked 4 fds; want ~0; have:`).
      if (tallyLeakCheck(this.out, text, this.ctx.file, n)) return;
      // /^\S+\s+\d+\s/: the start of a row, cut before its FD and TYPE.
      if (w.has(1) && w.starts[0] === s && isDigits(buf, w.starts[1], w.ends[1]) && w.ends[1] < e) this.pendingCut = n;
      else this.ctx.warn(n, `not an lsof row: ${text.slice(0, 80)}`);
      return;
    }
    const pid = w.value(1);
    const tid = fdAt > 3 ? w.value(2) : -1;
    let h = this.table.find(pid);
    if (h === undefined) {
      const user = fdAt === 2 ? undefined : buf.toString('utf8', w.starts[fdAt - 1], w.ends[fdAt - 1]);
      // A Markdown span's backtick the paste left before the first row (rsyslog#4442: `` `rsyslogd  27896 … ``) is no part of the name.
      const command = text > 0 ? '' : buf.toString('utf8', w.starts[0], w.ends[0]).replace(/^`+/, '');
      h = this.table.add(pid, command, user, n, buf.toString('utf8', s + text, e));
    }
    this.out.rows++;
    if (tid >= 0) this.out.hasTidColumn = true;
    const f = this.fdWord;
    const isFd = matchFdWord(buf, w.starts[fdAt], w.ends[fdAt], f);
    if (
      tid >= 0 &&
      !this.table.threadRowIsFd(h) &&
      !(isFd && this.table.threadShowsNewFd(h, fdKey(digitsValue(buf, f.digitsFrom, f.digitsTo), f.star)))
    ) {
      this.table.threadRow(h, tid);
      return;
    }
    if (!isFd) {
      if (tid >= 0) this.table.threadRow(h, tid);
      else this.table.otherRow(h);
      return;
    }
    const r = this.row;
    r.fd = digitsValue(buf, f.digitsFrom, f.digitsTo);
    r.cut = f.star;
    r.fdFrom = f.star ? f.digitsFrom - 1 : f.digitsFrom;
    r.fdTo = f.digitsTo;
    r.mode = f.mode === 0 ? -1 : f.mode;
    r.type = this.typeOf(buf, w.starts[fdAt + 1], w.ends[fdAt + 1]);
    // DEVICE, SIZE/OFF and NODE, as many of them as the row prints: NAME starts after them.
    let k = fdAt + 2;
    while (k < fdAt + 5 && w.has(k) && isMiddleWord(buf, w.starts[k], w.ends[k])) k++;
    // `lsof +L1` prints NLINK too: four such words, the last the NODE, and a NAME after them.
    if (k === fdAt + 5 && w.has(k + 1) && isDigits(buf, w.starts[k], w.ends[k])) k++;
    r.nameFrom = w.has(k) ? w.starts[k] : e;
    const node = k > fdAt + 2 ? k - 1 : -1;
    r.kind = rowKind(r.type, buf, r.nameFrom, e, node >= 0 ? w.starts[node] : -1, node >= 0 ? w.ends[node] : -1);
    r.state = r.kind === 'socket-tcp' ? tcpStateOf(buf, r.nameFrom, e) : undefined;
    r.node = node >= 0 ? nodeOf(r.kind, f.star, buf, w.starts[node], w.ends[node]) : -1;
    r.inode = inetInode(r.type, buf, w.ends[fdAt + 1], e, f.star);
    // DEVICE SIZE/OFF [NLINK] NODE: the size is the second of three or more.
    r.size = r.kind === 'deleted-file' && k >= fdAt + 5 ? sizeOf(buf, w.starts[fdAt + 3], w.ends[fdAt + 3]) : -1;
    r.fileKey = r.size > 0 && node >= 0 ? heldFileKey(buf, w.starts[node], w.ends[node], r.nameFrom, e) : null;
    this.fdRow(h, tid, tid >= 0 ? buf.toString('latin1', r.fdFrom, r.fdTo) : '', buf, s + text, e, n);
  }

  /**
   * Index of the FD word: 3 (COMMAND PID USER FD), 5 (with TID TASKCMD) or 4 (with TID alone, as
   * lsof 4.87-4.89 print it); -1 when none fits.
   */
  private fdWordIndex(buf: Uint8Array): number {
    const w = this.words;
    if (!w.has(3) || !w.isCount(1)) return -1;
    if (this.isFdWord(buf, 3)) return 3;
    // USER left blank (a paste with the user name taken out): an fd number then a TYPE right after the pid.
    if (matchFdWord(buf, w.starts[2], w.ends[2], this.fdWord) && isLsofType(shortWord(buf, w.starts[3], w.ends[3]))) return 2;
    if (!w.isCount(2)) return -1;
    if (w.has(5) && this.isFdWord(buf, 5) && !this.isFdThenType(buf, 4)) return 5;
    if (w.has(4) && this.isFdWord(buf, 4)) return 4;
    return -1;
  }

  /**
   * Word k is an fd and the word after it a TYPE: the FD column is k, also when the TYPE could pass
   * for an fd (old lsof's anonymous inode `0000` after `117u`, a third number before the user —
   * `lsof -g`'s PGID, flux-core#349's `flux-brok 7007 6980 scogland  118u  0000`).
   */
  private isFdThenType(buf: Uint8Array, k: number): boolean {
    const w = this.words;
    return (
      w.has(k + 1) && matchFdWord(buf, w.starts[k], w.ends[k], this.fdWord) && isLsofType(shortWord(buf, w.starts[k + 1], w.ends[k + 1]))
    );
  }

  private isFdWord(buf: Uint8Array, k: number): boolean {
    const w = this.words;
    return matchFdWord(buf, w.starts[k], w.ends[k], this.fdWord) || isNonFdWord(buf, w.starts[k], w.ends[k]);
  }

  /**
   * The row just read (this.row) as one fd: counted, quoted if it is among the first of its kind,
   * and kept as an entry while its process has room. A thread's repeat of an fd counted already
   * (fdKey, for a thread's row read as an fd) is neither.
   */
  private fdRow(h: FdHolder, tid: number, key: string, buf: Buffer, s: number, e: number, n: number): void {
    const r = this.row;
    const text = this.table.wantsText(h, r.kind, r.state) ? buf.toString('utf8', s, e) : '';
    if (tid >= 0 && !this.table.threadRowIsFd(h)) {
      this.table.threadNewFd(h, tid, fdKey(r.fd, r.cut), r.kind, r.type.name, r.fd, r.state, n, text, r.cut);
    } else if (tid >= 0) {
      if (!this.table.threadFd(h, tid, key, r.kind, r.type.name, r.fd, r.state, n, text, r.cut)) return;
    } else {
      this.table.fd(h, r.kind, r.type.name, r.fd, r.state, n, text, r.cut);
      this.table.ownFd(h, fdKey(r.fd, r.cut));
    }
    if (r.node >= 0 && r.kind === 'pipe') this.table.pipe(h, r.fd, r.node);
    else if (r.node >= 0) this.table.unixSocket(h, r.fd, r.node);
    if (r.inode >= 0 && tid < 0) this.table.inetSocket(h, r.fd, r.inode, n, () => buf.toString('utf8', s, e));
    if ((r.type.name === 'IPv4' || r.type.name === 'IPv6') && !this.inetSeen.has(h)) {
      this.inetSeen.add(h);
      if (bsdSocketRow(r.type.name, buf.toString('latin1', s, Math.min(e, s + 512)))) h.bsdSockets = true;
    }
    if (r.size > 0 && this.held.first(h, r.fileKey)) {
      h.deletedBytes += r.size;
      addCopy(h, this.held.copyOf(h, r.fileKey));
    }
    if (!this.table.wantsEntry(h)) return;
    if (e - r.nameFrom <= MAX_NAME_CHARS) {
      h.entries.addBytes(buf, r.fdFrom, r.fdTo, r.kind, r.type.id, this.modeId(buf, r.mode, r.fdTo, e), r.nameFrom, e, r.state, n);
    } else {
      const mode = r.mode < 0 ? undefined : this.table.vocabulary.words[this.modeId(buf, r.mode, r.fdTo, e)];
      this.table.entry(
        h,
        buf.toString('utf8', r.fdFrom, r.fdTo),
        r.kind,
        r.type.name,
        buf.toString('utf8', r.nameFrom, e),
        mode,
        r.state,
        n,
      );
    }
  }

  /** The TYPE [from, to), compared against the types seen so far. */
  private typeOf(buf: Buffer, from: number, to: number): TypeInfo {
    const types = this.types;
    for (let t = 0; t < types.length; t++) {
      if (!equalsAt(buf, from, to, types[t].bytes)) continue;
      const found = types[t];
      if (t > 0) {
        types[t] = types[0];
        types[0] = found;
      }
      return found;
    }
    const name = buf.toString('utf8', from, to);
    const info: TypeInfo = {
      bytes: Uint8Array.from(buf.subarray(from, to)),
      name,
      id: this.table.vocabulary.id(name.slice(0, 64)),
      kind: lsofKind(name, '', ''),
      by: BY_NAME[name] ?? (name === 'IPv4' || name === 'IPv6' ? 'node' : 'type'),
    };
    if (types.length < MAX_TYPES) types.unshift(info);
    return info;
  }

  /** The vocabulary id of the mode character `c` at buf[at] (a UTF-8 one decoded, in a row ending at e), NO_MODE for none (-1). */
  private modeId(buf: Buffer, c: number, at: number, e: number): number {
    if (c < 0) return NO_MODE;
    if (c >= 0x80) return this.table.vocabulary.id(buf.toString('utf8', at, Math.min(at + 4, e))[0]);
    if (this.modes[c] < 0) this.modes[c] = this.table.vocabulary.id(String.fromCharCode(c));
    return this.modes[c];
  }
}

/**
 * Whether the line [s, e) may be one special() takes: it starts with whitespace, a non-ASCII
 * character, `=`, `.`, `[`, `COMMAND` or `lsof: `. Other lines are rows, read without decoding.
 */
function maybeSpecial(buf: Uint8Array, s: number, e: number): boolean {
  const b = buf[s];
  if (b === 67) return startsWith(buf, s, e, COMMAND);
  if (b === 80) return startsWith(buf, s, e, PID);
  if (b === 108) return startsWith(buf, s, e, LSOF_COLON);
  return b <= SPACE || b >= 0x80 || b === 61 || b === 46 || b === 91;
}

/** An fd's key among a process's fds: its number, or -1 - its last digits when lsof cut it (`*280`). */
function fdKey(fd: number, cut: boolean): number {
  return cut ? -1 - fd : fd;
}
