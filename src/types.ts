// Core shapes shared by every layer. Everything here is plain data (JSON-serialisable).
import type { ReadStats } from './bundle/lines.js';

/** A pointer into the bundle: 1-based line of a file, as the user gave it. */
export interface EvidenceRef {
  file: string;
  line: number;
  /** The line's text (kept only for lines a finding may quote; at most ~300 chars). */
  text?: string;
}

/** A problem with one input, reported and then parsing goes on. */
export interface SourceWarning {
  file: string;
  line?: number;
  message: string;
}

/** What a parser gets to decide whether an entry is its kind of output. */
export interface DetectInput {
  /** The first lines of the entry (at most 60, each cut at DETECT_LINE_CHARS), CR already stripped. */
  head: string[];
  /** The entry's file name (a hint only: captures are named anything). */
  name: string;
  /** The command that produced it, when a manifest or transcript says so. */
  command?: string;
}

export interface ParseContext {
  /** Path used in citations. */
  file: string;
  command?: string;
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
  /** The command that captures this evidence, shown when it is missing. */
  capture: string;
  /** 0 = not mine, 1 = certainly mine. Must be cheap: it runs on every entry. */
  detect(input: DetectInput): number;
  sink(ctx: ParseContext): LineSink<A>;
  /**
   * Optional: parses a whole file (ingest calls it instead of feeding the sink line by line), e.g.
   * in parts on several cores. Gives what the sink gives for the file, and the file's line stats.
   */
  parseFile?(path: string, ctx: ParseContext, size: number): Promise<{ artifact: A; stats: ReadStats }>;
}

/**
 * A copy of a string that does not pin the text it was cut from. The line reader hands out lines
 * cut from 1 MB chunks; a kept substring would keep its whole chunk alive. Use it on every string
 * a parser stores beyond the current line.
 */
export function keep(s: string): string {
  // Concatenation then slice makes V8 flatten into a new, small string.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Makes a reference, clipping the quoted text. */
export function ref(file: string, line: number, text?: string): EvidenceRef {
  if (text === undefined) return { file, line };
  return { file, line, text: keep(text.length > 300 ? text.slice(0, 297) + '...' : text) };
}

/** Evidence without repeats of the same file:line, first occurrence kept. */
export function dedupeRefs<T extends { file: string; line: number }>(refs: readonly T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.file}:${r.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
