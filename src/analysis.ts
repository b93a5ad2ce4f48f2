// Bundle in, analysis result out: ingest → model → rules.
import { basename, resolve } from 'node:path';
import { ingest, type Ingested, type IngestedEntry } from './sources/parse.js';
import { buildModel, type ModelInput } from './model/build.js';
import { analyzeModel } from './analyze.js';
import type { AnalysisResult, IncidentMeta, SourceSummary } from './result.js';
import { trimEndChars } from './text.js';
import type { RedactRequest } from './redact/analysis.js';
import type { RedactMap } from './redact/map.js';

export interface AnalyzeBundleOptions {
  now?: Date;
  /** Replace addresses, names and secrets in the result and the notes (src/redact). */
  redact?: RedactRequest;
}

export interface BundleAnalysis {
  result: AnalysisResult;
  notes: { file: string; text: string } | null;
  /** With `redact`: the pseudonyms given. */
  redaction?: RedactMap;
}

export async function analyzeBundle(input: string, opts: AnalyzeBundleOptions = {}): Promise<BundleAnalysis> {
  const ingested = await ingest(resolve(input));
  try {
    const result = analyzeIngested(ingested, input, opts);
    if (!opts.redact) return { result, notes: ingested.notes };
    // Learned while the bundle is still open (an archive's unpacked files are read again).
    const { redactAnalysis } = await import('./redact/analysis.js');
    const r = await redactAnalysis(ingested, result, opts.redact);
    return { result: r.result, notes: r.notes, redaction: r.map };
  } finally {
    await ingested.cleanup();
  }
}

function analyzeIngested(ingested: Ingested, input: string, opts: AnalyzeBundleOptions = {}): AnalysisResult {
  const inputs: ModelInput[] = ingested.entries
    .filter((e): e is IngestedEntry & { source: string } => !!e.source && !!e.artifact)
    .map((e) => ({
      file: e.file,
      source: e.source,
      artifact: e.artifact!,
      command: e.command,
      capturedAt: e.capturedAt,
      pid: e.pid,
      excerpt: e.excerpt,
    }));
  const manifest = ingested.manifest;
  const model = buildModel(inputs, { suspectHint: manifest?.suspectPid ?? undefined, timezone: manifest?.timezone });
  const incident: IncidentMeta = {
    title: manifest?.title ?? null,
    ticket: manifest?.ticket ?? null,
    host: manifest?.host ?? null,
    timezone: manifest?.timezone ?? null,
    capturedAt: manifest?.capturedAt ?? null,
    input: basename(trimEndChars(input, '/')),
  };
  return analyzeModel(model, { incident, sources: sourcesOf(ingested), now: opts.now });
}

function sourcesOf(ingested: Ingested): SourceSummary[] {
  const bundleWarnings: SourceSummary[] = ingested.warnings.length
    ? [{ file: '(bundle)', kind: 'bundle', records: 0, warnings: ingested.warnings.map(formatWarning) }]
    : [];
  return [
    ...bundleWarnings,
    ...ingested.entries.map((e) => {
      const s: SourceSummary = {
        file: e.file,
        kind: e.source ?? 'unrecognised',
        records: e.artifact?.records ?? 0,
        warnings: e.warnings.map(formatWarning),
      };
      if (e.firstLine !== 1 || e.command) s.lines = [e.firstLine, e.lastLine];
      if (e.command) s.command = e.command;
      if (e.capturedAt) s.capturedAt = e.capturedAt;
      return s;
    }),
  ];
}

function formatWarning(w: { file: string; line?: number; message: string }): string {
  return w.line !== undefined ? `${w.file}:${w.line}: ${w.message}` : `${w.file}: ${w.message}`;
}
