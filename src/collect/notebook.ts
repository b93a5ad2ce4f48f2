// The guided notebook: which investigation steps a bundle already supports, what it found, and
// the next capture to make (a single command `notebook capture` can run and file). Pure.
import type { AnalysisResult, Finding } from '../result.js';
import { stepInfo } from '../steps.js';
import { formatNumber } from '../format.js';
import { sh } from '../shell.js';
import { terminalText } from '../terminal.js';

/** A value from the bundle on one line of the status: a newline in it cannot fake a line of its own. */
const one = (s: string): string => terminalText(s, { oneLine: true });

interface StepNeed {
  step: number;
  /** Every group must be present; a group is satisfied by any of its parser ids. */
  needs: { what: string; sources: string[]; capture: (k: Known) => Capture }[];
}

/** A command to run (every value in it quoted), and a hint shown after it as a shell comment. */
interface Capture {
  run: string;
  hint?: string;
}

export interface Known {
  pid: number | null;
  log: string | null;
}

const PID = (k: Known): string => (k.pid !== null ? String(k.pid) : 'PID');
const STRACE = (k: Known): Capture => ({ run: sh`timeout -s INT 30 strace -f -tt -T -y -s 256 -p ${PID(k)} -o strace-${PID(k)}.txt` });
const fixed = (run: string) => (): Capture => ({ run });
const FD_TABLES = ['lsof', 'lsof-fields', 'lsfd', 'proc-fd'];

const STEP_NEEDS: readonly StepNeed[] = [
  { step: 1, needs: [{ what: 'a connection table', sources: ['netstat', 'netstat-state-counts', 'ss-sockets'], capture: fixed('netstat -antp') }] },
  { step: 2, needs: [{ what: 'the ss socket summary', sources: ['ss-summary'], capture: fixed('ss -s') }] },
  { step: 3, needs: [{ what: '/proc/net/sockstat', sources: ['sockstat'], capture: fixed('cat /proc/net/sockstat') }] },
  {
    step: 4,
    needs: [{
      what: 'the fd table of the holder', sources: [...FD_TABLES, 'count-table'],
      capture: (k) => ({ run: k.pid !== null ? sh`lsof -n -P -p ${k.pid}` : 'lsof -n -P' }),
    }],
  },
  { step: 5, needs: [{ what: 'the process list', sources: ['ps'], capture: fixed('ps auxww') }] },
  {
    step: 6,
    needs: [
      { what: 'the process\'s open-files limit', sources: ['proc-limits', 'ulimit'], capture: (k) => ({ run: sh`cat /proc/${PID(k)}/limits` }) },
      { what: 'the host\'s file-max', sources: ['kernel-files'], capture: fixed('cat /proc/sys/fs/file-nr /proc/sys/fs/file-max') },
    ],
  },
  {
    step: 7,
    needs: [
      { what: 'netstat\'s view', sources: ['netstat', 'netstat-state-counts', 'line-count'], capture: fixed('netstat -antp') },
      { what: 'ss\'s view', sources: ['ss-summary'], capture: fixed('ss -s') },
      { what: 'the kernel\'s view', sources: ['sockstat'], capture: fixed('cat /proc/net/sockstat') },
    ],
  },
  { step: 8, needs: [{ what: 'a strace of the suspect', sources: ['strace'], capture: STRACE }] },
  {
    step: 9,
    needs: [
      { what: 'a strace of the suspect', sources: ['strace'], capture: STRACE },
      { what: 'thread names', sources: ['task-comm', 'jstack'], capture: (k) => ({ run: sh`grep . /proc/${PID(k)}/task/*/comm` }) },
    ],
  },
  { step: 10, needs: [{ what: 'fd → file paths', sources: FD_TABLES, capture: (k) => ({ run: sh`ls -l /proc/${PID(k)}/fd` }) }] },
  {
    step: 11,
    needs: [{
      what: 'the application log', sources: ['app-log'],
      capture: (k) => (k.log !== null
        ? { run: sh`tail -c 1048576 -- ${k.log}` }
        : { run: 'tail -c 1048576 -- LOGFILE', hint: sh`find it: ls -l /proc/${PID(k)}/fd | grep log` }),
    }],
  },
];

