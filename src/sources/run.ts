// Runs a parser over lines held in memory: used by tests and for transcript items.
import type { SourceWarning } from '../types.js';
import type { ArtifactBase, SourceParser } from './parser.js';

export interface ParseResult<A> {
  artifact: A;
  warnings: SourceWarning[];
}

export function parseLines<A extends ArtifactBase>(
  parser: SourceParser<A>,
  lines: readonly string[],
  opts: { file?: string; command?: string; shownAt?: string; firstLine?: number; lineNumbers?: readonly number[] } = {},
): ParseResult<A> {
  const file = opts.file ?? 'input.txt';
  const warnings: SourceWarning[] = [];
  const sink = parser.sink({
    file,
    command: opts.command,
    ...(opts.shownAt ? { shownAt: opts.shownAt } : {}),
    warn: (line, message) => warnings.push(line === undefined ? { file, message } : { file, line, message }),
  });
  const first = opts.firstLine ?? 1;
  for (let i = 0; i < lines.length; i++) sink.line(lines[i], opts.lineNumbers?.[i] ?? first + i);
  return { artifact: sink.end(), warnings };
}
