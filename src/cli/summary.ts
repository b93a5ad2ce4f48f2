// The short human summary of `fdleak analyze`.
import { processLabel } from '../process-label.js';
import type { AnalysisResult, Finding } from '../result.js';
import type { EvidenceRef } from '../types.js';
import { fdCountText, formatNumber } from '../format.js';
import { terminalText } from '../terminal.js';

/** A value from the bundle on one line of the summary: a newline in it cannot fake a line of its own. */
const one = (s: string): string => terminalText(s, { oneLine: true });

const STATUS_MARK: Record<Finding['status'], string> = {
  fail: '✗',
  pass: '✓',
  info: '·',
  'missing-evidence': '?',
  error: '!',
};

export function formatSummary(r: AnalysisResult): string {
  const out: string[] = [];
  const title = r.incident.title ? `${one(r.incident.title)} — ` : '';
  out.push(`${title}${one(r.incident.input)}${r.incident.redacted ? ' (redacted)' : ''}`);
  out.push(
    `Verdict: ${r.verdict.toUpperCase()} (${r.confidence && r.verdict !== 'no-leak' ? `${r.confidence} confidence, ` : ''}severity ${r.severity})`,
  );
  out.push(`  ${one(r.summary)}`);
  for (const s of r.suspects.slice(0, 3)) {
    out.push('');
    out.push(
      `Suspect ${s.pid !== null ? `pid ${s.pid} ${one(s.command)}` : one(processLabel(s))}${s.user ? ` (user ${one(s.user)})` : ''}`,
    );
    if (s.cmdline) out.push(`  cmdline   ${one(clip(s.cmdline, 100))}`);
    out.push(
      `  open fds  ${s.fdCount !== null ? fdCountText(s.fdCount, s.fdCountMeasure) : '?'}${s.fdCountBasis ? `  [${one(s.fdCountBasis)}]` : ''}`,
    );
    out.push(`  limit     ${num(s.fdLimit)}${s.fdLimitBasis ? `  [${one(s.fdLimitBasis)}]` : ''}`);
    out.push(`  leak      ${s.leak.kind}${s.leak.what ? ` (${s.leak.what})` : ''}: ${num(s.leak.count)}`);
    if (s.ranOut && (s.pid === null || r.rootCause?.pid !== s.pid)) out.push(`  ran out   ${one(s.ranOut.statement)}`);
    out.push(`  evidence  ${s.evidence.slice(0, 4).map(cite).join(', ')}`);
  }
  if (r.suspects.length === 0 && r.unownedRanOut) {
    out.push('');
    out.push(`Ran out: ${one(r.unownedRanOut.statement)}`);
  }
  if (r.rootCause) {
    out.push('');
    out.push(`Root cause: ${one(r.rootCause.statement)}`);
    out.push(`  evidence  ${r.rootCause.evidence.slice(0, 4).map(cite).join(', ')}`);
  }
  out.push('');
  out.push('Findings');
  for (const f of r.findings.filter((x) => x.status !== 'missing-evidence')) {
    const where = f.evidence.slice(0, 2).map(cite).join(', ');
    out.push(
      `  ${STATUS_MARK[f.status]} [${f.severity}] ${f.step > 0 ? `step ${f.step}` : 'capture'} ${f.id}: ${one(f.detail)}${where ? `  (${where})` : ''}`,
    );
  }
  if (r.missing.length) {
    out.push('');
    out.push('Missing evidence (capture it with)');
    for (const m of r.missing) out.push(`  ? ${one(m.what)}\n      $ ${one(m.command)}`);
  }
  const recognised = r.sources.filter((s) => s.kind !== 'unrecognised' && s.kind !== 'bundle' && s.kind !== 'documentation').length;
  const unrecognised = r.sources.filter((s) => s.kind === 'unrecognised');
  const warnings = r.sources.flatMap((s) => s.warnings);
  out.push('');
  out.push(
    `Sources: ${recognised} recognised, ${unrecognised.length} unrecognised${unrecognised.length ? ` (${unrecognised.slice(0, 8).map(sourceLabel).join(', ')}${unrecognised.length > 8 ? ', ...' : ''})` : ''}, ${warnings.length} warnings`,
  );
  for (const w of warnings.slice(0, 10)) out.push(`  ! ${one(w)}`);
  if (warnings.length > 10) out.push(`  ... ${warnings.length - 10} more (see --json)`);
  return out.join('\n') + '\n';
}

function cite(e: EvidenceRef): string {
  return `${one(e.file)}:${e.line}`;
}

function num(n: number | null | undefined): string {
  return n === null || n === undefined ? 'unknown' : formatNumber(n);
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** `file` or `file:12-20` for one item of a transcript. */
function sourceLabel(s: { file: string; lines?: [number, number] }): string {
  return one(s.lines ? `${s.file}:${s.lines[0]}-${s.lines[1]}` : s.file);
}
