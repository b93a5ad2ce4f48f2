// What a result may not say at once: the verdict, the severity, the suspects, the root cause and
// the findings tell one story. Used by the accuracy scorer on every case and by the report tests.
import type { AnalysisResult } from '../../src/result.js';
import { processName } from '../../src/process-label.js';

const HIGH = new Set(['high', 'critical']);

export function contradictions(r: AnalysisResult): string[] {
  const out: string[] = [];
  const lead = r.suspects[0];
  const failingHigh = r.findings.filter((f) => f.status === 'fail' && HIGH.has(f.severity));
  if (r.verdict === 'no-leak') {
    if (r.suspects.length > 0) out.push(`no-leak blames pid ${r.suspects.map((s) => s.pid).join(', ')}`);
    if (r.rootCause) out.push(`no-leak with a root cause (${r.rootCause.statement.slice(0, 80)})`);
    if (r.severity !== 'info') out.push(`no-leak with severity ${r.severity}`);
    for (const f of failingHigh) out.push(`no-leak with a failing ${f.severity} finding: ${f.id}`);
    if (r.unownedRanOut) out.push(`no-leak while a process ran out: ${r.unownedRanOut.message ?? ''}`);
  }
  if (r.verdict === 'leak') {
    if (!lead) out.push('leak without a suspect');
    if (!HIGH.has(r.severity)) out.push(`leak with severity ${r.severity}`);
    // A label opening the summary's sentence is capitalised (`The process named dockerd`).
    if (lead && !r.summary.toLowerCase().includes(processName(lead).toLowerCase()))
      out.push(`the summary does not name the suspect, ${processName(lead)}`);
  }
  if (r.verdict === 'inconclusive' && r.rootCause) out.push('inconclusive with a root cause');
  if (r.rootCause && lead && r.rootCause.pid !== lead.pid && !r.caveats.some((c) => c.text.includes(`pid ${r.rootCause!.pid}`))) {
    out.push(`root cause of pid ${r.rootCause.pid} against suspect pid ${lead.pid}, without saying so`);
  }
  // A leak's count of the process's own fds fits in its fd count (fds inherited are its children's).
  for (const s of r.suspects) {
    if (s.fdCount === null || s.leak.count === null || s.fdCountMeasure === 'rows' || s.leak.kind === 'inherited') continue;
    if (s.leak.count > s.fdCount) out.push(`${processName(s)}: ${s.leak.count} fds of its leak kind, more than its ${s.fdCount} fds`);
  }
  if (r.verdict !== 'leak' && r.findings.some((f) => f.id === 'leaking-thread' && f.status === 'fail')) {
    out.push(`${r.verdict} while step 8 says a thread leaks`);
  }
  return out;
}
