// What a source parser is: one per evidence source (and per flag set where flags change the
// format), detected by the first lines of an entry and fed its lines once, in order.
import type { LineChunkFn } from '../bundle/lines.js';

/** What a parser gets to decide whether an entry is its kind of output. */
export interface DetectInput {
  /** The first lines of the entry (at most 60, each cut at DETECT_LINE_CHARS), CR already stripped. */
  head: string[];
  /** The entry's file name (a hint only: captures are named anything). */
  name: string;
  /** The command that produced it, when a manifest or transcript says so. */
  command?: string;
  /** When the output was shown, when the entry says so itself (a `watch` screen's header): local time, ISO. */
  shownAt?: string;
}

export interface ParseContext {
  /** Path used in citations. */
  file: string;
  command?: string;
  /** As DetectInput.shownAt. */
  shownAt?: string;
  warn(line: number | undefined, message: string): void;
}

/** Streaming parser state for one entry: fed every line once, in order. */
export interface LineSink<A> {
  line(text: string, line: number): void;
  /**
   * Optional fast path for big inputs: the line as bytes [start, end) of `buf` (no CR, no LF),
   * valid only during the call. A sink that implements it gets every line this way when read
   * from a file, and decodes only the lines it needs.
   */
  bytes?(buf: Uint8Array, start: number, end: number, line: number): void;
  /**
   * Optional, for the biggest inputs (strace): whole chunks of lines as bytes, which the sink
   * walks itself. A sink that implements it is fed only this way when read from a file.
   */
  chunk?: LineChunkFn;
  end(): A;
}

/** Every artifact says how many records it parsed. */
export interface ArtifactBase {
  records: number;
}

/**
 * One parser per evidence source (and per flag set where flags change the format).
 * `id` equals the module's file name.
 */
export interface SourceParser<A extends ArtifactBase = ArtifactBase> {
  id: string;
  title: string;
  /** 0 = not mine, 1 = certainly mine. Must be cheap: it runs on every entry. */
  detect(input: DetectInput): number;
  sink(ctx: ParseContext): LineSink<A>;
}
