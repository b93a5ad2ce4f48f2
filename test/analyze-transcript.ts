// Real lines read as a user would paste them: written to a temporary folder and analysed there.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../src/analysis.js';
import type { AnalysisResult } from '../src/result.js';

/**
 * The analysis of `text` (or of `lines` joined, a newline after the last) saved as `name` in a
 * folder of its own, removed afterwards; `now` is the clock the analysis reads. With `folder`, the
 * folder is analysed (a bundle of that one file) rather than the file (a pasted transcript).
 */
export async function analyzeTranscript(
  text: string | readonly string[],
  name: string,
  now?: Date,
  { folder = false }: { folder?: boolean } = {},
): Promise<AnalysisResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-test-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, typeof text === 'string' ? text : `${text.join('\n')}\n`);
    return (await analyzeBundle(folder ? dir : file, now ? { now } : {})).result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
