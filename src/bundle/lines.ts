// Fast streaming line reader: big captures (a 1M-line lsof, a multi-GB strace) are read in
// chunks and handed over one line at a time; nothing holds the whole file.
import { createReadStream } from 'node:fs';

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
const CR = 13;

/**
 * Calls `onLine(text, lineNumber)` for every line of the byte range [start, end) of a file.
 * Line numbers start at `firstLine`. CR before LF is dropped.
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
  const emit = (buf: Buffer, from: number, to: number) => {
    let stop = to;
    if (stop > from && buf[stop - 1] === CR) {
      stop--;
      stats.crlf++;
    }
    onLine(buf.toString('utf8', from, stop), lineNo++);
    stats.lines++;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    stats.bytes += chunk.length;
    if (!stats.binaryHint && chunk.indexOf(0) !== -1) stats.binaryHint = true;
    let buf = chunk;
    let pos = 0;
    if (carry) {
      buf = Buffer.concat([carry, chunk]);
      pos = 0;
      carry = null;
    }
    let nl = buf.indexOf(LF, pos);
    while (nl !== -1) {
      emit(buf, pos, nl);
      pos = nl + 1;
      nl = buf.indexOf(LF, pos);
    }
    if (pos < buf.length) carry = Buffer.from(buf.subarray(pos));
  }
  if (carry && carry.length > 0) {
    stats.noFinalNewline = true;
    emit(carry, 0, carry.length);
  }
  return stats;
}
