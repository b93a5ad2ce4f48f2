// Fast streaming line reader: big captures (a 1M-line lsof, a multi-GB strace) are read in
// chunks and handed over one line at a time; nothing holds the whole file, and no line is held
// past MAX_LINE_BYTES.
import { closeSync, openSync, read, readSync } from 'node:fs';

/**
 * A line is cut after this many bytes, and the rest of it (up to its newline) is skipped: a 1 GB
 * line, or gigabytes of NUL bytes with no newline, never grow the reader's buffers past it.
 * strace lines with `-s 65535` stay well under it.
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export interface ReadStats {
  lines: number;
  bytes: number;
  crlf: number;
  /** NUL bytes or invalid text: the entry is probably binary. */
  binaryHint: boolean;
  /** The last line had no newline (a capture cut off mid-line, or just a missing final newline). */
  noFinalNewline: boolean;
  /** Lines cut at the line cap, and the number of the first (0: none). */
  cutLines: number;
  firstCutLine: number;
}

const LF = 10;
const NUL = 0;

/**
 * Calls `onLine(text, lineNumber)` for every line of the byte range [start, end) of a file.
 * Line numbers start at `firstLine`. CR before LF is dropped.
 *
 * Each chunk is decoded once and cut into lines with indexOf: one big decode plus substrings is
 * several times faster than decoding every line on its own, and makes far less garbage.
 */
export async function readLines(
  path: string,
  onLine: (text: string, line: number) => void,
  opts: { start?: number; end?: number; firstLine?: number } = {},
): Promise<ReadStats> {
  return readLineChunks(
    path,
    (buf, from, to, firstLine, stats) => {
      const text = (buf as Buffer).toString('utf8', from, to);
      let n = firstLine;
      for (let pos = 0; pos < text.length; n++) {
        let nl = text.indexOf('\n', pos);
        if (nl === -1) nl = text.length;
        let stop = nl;
        if (stop > pos && text.charCodeAt(stop - 1) === 13) {
          stop--;
          stats.crlf++;
        }
        onLine(text.slice(pos, stop), n);
        pos = nl + 1;
      }
      stats.lines += n - firstLine;
    },
    opts,
  );
}

/**
 * Like readLines, but hands out byte ranges: no string is made unless the consumer decodes one.
 * `start`/`end` read only the bytes [start, end) of the file (a range cut at newlines reads as a
 * file of its own).
 */
export async function readLineBytes(
  path: string,
  onLine: (buf: Uint8Array, start: number, end: number, line: number) => void,
  opts: { firstLine?: number; start?: number; end?: number } = {},
): Promise<ReadStats> {
  return readLineChunks(
    path,
    (buf, from, to, firstLine, stats) => {
      let n = firstLine;
      for (let pos = from; pos < to; n++) {
        let nl = buf.indexOf(LF, pos);
        if (nl === -1 || nl >= to) nl = to;
        let stop = nl;
        if (stop > pos && buf[stop - 1] === 13) {
          stop--;
          stats.crlf++;
        }
        onLine(buf, pos, stop, n);
        pos = nl + 1;
      }
      stats.lines += n - firstLine;
    },
    opts,
  );
}

/**
 * The chunk consumer of readLineChunks: buf[from, to) holds whole lines, each ended by LF except
 * the last one when it has none (the end of the file, or a line cut at the cap). It reads them,
 * numbering from `firstLine`, drops a CR before each LF, and adds the lines and CRs it saw to
 * `stats.lines` and `stats.crlf`.
 */
export type LineChunkFn = (buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats) => void;

/**
 * The reader under readLines and readLineBytes, for consumers that walk the lines of a chunk in a
 * loop of their own (the strace sink: a call per line costs more than the lines it skips). Reads
 * into two reused buffers (no chunk allocation, no promise per line): while onChunk reads the
 * lines of one, the next bytes of the file are read into the other on libuv's thread pool, so the
 * kernel's copy overlaps the consumer's work. A line longer than a buffer grows them, up to
 * `maxLineBytes` (MAX_LINE_BYTES): past it the line is handed over cut and the rest of it skipped.
 * `buffers`: the two to start with (1 MB each). onChunk must not keep `buf`: it is read into again.
 */
