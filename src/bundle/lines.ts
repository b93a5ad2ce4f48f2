// Fast streaming line reader: big captures (a 1M-line lsof, a multi-GB strace) are read in
// chunks and handed over one line at a time; nothing holds the whole file.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

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

/**
 * The chunk consumer of readLineChunks: buf[from, to) holds whole lines, each ended by LF except
 * a last line at the end of the file that has none. It reads them, numbering from `firstLine`,
 * drops a CR before each LF, and adds the lines and CRs it saw to `stats.lines` and `stats.crlf`.
 */
export type LineChunkFn = (buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats) => void;

/**
 * The reader under readLineBytes, for consumers that walk the lines of a chunk in a loop of their
 * own (the strace sink: a call per line costs more than the lines it skips). Reads synchronously
 * into one reused buffer (3-4x faster than a read stream for a 100 MB file: no chunk allocation,
 * no promise per chunk); a line longer than the buffer grows it. `buffer`: the one to read into (the
 * strace sink's prescan input, which then needs no copy), 1 MB when not given.
 */
export async function readLineChunks(
  path: string,
  onChunk: LineChunkFn,
  opts: { firstLine?: number; start?: number; end?: number; buffer?: Buffer } = {},
): Promise<ReadStats> {
  const stats: ReadStats = { lines: 0, bytes: 0, crlf: 0, binaryHint: false, noFinalNewline: false };
  const firstLine = opts.firstLine ?? 1;
  let pos = opts.start ?? 0;
  const stop = opts.end ?? Infinity;
  const fd = openSync(path, 'r');
  try {
    let buf = opts.buffer ?? Buffer.allocUnsafe(1 << 20);
    // buf[0, len) holds the start of a line not yet ended.
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const want = Math.min(buf.length - len, stop - pos);
      const read = want <= 0 ? 0 : readSync(fd, buf, len, want, pos);
      pos += read;
      if (read === 0) break;
      const end = len + read;
      stats.bytes += read;
      if (!stats.binaryHint) {
        const z = buf.indexOf(NUL, len);
        if (z !== -1 && z < end) stats.binaryHint = true;
      }
      const last = buf.lastIndexOf(LF, end - 1);
      if (last < len) {
        len = end;
        continue;
      }
      onChunk(buf, 0, last + 1, firstLine + stats.lines, stats);
      if (last + 1 < end) buf.copy(buf, 0, last + 1, end);
      len = end - last - 1;
    }
    if (len > 0) {
      stats.noFinalNewline = true;
      onChunk(buf, 0, len, firstLine + stats.lines, stats);
    }
  } finally {
    closeSync(fd);
  }
  return stats;
}
