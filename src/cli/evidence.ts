// A bundle in which nothing could be read is input that cannot be read (exit 2), not an
// inconclusive analysis (exit 1): an empty folder, a folder of unrelated files, random bytes named
// .tar.gz.
import type { AnalysisResult } from '../result.js';
import { UserInputError } from './errors.js';

const NOT_EVIDENCE = new Set(['unrecognised', 'bundle', 'documentation']);

/** Throws a one-line UserInputError when no file of the bundle was recognised as a capture. */
export function requireEvidence(input: string, result: AnalysisResult): void {
  if (result.sources.some((s) => !NOT_EVIDENCE.has(s.kind))) return;
  const files = result.sources.filter((s) => s.kind !== 'bundle');
  const hint = 'docs/bundle-format.md lists the outputs fdleak reads';
  if (files.length === 0) throw new UserInputError(`${input}: no files to analyse`, hint);
  const why = files.flatMap((s) => s.warnings)[0];
  const detail = why ? ` (${why})` : '';
  if (files.length === 1) throw new UserInputError(`${input}: not a capture fdleak can read${detail}`, hint);
  throw new UserInputError(`${input}: none of its ${files.length} files is a capture fdleak can read${detail}`, hint);
}