export async function readLineChunks(
  path: string,
  onChunk: LineChunkFn,
  opts: { firstLine?: number; start?: number; end?: number; buffers?: [Buffer, Buffer]; maxLineBytes?: number } = {},
): Promise<ReadStats> {
  const stats: ReadStats = { lines: 0, bytes: 0, crlf: 0, binaryHint: false, noFinalNewline: false, cutLines: 0, firstCutLine: 0 };
  const max = opts.maxLineBytes ?? MAX_LINE_BYTES;
  const firstLine = opts.firstLine ?? 1;
  let pos = opts.start ?? 0;
  const stop = opts.end ?? Infinity;
  const fd = openSync(path, 'r');
  let ahead: Promise<number> | null = null;
  try {
    let [buf, spare] = opts.buffers ?? [Buffer.allocUnsafe(1 << 20), Buffer.allocUnsafe(1 << 20)];
    // buf[0, len) holds the start of a line not yet ended; buf[len, end) the bytes just read.
    let len = 0;
    /** Dropping the rest of a line cut at the cap, up to its newline. */
    let skipping = false;
    const readInto = (b: Buffer, at: number): number => {
      const want = Math.min(b.length - at, stop - pos);
      return want <= 0 ? 0 : readSync(fd, b, at, want, pos);
    };
    let read = readInto(buf, 0);
    for (;;) {
      pos += read;
      if (read === 0) break;
      let end = len + read;
      stats.bytes += read;
      if (!stats.binaryHint) {
        const z = buf.indexOf(NUL, len);
        if (z !== -1 && z < end) stats.binaryHint = true;
      }
      if (skipping) {
        const nl = buf.indexOf(LF);
        if (nl === -1 || nl >= end) {
          read = readInto(buf, 0);
          continue;
        }
        skipping = false;
        buf.copy(buf, 0, nl + 1, end);
        end -= nl + 1;
      }
      const last = end === 0 ? -1 : buf.lastIndexOf(LF, end - 1);
      if (last < len) {
        // No line ends in what was read: the line is cut at the cap, or read on into the same buffer.
        if (end >= max) {
          stats.cutLines++;
          if (stats.firstCutLine === 0) stats.firstCutLine = firstLine + stats.lines;
          onChunk(buf, 0, max, firstLine + stats.lines, stats);
          skipping = true;
          len = 0;
          read = readInto(buf, 0);
          continue;
        }
        if (end === buf.length) {
          const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max));
          buf.copy(bigger, 0, 0, end);
          buf = bigger;
          spare = Buffer.allocUnsafe(bigger.length);
        }
        len = end;
        read = readInto(buf, len);
        continue;
      }
      // The rest of a line not ended goes to the front of the spare buffer, the next bytes after it.
      const rest = end - last - 1;
      const want = Math.min(spare.length - rest, stop - pos);
      ahead = want <= 0 ? null : readAhead(fd, spare, rest, want, pos);
      onChunk(buf, 0, last + 1, firstLine + stats.lines, stats);
      buf.copy(spare, 0, last + 1, end);
      read = ahead === null ? 0 : await ahead;
      ahead = null;
      [buf, spare] = [spare, buf];
      len = rest;
    }
    if (skipping) stats.noFinalNewline = true;
    else if (len > 0) {
      stats.noFinalNewline = true;
      onChunk(buf, 0, len, firstLine + stats.lines, stats);
    }
  } finally {
    // A read still under way (onChunk threw) must end before its fd is closed.
    if (ahead !== null) await ahead.catch(() => 0);
    closeSync(fd);
  }
  return stats;
}

function readAhead(fd: number, buf: Buffer, at: number, want: number, pos: number): Promise<number> {
  return new Promise((done, fail) => read(fd, buf, at, want, pos, (err, n) => (err ? fail(err) : done(n))));
}

/** Splits text into lines the way the bundle reader does: LF or CRLF, no trailing empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
