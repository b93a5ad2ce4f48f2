// `analyze --redact` and `report --redact`: the bundle's names learned while it is still open, then
// the analysis result and the notes redacted before any renderer or the terminal sees them.
import type { Ingested } from '../sources/parse.js';
import type { AnalysisResult } from '../result.js';
import { learnBundle } from './learn.js';
import type { RedactMap } from './map.js';
import { writeMapFile } from './map-file.js';
import { redactResult } from './result.js';
import { redactText } from './text.js';

export interface RedactRequest {
  patterns?: readonly RegExp[];
  /** Write the map here (checked by the CLI before the analysis: new, outside what is shared). */
  mapFile?: string;
}

export interface RedactedAnalysis {
  result: AnalysisResult;
  notes: { file: string; text: string } | null;
  map: RedactMap;
}

export async function redactAnalysis(ingested: Ingested, result: AnalysisResult, req: RedactRequest): Promise<RedactedAnalysis> {
  const map = await learnBundle(ingested, { patterns: req.patterns });
  const redacted = redactResult(result, map);
  const notes = ingested.notes ? { file: redactText(ingested.notes.file, map), text: redactText(ingested.notes.text, map) } : null;
  if (req.mapFile) writeMapFile(req.mapFile, map, ingested.input);
  return { result: redacted, notes, map };
}
