// The analysis redacted in one place, before any renderer sees it: every string of the result (and
// the analyst's notes) goes through redactText, except the fields that are the schema's own words
// (verdict, kinds, states, rule ids), which no bundle wrote. Numbers are numbers: they stay.
import type { AnalysisResult } from '../result.js';
import type { RedactMap } from './map.js';
import { redactText } from './text.js';

/** Keys whose values are enums or ids of the schema: a user named `leak` must not change the verdict. */
const SCHEMA_WORDS = new Set([
  'schema',
  'tool',
  'generatedAt',
  'verdict',
  'confidence',
  'severity',
  'status',
  'kind',
  'signal',
  'basis',
  'type',
  'chart',
  'fdCountMeasure',
  'id',
]);

export function redactResult(result: AnalysisResult, map: RedactMap): AnalysisResult {
  const out = walk(result, map) as AnalysisResult;
  out.incident = { ...out.incident, redacted: true };
  return out;
}

function walk(value: unknown, map: RedactMap): unknown {
  if (typeof value === 'string') return redactText(value, map);
  if (Array.isArray(value)) return value.map((v) => walk(v, map));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SCHEMA_WORDS.has(k) ? v : walk(v, map);
    return out;
  }
  return value;
}
