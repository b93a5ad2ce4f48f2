// The evidence in time order: when it was captured, the leak events strace caught, the suspect's
// samples. Each event is in the result once (one file:line), with the instant it happened when
// its date and zone can be told (a clock time takes them from its file's capture); the others
// follow in the order of the evidence.
import { processName } from './process-label.js';
import type { Finding, SourceSummary, Suspect, TimelineEvent } from './result.js';
import type { EvidenceRef } from './types.js';
import { instant } from './times.js';
import { formatNumber } from './format.js';

/** More captures than this say one thing: when the evidence was taken (the first and the last). */
const CAPTURES_LISTED = 4;
const MAX_TIMELINE = 40;

interface Input {
  capturedAt: string | null;
  sources: readonly SourceSummary[];
  findings: readonly Finding[];
  suspects: readonly Suspect[];
}

export function buildTimeline(input: Input): TimelineEvent[] {
  const contextOf = new Map(input.sources.filter((s) => s.capturedAt).map((s) => [s.file, s.capturedAt!]));
  const events: { e: TimelineEvent; order: number }[] = [];
  const seen = new Set<string>();
  const add = (time: string, label: string, evidence: EvidenceRef, tid: number | null = null, command: string | null = null) => {
    const key = `${evidence.file}:${evidence.line}:${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    const t = instant(time, contextOf.get(evidence.file) ?? input.capturedAt);
    events.push({ e: { time, at: t === null ? null : new Date(t).toISOString(), label, tid, command, evidence }, order: events.length });
  };
  captures(input.sources, add);
  for (const f of input.findings) {
    for (const d of f.details ?? []) {
      if (d.type !== 'timeline') continue;
      for (const ev of d.events) if (ev.evidence) add(ev.time, ev.label, ev.evidence, ev.tid ?? null);
    }
  }
  for (const s of input.suspects.slice(0, 1)) {
    const g = s.growth;
    if (!g) continue;
    // Its samples count what its fd count does: lsof rows when that is rows (an exact count of fds would come first).
    const rows = s.fdCountMeasure === 'rows';
    add(g.from, `${processName(s)}: the first of ${g.samples} ${rows ? 'counts of its lsof rows' : 'fd counts'}`, g.evidence[0]);
    add(g.to, `${processName(s)}: ${gainedText(g.gained, rows)}`, g.evidence[g.evidence.length - 1]);
  }
  events.sort(
    (a, b) =>
      (a.e.at === null ? 1 : 0) - (b.e.at === null ? 1 : 0) ||
      (a.e.at !== null && b.e.at !== null ? a.e.at.localeCompare(b.e.at) : 0) ||
      a.order - b.order,
  );
  return events.slice(0, MAX_TIMELINE).map((x) => x.e);
}

/** "12 more fds than the first count", "the same fd count as the first", "3 fewer fds …": never "0 more" or "-3 more". */
function gainedText(gained: number, rows: boolean): string {
  if (gained === 0) return `the same ${rows ? 'count of lsof rows' : 'fd count'} as the first`;
  const n = formatNumber(Math.abs(gained));
  const unit = rows ? `lsof row${Math.abs(gained) === 1 ? '' : 's'}` : `fd${Math.abs(gained) === 1 ? '' : 's'}`;
  return `${n} ${gained > 0 ? 'more' : 'fewer'} ${unit} than the first count`;
}

type Add = (time: string, label: string, evidence: EvidenceRef, tid?: number | null, command?: string | null) => void;

function captures(sources: readonly SourceSummary[], add: Add): void {
  const captured = sources.filter((s) => s.capturedAt);
  if (captured.length <= CAPTURES_LISTED) {
    for (const s of captured) add(s.capturedAt!, 'Captured', { file: s.file, line: s.lines?.[0] ?? 1 }, null, s.command ?? null);
    return;
  }
  const byTime = [...captured].sort((a, b) => (instant(a.capturedAt!) ?? 0) - (instant(b.capturedAt!) ?? 0));
  const first = byTime[0];
  const last = byTime[byTime.length - 1];
  add(
    first.capturedAt!,
    `The first of ${captured.length} captures`,
    { file: first.file, line: first.lines?.[0] ?? 1 },
    null,
    first.command ?? null,
  );
  add(last.capturedAt!, 'The last capture', { file: last.file, line: last.lines?.[0] ?? 1 }, null, last.command ?? null);
}
