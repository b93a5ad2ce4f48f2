// Core shapes shared by every layer. Everything here is plain data (JSON-serialisable).

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
