// Fast streaming line reader: big captures (a 1M-line lsof, a multi-GB strace) are read in
// chunks and handed over one line at a time; nothing holds the whole file.
import { closeSync, createReadStream, openSync, read, readSync } from 'node:fs';

export interface ReadStats {
  lines: number;
  bytes: number;
  crlf: number;
  /** NUL bytes or invalid text: the entry is probably binary. */
  binaryHint: boolean;
  /** The last line had no newline (a capture cut off mid-line, or just a missing final newline). */
  noFinalNewline: boolean;
}

const LF = 10;
const NUL = 0;

/**
 * Calls `onLine(text, lineNumber)` for every line of the byte range [start, end) of a file.
 * Line numbers start at `firstLine`. CR before LF is dropped.
 *
 * Each chunk is decoded once up to its last newline and cut into lines with indexOf: one big
 * decode plus substrings is several times faster than decoding every line on its own (a 1M-line
 * lsof: ~0.6 s → ~0.15 s) and makes far less garbage.
 */
export async function readLines(
  path: string,
  onLine: (text: string, line: number) => void,
  opts: { start?: number; end?: number; firstLine?: number } = {},
): Promise<ReadStats> {
  const stats: ReadStats = { lines: 0, bytes: 0, crlf: 0, binaryHint: false, noFinalNewline: false };
  let lineNo = opts.firstLine ?? 1;
  let carry: Buffer | null = null;
  const stream = createReadStream(path, {
    start: opts.start,
    end: opts.end === undefined ? undefined : opts.end - 1,
    highWaterMark: 1 << 20,
  });
  const emitText = (text: string) => {
    let pos = 0;
    let nl = text.indexOf('\n', pos);
    while (nl !== -1) {
      let stop = nl;
      if (stop > pos && text.charCodeAt(stop - 1) === 13) {
        stop--;
        stats.crlf++;
      }
      onLine(text.slice(pos, stop), lineNo++);
      stats.lines++;
      pos = nl + 1;
      nl = text.indexOf('\n', pos);
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    stats.bytes += chunk.length;
    if (!stats.binaryHint && chunk.indexOf(NUL) !== -1) stats.binaryHint = true;
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    const last = buf.lastIndexOf(LF);
    if (last === -1) {
      carry = Buffer.from(buf);
      continue;
    }
    // Cutting at a newline never splits a UTF-8 sequence.
    emitText(buf.toString('utf8', 0, last + 1));
    if (last + 1 < buf.length) carry = Buffer.from(buf.subarray(last + 1));
  }
  if (carry && carry.length > 0) {
    stats.noFinalNewline = true;
    let text = carry.toString('utf8');
    if (text.endsWith('\r')) {
      text = text.slice(0, -1);
      stats.crlf++;
    }
    onLine(text, lineNo++);
    stats.lines++;
  }
  return stats;
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
  return readLineChunks(path, (buf, from, to, firstLine, stats) => {
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
  }, opts);
}

/** The stats of two consecutive reads of one file, as one (the second read ends it). */
export function addReadStats(a: ReadStats, b: ReadStats): ReadStats {
  return {
    lines: a.lines + b.lines, bytes: a.bytes + b.bytes, crlf: a.crlf + b.crlf,
    binaryHint: a.binaryHint || b.binaryHint, noFinalNewline: b.noFinalNewline,
  };
}

/**
 * The chunk consumer of readLineChunks: buf[from, to) holds whole lines, each ended by LF except
 * a last line at the end of the file that has none. It reads them, numbering from `firstLine`,
 * drops a CR before each LF, and adds the lines and CRs it saw to `stats.lines` and `stats.crlf`.
 */
export type LineChunkFn = (buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats) => void;

/**
 * The reader under readLineBytes, for consumers that walk the lines of a chunk in a loop of their
 * own (the strace sink: a call per line costs more than the lines it skips). Reads into two reused
 * buffers (3-4x faster than a read stream for a 100 MB file: no chunk allocation, no promise per
 * line): while onChunk reads the lines of one, the next bytes of the file are read into the other
 * on libuv's thread pool, so the kernel's copy overlaps the consumer's work. A line longer than a
 * buffer grows them. `buffers`: the two to read into (the strace sink's prescan inputs, which then
 * need no copy), 1 MB each when not given. onChunk must not keep `buf`: it is read into again.
 * `until`: asked before each chunk; when it holds, the read stops there, and `stoppedAt` is the
 * offset of the first byte not read (a line start).
 */
export async function readLineChunks(
  path: string,
  onChunk: LineChunkFn,
  opts: { firstLine?: number; start?: number; end?: number; buffers?: [Buffer, Buffer]; until?: () => boolean } = {},
): Promise<ReadStats & { stoppedAt?: number }> {
  const stats: ReadStats & { stoppedAt?: number } = { lines: 0, bytes: 0, crlf: 0, binaryHint: false, noFinalNewline: false };
  const from = opts.start ?? 0;
  const firstLine = opts.firstLine ?? 1;
  let pos = from;
  const stop = opts.end ?? Infinity;
  const fd = openSync(path, 'r');
  let ahead: Promise<number> | null = null;
  try {
    let [buf, spare] = opts.buffers ?? [Buffer.allocUnsafe(1 << 20), Buffer.allocUnsafe(1 << 20)];
    // buf[0, len) holds the start of a line not yet ended; buf[len, end) the bytes just read.
    let len = 0;
    let end = 0;
    let read = 0;
    const readInto = (b: Buffer, at: number): number => {
      const want = Math.min(b.length - at, stop - pos);
      return want <= 0 ? 0 : readSync(fd, b, at, want, pos);
    };
    read = readInto(buf, 0);
    for (;;) {
      pos += read;
      if (read === 0) break;
      end = len + read;
      if (opts.until?.()) {
        stats.stoppedAt = pos - end;
        stats.bytes = stats.stoppedAt - from;
        return stats;
      }
      stats.bytes += read;
      if (!stats.binaryHint) {
        const z = buf.indexOf(NUL, len);
        if (z !== -1 && z < end) stats.binaryHint = true;
      }
      const last = buf.lastIndexOf(LF, end - 1);
      if (last < len) {
        // No line ends in what was read: read on into the same buffer (grown when full).
        if (end === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
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
    if (len > 0) {
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