export interface StepStatus {
  step: number;
  title: string;
  /** Every need met by a capture in the bundle. */
  supported: boolean;
  /** Bundle files that feed the step. */
  files: string[];
  /** `command`: what to run, with its hint as a comment; `run`: the command alone. */
  lacking: { what: string; command: string; run: string }[];
  findings: Pick<Finding, 'id' | 'status' | 'title' | 'detail'>[];
}

export function knownOf(result: AnalysisResult, manifestPid?: number | null): Known {
  return {
    pid: result.suspects[0]?.pid ?? result.rootCause?.pid ?? manifestPid ?? null,
    log: result.rootCause?.path ?? null,
  };
}

export function notebookSteps(result: AnalysisResult, known: Known): StepStatus[] {
  return STEP_NEEDS.map(({ step, needs }) => {
    const files = new Set<string>();
    const lacking: StepStatus['lacking'] = [];
    for (const need of needs) {
      const have = result.sources.filter((s) => need.sources.includes(s.kind));
      have.forEach((s) => files.add(s.file));
      if (have.length === 0) {
        const c = need.capture(known);
        lacking.push({ what: need.what, command: c.hint ? `${c.run}  # ${c.hint}` : c.run, run: c.run });
      }
    }
    return {
      step,
      title: stepInfo(step)?.title ?? `Step ${step}`,
      supported: lacking.length === 0,
      files: [...files],
      lacking,
      findings: result.findings
        .filter((f) => f.step === step)
        .map(({ id, status, title, detail }) => ({ id, status, title, detail })),
    };
  });
}

/** The first step, in investigation order, the bundle cannot support yet, and the command alone that captures it. */
export function nextCapture(steps: readonly StepStatus[]): { step: number; title: string; what: string; command: string } | null {
  for (const s of steps) {
    const l = s.lacking[0];
    if (l) return { step: s.step, title: s.title, what: l.what, command: l.run };
  }
  return null;
}

const MARK: Record<Finding['status'], string> = { fail: '✗', pass: '✓', info: '·', 'missing-evidence': '?', error: '!' };


export function formatNotebookStatus(bundle: string, result: AnalysisResult, steps: readonly StepStatus[]): string {
  const out: string[] = [];
  out.push(`Bundle ${one(bundle)}: ${result.verdict.toUpperCase()} — ${one(result.summary)}`);
  const s = result.suspects[0];
  if (s) out.push(`Suspect: pid ${s.pid} ${one(s.command)}${s.fdCount !== null ? `, ${formatNumber(s.fdCount)} fds` : ''}`);
  out.push('');
  for (const st of steps) {
    const head = `${String(st.step).padStart(2)}. ${st.supported ? '[x]' : '[ ]'} ${st.title}`;
    out.push(st.files.length ? `${head}  (${one(st.files.slice(0, 4).join(', '))}${st.files.length > 4 ? ', …' : ''})` : head);
    for (const f of st.findings) out.push(`      ${MARK[f.status]} ${one(f.title)}: ${one(f.detail)}`);
    for (const l of st.lacking) out.push(`      needs ${l.what}: ${l.command}`);
  }
  if (result.rootCause) {
    out.push('');
    out.push(`Root cause: ${one(result.rootCause.statement)}`);
  }
  const next = nextCapture(steps);
  out.push('');
  if (next) {
    out.push(`Next capture (step ${next.step}, ${next.title.toLowerCase()}: ${next.what}):`);
    out.push(`  ${sh`fdleak notebook capture ${bundle}`} -- ${next.command}`);
  } else {
    out.push(`Every step 1-11 has its evidence. Next: ${sh`fdleak report ${bundle} --format html`}`);
  }
  return out.join('\n') + '\n';
}
