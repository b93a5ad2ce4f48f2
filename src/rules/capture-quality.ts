import { pidArgument, pidFileWord } from '../process-label.js';
import { whoIs, namedOf, pidRefOf } from '../model/processes.js';
import type { Rule, RuleOutcome } from './rule.js';
import { fmt } from './rule.js';
import type { EvidenceRef } from '../types.js';
import type { HostModel } from '../model/host.js';
import { straceCapture } from './strace-common.js';
import { shellWord } from '../shell.js';
import { limitsCapture } from '../captures.js';

const FAR_APART_MS = 30 * 60 * 1000;

export const rule: Rule = {
  id: 'capture-quality',
  step: 0,
  title: 'The captures are complete and consistent',
  failureTitle: 'Some captures weaken the evidence',
  method:
    'Evidence is only as good as its capture: an lsof cut off by `head`, rows repeated per thread, a limit read from the ' +
    'wrong shell, or captures taken hours apart can each mislead. This audit lists what to trust less and how to capture ' +
    'it better next time.',
  check(ctx): RuleOutcome[] {
    const { model, suspects } = ctx;
    const out: RuleOutcome[] = [];
    for (const t of model.hostFdTables) {
      if (t.data.truncated) {
        out.push(
          issue(
            `${t.file}: the lsof output is cut short; per-process counts from it are lower bounds.`,
            t.data.header ? [t.data.header] : [],
            'lsof -n > lsof.txt 2>&1',
          ),
        );
      }
      if (t.data.hasTidColumn && t.data.threadRows > 0) {
        out.push(
          issue(
            `${t.file}: lsof printed ${fmt(t.data.rows)} rows but only ${fmt(t.data.distinctFds)} distinct (pid, fd) pairs: ${fmt(t.data.threadRows)} rows repeat fds once per thread, so \`lsof | wc -l\` over-counts.`,
            t.data.header ? [t.data.header] : [],
            'lsof -n -K i   # or count /proc/PID/fd',
          ),
        );
      }
    }
    const repeated = [...model.processes.values()]
      .filter((p) => p.lsofRows?.threadRows)
      .sort((a, b) => b.lsofRows!.value - a.lsofRows!.value);
    if (repeated.length > 0) {
      const shown = repeated.slice(0, 3).map((p) => {
        const r = p.lsofRows!;
        return `${whoIs(p)}'s ${fmt(r.threadRows!.total)} rows under ${r.threadRows!.names} names hold at most ${fmt(r.value)} of its own`;
      });
      const more = repeated.length > 3 ? ` (and ${fmt(repeated.length - 3)} more pids)` : '';
      out.push(
        issue(
          `${repeated[0].lsofRows!.ev.file}: lsof lists a process's fds once for each of its threads, under the thread's name: ${shown.join('; ')}${more}; \`lsof | wc -l\` over-counts.`,
          repeated[0].lsofRows!.threadRows!.ev.slice(0, 4),
          'lsof -n -K i   # or count /proc/PID/fd',
        ),
      );
    }
    for (const s of suspects) {
      const p = s.process;
      if (p.nofile?.basis !== 'proc-limits') {
        const hard = p.nofile?.hard;
        const limit = !s.fdLimit
          ? 'is unknown'
          : p.nofile?.basis === 'systemd'
            ? `is the one systemd gives its service (\`systemctl show\`): a program may raise its soft limit${hard === undefined ? '' : ` up to the hard one (${hard === null ? 'infinity' : fmt(hard)})`}, and only /proc/PID/limits says which it runs with`
            : "is taken from `ulimit -a`, which shows the capturing shell's limit";
        out.push(
          issue(
            `No /proc/${pidArgument(namedOf(p))}/limits: the open-files limit of ${whoIs(p)} ${limit}.`,
            s.fdLimit ? [s.fdLimit.ev] : [],
            limitsCapture(pidRefOf(p)),
          ),
        );
      }
      if (s.bestView?.partial && !p.lsofRows) {
        out.push(
          issue(
            `The fd listing of ${whoIs(p)} (${s.bestView.file}) is an excerpt: its counts are lower bounds.`,
            [s.bestView.holder.firstEvidence],
            `lsof -n -p ${pidArgument(namedOf(p))} > ${shellWord(`lsof-p-${pidFileWord(namedOf(p))}.txt`)}`,
          ),
        );
      }
    }
    const view = ctx.strace;
    if (view) {
      // A better strace of the same process: its pid, or the lookup that prints it; PID only when the bundle knows neither.
      const traced = view.pid !== null ? model.processes.get(view.pid) : undefined;
      const again = straceCapture(traced ? pidRefOf(traced) : null);
      if (view.pid !== null && suspects[0] && view.pid !== suspects[0].process.pid) {
        out.push(
          issue(
            `The strace (${view.files.join(', ')}) traced ${tracedWho(ctx.model, view.pid)}, not the suspect ${whoIs(suspects[0].process)}: its root cause holds for the suspect only if both run the same code.`,
            [],
            straceCapture(pidRefOf(suspects[0].process)),
          ),
        );
      }
      if (view.alternatives.length > 0) {
        out.push(
          issue(
            `${view.alternatives.join(', ')}: the same strace window as ${view.files.join(', ')} in another form; read once (${view.files.join(', ')}, the one with more lines), not added up.`,
            [],
            again,
          ),
        );
      }
      for (const q of view.analysis.quality) {
        out.push(issue(`${view.files.join(', ')}: ${q.message}.`, [], again));
      }
    }
    const times = model.captureTimes.map((t) => ({ ...t, ms: Date.parse(t.at) })).filter((t) => Number.isFinite(t.ms));
    if (times.length >= 2) {
      const first = times.reduce((a, b) => (b.ms < a.ms ? b : a));
      const last = times.reduce((a, b) => (b.ms > a.ms ? b : a));
      if (last.ms - first.ms > FAR_APART_MS) {
        out.push(
          issue(
            `Captures span ${Math.round((last.ms - first.ms) / 60000)} minutes (${first.file} at ${first.at}, ${last.file} at ${last.at}): counts taken far apart may not describe the same moment.`,
            [],
            'fdleak collect --pid PID   # captures everything within seconds',
          ),
        );
      }
    }
    if (out.length === 0) {
      // Only what was checked: a bundle with no lsof listing has no lsof listing that is cut short.
      const checked = [
        ...(model.hostFdTables.length > 0 || model.countTables.length > 0
          ? ['no lsof listing is cut short or repeats fds per thread']
          : []),
        ...(wholeListings(model) ? ["every process's fd listing is whole, not an excerpt"] : []),
        ...(suspects.length > 0 ? ["every suspect's limit is read from /proc"] : []),
        ...(view ? [suspects.length > 0 ? 'the strace is of the suspect, in one form' : 'the strace is in one form'] : []),
        ...(times.length >= 2 ? ['the captures were taken within 30 minutes of each other'] : []),
      ];
      return [
        {
          status: 'pass',
          severity: 'info',
          detail: checked.length
            ? `No capture problem found: ${checked.join('; ')}.`
            : 'Nothing here to check for capture problems (no whole fd listing, host lsof, suspect, strace or capture times).',
          evidence: [],
        },
      ];
    }
    if (out.length === 1) return out;
    // One finding with a list reads better than a stack of look-alike findings.
    return [
      {
        status: 'fail',
        severity: 'low',
        detail: `${out.length} things weaken the evidence: ${out.map((o) => o.detail.replace(/\.$/, '')).join('; ')}.`,
        evidence: out.flatMap((o) => o.evidence),
        command: out[0].command,
        details: [
          {
            type: 'table',
            caption: 'What to trust less, and how to capture it better next time',
            headings: ['problem', 'better capture'],
            rows: out.map((o) => [o.detail, o.command ?? null]),
          },
        ],
      },
    ];
  },
};

function issue(detail: string, evidence: EvidenceRef[], command: string): RuleOutcome {
  return { status: 'fail', severity: 'low', detail, evidence, command };
}

/** The traced process as texts name it (a process without a pid by how the bundle names it). */
function tracedWho(model: HostModel, pid: number): string {
  const p = model.processes.get(pid);
  return p ? whoIs(p) : `pid ${pid}`;
}

/**
 * A process's own fd listings (`lsof -p PID`, `ls -l /proc/PID/fd`) shown, none an excerpt: the
 * check a healthy bundle passes (an excerpt of a suspect is an issue above; one of any other process
 * leaves this unsaid).
 */
function wholeListings(model: HostModel): boolean {
  let any = false;
  for (const p of model.processes.values()) {
    for (const v of p.fdViews) {
      if (v.partial) return false;
      any = true;
    }
  }
  return any;
}
