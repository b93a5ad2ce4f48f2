// The investigation's twelve steps (INVESTIGATION.md) as the report names them, with the capture that
// settles each one when a bundle lacks it. `PID` and `FD` are replaced by the suspect's numbers.
import { pidArgument } from './process-label.js';
import { shellWord } from './shell.js';
import { straceCapture } from './captures.js';
import type { Finding, Missing, StepResult, Verdict } from './result.js';

export interface StepInfo {
  step: number;
  title: string;
  /** The question the step answers, shown under its heading. */
  question: string;
  /** What to run when the bundle has no evidence for this step. */
  capture: string;
  /** What to run instead while the fd or log its capture names is unknown (FD, LOGFILE). */
  captureWithout?: string;
  /** The step follows a suspect: with no leak there is nothing for it to do. */
  perSuspect?: true;
}

export const STEPS: readonly StepInfo[] = [
  {
    step: 1,
    title: 'The connection table',
    question: 'Does netstat show anything unusual?',
    capture: "netstat -nat | awk '/^tcp/ {++s[$NF]} END {for (k in s) print k, s[k]}'; netstat -nat | wc -l",
  },
  { step: 2, title: 'The socket summary', question: 'How many TCP sockets exist outside any connection?', capture: 'ss -s' },
  {
    step: 3,
    title: 'Kernel socket accounting',
    question: 'Does the kernel agree that sockets are allocated but unused?',
    capture: 'cat /proc/net/sockstat /proc/net/sockstat6',
  },
  {
    step: 4,
    title: 'Who holds the descriptors',
    question: 'Which process holds the fds, and of what kind are they?',
    capture: "lsof -n > lsof.txt; lsof -n | awk '{print $2}' | sort | uniq -c | sort -nr | head",
  },
  {
    step: 5,
    title: 'Which service it is',
    question: 'What is that process, and who runs it?',
    capture: 'ps -o pid,user,lstart,args -p PID',
    perSuspect: true,
  },
  {
    step: 6,
    title: 'Distance to the limit',
    question: 'How close is the process (and the host) to its open-files limit?',
    capture: 'cat /proc/PID/limits; cat /proc/sys/fs/file-nr /proc/sys/fs/file-max; ls /proc/PID/fd | wc -l',
  },
  {
    step: 7,
    title: 'Three views of the same sockets',
    question: 'Do netstat, ss and the kernel tell the same story?',
    capture: 'netstat -nat | wc -l; ss -s; cat /proc/net/sockstat',
  },
  {
    step: 8,
    title: 'Catching the leak in the act',
    question: 'Which thread creates the fds that are never closed?',
    capture: straceCapture(null),
    perSuspect: true,
  },
  {
    step: 9,
    title: 'Following the leaking thread',
    question: 'What does that thread do between creating an fd and the next one?',
    capture: 'jstack PID > jstack.txt  # for Java: maps strace tids (nid=0x...) to thread names',
    perSuspect: true,
  },
  {
    step: 10,
    title: 'From fd number to file',
    question: 'Which file is behind the fd the thread writes to?',
    capture: 'ls -l /proc/PID/fd/FD; lsof -a -p PID -d FD',
    // Which fd is not known yet: every fd's file.
    captureWithout: 'ls -l /proc/PID/fd; lsof -p PID',
    perSuspect: true,
  },
  {
    step: 11,
    title: 'Reading the log',
    question: 'What does the leaking thread report when it fails?',
    capture: 'grep -n ERROR LOGFILE | tail -n 200',
    // Which log is not known yet: the logs the process has open.
    captureWithout: "ls -l /proc/PID/fd | grep -i 'log'",
    perSuspect: true,
  },
  { step: 12, title: 'Remedies', question: 'How to fix it, how to survive until then, and what to watch.', capture: '' },
];

export function stepInfo(step: number): StepInfo | undefined {
  return STEPS.find((s) => s.step === step);
}

/** What fills a capture's placeholders; pidCommand (quoted) prints the pid the bundle does not show. */
interface Known {
  pid?: number | null;
  pidCommand?: string;
  fd?: number | null;
  log?: string | null;
}

/** A step's capture, or the one that finds what its placeholder stands for when the result does not know it. */
function captureFor(info: StepInfo, known: Known): string {
  const unknown =
    (/\bFD\b/.test(info.capture) && (known.fd === null || known.fd === undefined)) || (/\bLOGFILE\b/.test(info.capture) && !known.log);
  return unknown && info.captureWithout ? info.captureWithout : info.capture;
}

/** Fills the placeholders of a capture command with what the result knows, each quoted as one shell word. */
export function fillCapture(command: string, known: Known): string {
  let out = command;
  // A function, not a string, as the replacement: `$&` or `$'` in a path must not be expanded.
  if (known.pid) out = out.replace(/\bPID\b/g, () => shellWord(known.pid!));
  // Its lookup is quoted already, and is to run: `$(cat /var/run/docker.pid)`.
  else if (known.pidCommand) out = out.replace(/\bPID\b/g, () => pidArgument({ pid: null, pidCommand: known.pidCommand }));
  if (known.fd !== null && known.fd !== undefined) out = out.replace(/\bFD\b/g, () => shellWord(known.fd!));
  if (known.log) out = out.replace(/\bLOGFILE\b/g, () => shellWord(known.log!));
  return out;
}

/**
 * Each step of the investigation, and whether the bundle holds its evidence: from the findings of
 * that step (the report and `notebook status` read the same answer).
 */
export function stepResults(findings: readonly Finding[], missing: readonly Missing[], verdict: Verdict, known: Known): StepResult[] {
  return STEPS.filter((s) => s.step <= 11).map((info) => {
    const own = findings.filter((f) => f.step === info.step);
    const has = own.filter((f) => f.status === 'pass' || f.status === 'fail' || f.status === 'info').length;
    const lacking = own.filter((f) => f.status === 'missing-evidence');
    const needs = [
      ...lacking.filter((f) => f.command).map((f) => ({ what: f.title, command: f.command! })),
      ...missing.filter((m) => m.step === info.step).map((m) => ({ what: m.what, command: m.command })),
    ];
    const status: StepResult['status'] =
      has > 0 && lacking.length === 0 && needs.length === 0
        ? 'evidence'
        : has > 0
          ? 'partial'
          : info.perSuspect && verdict === 'no-leak'
            ? 'not-needed'
            : 'missing';
    if (status === 'missing' && needs.length === 0 && info.capture)
      needs.push({ what: info.question, command: fillCapture(captureFor(info, known), known) });
    return { step: info.step, title: info.title, status, missing: uniqueBy(needs, (n) => n.command) };
  });
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => !seen.has(key(t)) && !!seen.add(key(t)));
}
