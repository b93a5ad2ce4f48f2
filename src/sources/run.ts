// Runs a parser over lines held in memory: used by tests and for transcript items.
import type { ArtifactBase, SourceParser, SourceWarning } from '../types.js';

export interface ParseResult<A> {
  artifact: A;
  warnings: SourceWarning[];
}

export function parseLines<A extends ArtifactBase>(
  parser: SourceParser<A>,
  lines: readonly string[],
  opts: { file?: string; command?: string; firstLine?: number; lineNumbers?: readonly number[] } = {},
): ParseResult<A> {
  const file = opts.file ?? 'input.txt';
  const warnings: SourceWarning[] = [];
  const sink = parser.sink({
    file,
    command: opts.command,
    warn: (line, message) => warnings.push(line === undefined ? { file, message } : { file, line, message }),
  });
  const first = opts.firstLine ?? 1;
  for (let i = 0; i < lines.length; i++) sink.line(lines[i], opts.lineNumbers?.[i] ?? first + i);
  return { artifact: sink.end(), warnings };
}

/** Splits text into lines the way the bundle reader does: LF or CRLF, no trailing empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
