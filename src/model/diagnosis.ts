// The verdict, from the case files. `leak` when a process's evidence adds up to one; `no-leak`
// only when the bundle shows health (the busy processes' fds counted and typed, well under their
// limits, steady where sampled, and no "Too many open files" anywhere); otherwise `inconclusive`,
// with the processes the evidence points at, ranked, and what would decide.
import { whoIs } from './processes.js';
import type { Confidence, Verdict } from '../result.js';
import type { EvidenceRef } from '../types.js';
import { fdCountText, formatNumber as fmt } from '../format.js';
import { HIGH_SCORE, LEAK_SCORE, type Cases, type ProcessCase } from './cases.js';
import { fileTable, hostSocketGap } from './host-facts.js';
import type { HostModel } from './host.js';
import { HEALTHY_USE, LIMIT, UNEXPLAINED, healthyWithoutLimit, rowsUnderLimit, usualSoftLimit } from './signals/fd-limit.js';
import { INOTIFY_CAVEAT, aboutInotify } from './signals/exhaustion.js';
import { emfileEvidence } from './strace/analyze.js';
import { PILES } from './piles.js';
import { interpretCount } from './pipeline.js';
import { stateGrepped } from './program-sockets.js';
import { codeSpan } from '../rich.js';
import { limitExplainsRunningOut } from './signal.js';
import { sentenceStart } from '../process-label.js';
import { inheritedAtExecTrouble } from './own-fd-listings.js';
import { givenToIdleTrouble } from './given-to-idle.js';
import { keptOutputPipeTrouble, lxcInheritedTrouble } from './kept-output-pipes.js';
import { leakCheckTrouble } from './leak-checker-trouble.js';

/**
 * The suspects a result lists, strongest first. A host where hundreds of processes add up the same
 * way (a pool of identical workers) is one story told by its first few; the rest are counted, and
 * every process stays in the result's processes[] with its signals.
 */
export const MAX_SUSPECTS = 10;

interface Trouble {
  statement: string;
  evidence: EvidenceRef[];
  /** It names the process it happened to and says what finds the rest (no one else's fds need finding). */
  owned?: true;
  /** It ran out under a limit too small for any program (the limit explains it): who, and the limit. */
  tinyLimit?: { who: string; limit: number };
}

export interface Diagnosis {
  verdict: Verdict;
  confidence: Confidence | null;
  /** Leaking processes (verdict leak), or the candidates of an inconclusive verdict; strongest first, at most MAX_SUSPECTS. */
  suspects: ProcessCase[];
  /** How many more processes rank as suspects below the listed ones. */
  unlisted: number;
  /** What keeps the verdict from no-leak when no process adds up to a leak. */
  trouble: Trouble[];
  /** Why the bundle does (or does not) show health. */
  health: string;
}

export function diagnose(model: HostModel, cases: Cases): Diagnosis {
  const ranked = rank(
    cases.all.filter((c) => c.score > 0),
    model.suspectHint,
  );
  const leaking = ranked.filter((c) => c.score >= LEAK_SCORE && c.leak);
  if (leaking.length > 0) {
    return { verdict: 'leak', confidence: leaking[0].confidence, ...listed(leaking), trouble: [], health: '' };
  }
  const trouble = troubleOf(model, cases);
  const health = healthOf(cases.all);
  if (ranked.length === 0 && trouble.length === 0 && health.shown) {
    return { verdict: 'no-leak', confidence: null, suspects: [], unlisted: 0, trouble, health: health.why };
  }
  return { verdict: 'inconclusive', confidence: ranked[0]?.confidence ?? null, ...listed(ranked), trouble, health: health.why };
}

function listed(ranked: ProcessCase[]): { suspects: ProcessCase[]; unlisted: number } {
  return { suspects: ranked.slice(0, MAX_SUSPECTS), unlisted: Math.max(0, ranked.length - MAX_SUSPECTS) };
}

/**
 * The engineer's target (the manifest's suspect pid) first when it is itself pointed at: a host can
 * have two leakers, and the strace and limits are about that one. Then by score, kind count, fds,
 * and how often it ran out (its EMFILE lines and calls).
 */
function rank(cases: ProcessCase[], hint?: number): ProcessCase[] {
  return [...cases].sort(
    (a, b) =>
      Number(b.process.pid === hint) - Number(a.process.pid === hint) ||
      Number(b.score >= LEAK_SCORE) - Number(a.score >= LEAK_SCORE) ||
      Math.min(b.score, HIGH_SCORE) - Math.min(a.score, HIGH_SCORE) ||
      (b.leak?.count ?? 0) - (a.leak?.count ?? 0) ||
      (b.fdCount?.value ?? 0) - (a.fdCount?.value ?? 0) ||
      ranOutCount(b) - ranOutCount(a),
  );
}

const ENFILE_TEXT = 'the host\'s file table ran out (ENFILE, "Too many open files in system")';

/**
 * What a log's exhaustion lines say ran out: the process's fds, the host's file table, or either.
 * Named by the errno, whose text is given as the errno's own: the lines may word it otherwise
 * (RabbitMQ's `out of file descriptors`, .NET's inotify message), and the statement must not read
 * as a quote of them — their evidence quotes them.
 */
export function whatRanOut(l: { emfile: number; enfile: number }): string {
  if (l.emfile === 0) return ENFILE_TEXT;
  return l.enfile === 0 ? 'fds ran out (EMFILE, "Too many open files")' : "fds, or the host's file table, ran out (EMFILE or ENFILE)";
}

/** EMFILE failures in the process's own strace and logs. */
function ranOutCount(c: ProcessCase): number {
  return (c.strace?.analysis.exhaustion.emfile ?? 0) + c.logs.reduce((n, l) => n + l.emfile, 0);
}

/** Host-wide signs of trouble no process's case explains. */
function troubleOf(model: HostModel, cases: Cases): Trouble[] {
  const out: Trouble[] = [];
  for (const l of cases.logs.unowned) {
    const n = l.emfile + l.enfile;
    const inotify = aboutInotify(l.samples);
    out.push({
      statement:
        `${l.file} reports ${fmt(n)} time${n === 1 ? '' : 's'} that ${whatRanOut(l)}, and nothing ties it to a process in the bundle.` +
        (inotify ? ` ${INOTIFY_CAVEAT}` : ''),
      evidence: l.samples.slice(0, 3).map((s) => s.ev),
    });
  }
  // ENFILE in a process's own log is no signal of its own (the host's table, not its fds), but it
  // is trouble: every process failed to open files.
  for (const c of cases.all) {
    const logs = c.logs.filter((l) => l.enfile > 0);
    if (logs.length === 0) continue;
    const n = logs.reduce((k, l) => k + l.enfile, 0);
    out.push({
      statement: `${logs[0].file} (${whoIs(c.process)}, ${c.process.command ?? 'unknown'}) reports ${fmt(n)} time${n === 1 ? '' : 's'} that ${ENFILE_TEXT}: the host ran out, whichever process holds the files.`,
      evidence: logs
        .flatMap((l) => l.samples.filter((x) => x.errno === 'ENFILE'))
        .slice(0, 3)
        .map((x) => x.ev),
    });
  }
  for (const c of cases.all) {
    const ranOut = ranOutCount(c);
    if (ranOut === 0 || !limitExplainsRunningOut(c.fdLimit)) continue;
    out.push({
      statement:
        `${sentenceStart(whoIs(c.process))} ran out of fds (${fmt(ranOut)} EMFILE failure${ranOut === 1 ? '' : 's'}) under a limit of ${fmt(c.fdLimit!.value!)} (${c.fdLimit!.basis}), ` +
        'too small for any program: the limit explains it, not a leak.',
      owned: true,
      tinyLimit: { who: whoIs(c.process), limit: c.fdLimit!.value! },
      evidence: [
        c.fdLimit!.ev,
        ...(c.strace ? emfileEvidence(c.strace.analysis.exhaustion) : []),
        ...c.logs.flatMap((l) => l.samples.slice(0, 1).map((x) => x.ev)),
      ],
    });
  }
  for (const s of cases.straces) {
    const n = s.analysis.exhaustion.emfile;
    if (n === 0 || cases.all.some((c) => c.strace === s)) continue;
    out.push({
      statement: `In ${s.files.join(', ')}, ${fmt(n)} call${n === 1 ? ' that makes' : 's that make'} an fd failed with EMFILE ("Too many open files"), and the traced process is not in the bundle.`,
      evidence: emfileEvidence(s.analysis.exhaustion),
    });
  }
  const execed = inheritedAtExecTrouble(model.ownFdListings);
  if (execed) out.push(execed);
  const idle = cases.all.some((c) => c.leak?.kind === 'inherited') ? null : givenToIdleTrouble(model.processes.values());
  if (idle) out.push(idle);
  const keptPipe = keptOutputPipeTrouble(model.logs);
  if (keptPipe) out.push(keptPipe);
  const lxc = lxcInheritedTrouble(model.logs);
  if (lxc) out.push(lxc);
  const checked = leakCheckTrouble(model.logs);
  if (checked) out.push(checked);
  const closeWait = unattributedCloseWait(model, cases);
  if (closeWait) out.push(closeWait);
  const gap = hostSocketGap(model);
  if (gap) out.push({ statement: `The host holds ${fmt(gap.count)} TCP sockets in no connection table (${gap.basis}).`, evidence: gap.ev });
  const table = fileTable(model);
  if (table && table.use >= 0.9) {
    out.push({
      statement: `The host's file table is ${Math.round(table.use * 1000) / 10}% full (${fmt(table.inUse)} of fs.file-max ${fmt(table.max)}).`,
      evidence: table.ev,
    });
  }
  for (const c of cases.all) {
    if (c.limitUse !== null && c.limitUse >= LIMIT.near && c.score === 0 && !rowsUnderLimit(c)) {
      out.push({
        statement: `${whoIs(c.process)} holds ${Math.round(c.limitUse * 100)}% of its open-files limit.`,
        evidence: [c.fdCount!.ev],
      });
    }
  }
  return out;
}

/**
 * CLOSE_WAIT connections in a listing without a process column (or in state counts), when no
 * process's case has them: the pile is shown, its owner is not.
 */
function unattributedCloseWait(model: HostModel, cases: Cases): Trouble | null {
  if (cases.all.some((c) => c.signals.some((s) => s.id === 'close-wait-sockets'))) return null;
  let best: { n: number; file: string; ev: EvidenceRef } | null = null;
  for (const c of [...model.netstat, ...model.ssListings]) {
    const n = c.data.byState.CLOSE_WAIT ?? 0;
    const ev = c.data.stateEvidence.CLOSE_WAIT;
    if (ev && n > (best?.n ?? 0)) best = { n, file: c.file, ev };
  }
  const counted = closeWaitRowCount(model);
  if (counted && counted.n > (best?.n ?? 0)) best = counted;
  if (!best || best.n < PILES.closeWait.decisive) return null;
  return {
    statement: `${best.file} shows ${fmt(best.n)} TCP connections in CLOSE_WAIT (the peer closed, the owner never did), and no capture says which process holds them: \`ss -tnp state close-wait\` names it.`,
    evidence: [best.ev],
  };
}

/**
 * `netstat -tupn | grep CLOSE_WAIT | wc -l` (11711), `ss -tan | grep -c CLOSE-WAIT`: a count of a
 * connection listing's rows a grep kept for the state alone — no program's name or pid picked them,
 * so they are CLOSE_WAIT connections of the host, their owner not shown (a count tied to a
 * process is that process's close-wait-sockets signal instead).
 */
function closeWaitRowCount(model: HostModel): { n: number; file: string; ev: EvidenceRef } | null {
  let best: { n: number; file: string; ev: EvidenceRef } | null = null;
  for (const c of model.toolLineCounts) {
    const meaning = interpretCount(c.basis);
    if (!meaning || (meaning.tool !== 'netstat' && meaning.tool !== 'ss')) continue;
    if (stateGrepped(c.basis) !== 'CLOSE_WAIT') continue;
    if (c.value > (best?.n ?? 0)) best = { n: c.value, file: codeSpan(c.basis.trim()), ev: c.ev };
  }
  return best;
}

/** stdin, stdout and stderr. */
const STDIO_FDS = 3;

/**
 * A live listing of the standard streams alone shows nothing of what the process does (nimbus-eth2#2984's
 * `lsof -p`, cut in the paste after fds 0 and 1): no working fds, no health. What valgrind found open
 * at exit is another matter: stdio alone there says the rest was closed.
 */
function stdioOnly(c: ProcessCase): boolean {
  return (
    c.fdCount !== null && c.fdCount.value <= STDIO_FDS && c.bestView?.tool !== 'valgrind' && numberedBelowStdio(c) && !workSeenClosed(c)
  );
}

/** fds a strace must see made, all closed again, to show what a process at rest between them does. */
const WORK_SEEN = 4;

/**
 * Its own strace shows what the process does: fds made and every one closed again in the window
 * (round 257's thumbnailer threads opening and closing their files, a mail queue's socketpairs),
 * nothing failing. Its listing of the standard streams alone is then what it holds between jobs.
 */
function workSeenClosed(c: ProcessCase): boolean {
  const a = c.strace?.analysis;
  if (!a || a.leakedTotal > 0 || a.exhaustion.emfile + a.exhaustion.enfile > 0) return false;
  const own = a.threads.filter((t) => t.pid === c.process.pid);
  const made = own.reduce((n, t) => n + t.creates, 0);
  return made >= WORK_SEEN && own.reduce((n, t) => n + t.closes, 0) >= made;
}

/**
 * Rows that print no fd number (`lsof | grep deleted` cut to pid, program and path; an inotify
 * fdinfo table) say nothing of which fds they are: not the standard streams.
 */
function numberedBelowStdio(c: ProcessCase): boolean {
  const h = c.bestView?.holder;
  return !h || (h.maxFd !== undefined && h.maxFd < STDIO_FDS && h.maxFdAtLeast === undefined);
}

/**
 * A listing of the process is behind the sentence that it shows the standard streams alone: not a
 * count of rows (a `uniq -c` tally of lsof rows grep'd for ESTABLISHED, `1 20285`), nor the File
 * Leak Detector's entries, which list what Java code opened without fd numbers.
 */
function listsFds(c: ProcessCase): boolean {
  return c.bestView !== null && c.bestView !== undefined && c.bestView.tool !== 'leak-detector';
}

/** Health is shown when the processes whose fds are listed by kind are all clear of their limits and steady. */
function healthOf(all: readonly ProcessCase[]): { shown: boolean; why: string } {
  const typed = all.filter((c) => c.fdCount && Object.keys(c.kinds).length > 0 && c.bestView?.partial !== true && !stdioOnly(c));
  if (typed.length === 0) {
    const stdio = all.find((c) => stdioOnly(c) && listsFds(c));
    return {
      shown: false,
      why: stdio
        ? `the listing of ${whoIs(stdio.process)} shows its standard streams alone (${fdCountText(stdio.fdCount!.value, stdio.fdCount!.measure)}), nothing of what it does`
        : "no capture lists a process's fds in full by kind (lsof, lsfd or ls -l /proc/PID/fd)",
    };
  }
  for (const c of all) {
    // lsof rows counted for a process (a uniq -c table) over-count its fds; below the count that
    // makes a process worth a look, they do not make it busy.
    if (!c.fdCount || (c.fdCount.measure === 'rows' && c.fdCount.value < UNEXPLAINED.rows && !c.bestView)) continue;
    // Well under the limit; or under where EMFILE is near with a count shown steady across samples
    // (a tight limit is not a leak).
    const steady = c.growth?.flat === true;
    const underDefault = c.fdCount.value < healthyWithoutLimit(usualSoftLimit(c));
    const clear = c.limitUse !== null ? c.limitUse < HEALTHY_USE || (steady && c.limitUse < LIMIT.near) : underDefault;
    if (!clear) {
      return {
        shown: false,
        why:
          c.limitUse !== null
            ? `${whoIs(c.process)} holds ${Math.round(c.limitUse * 100)}% of its open-files limit`
            : `${whoIs(c.process)} holds ${fdCountText(c.fdCount.value, c.fdCount.measure)} and its open-files limit is not in the bundle`,
      };
    }
    // A shell's limit (`ulimit -n` at the prompt) is not the process's own: a service or a container
    // may run it under a lower one (systemd's soft 1,024). Clear of the shell's limit, it must be
    // clear of the usual default too.
    if (c.fdLimit?.assumed && !underDefault) {
      return {
        shown: false,
        why: `${whoIs(c.process)} holds ${fdCountText(c.fdCount.value, c.fdCount.measure)}, and the only limit in the bundle is a shell's (${c.fdLimit.basis}), not its own`,
      };
    }
    if (c.growth?.rising) return { shown: false, why: `the fd count of ${whoIs(c.process)} rose across its samples` };
    if ((Object.keys(c.kinds).length === 0 || c.bestView?.partial) && c.fdCount.value >= healthyWithoutLimit(usualSoftLimit(c))) {
      return {
        shown: false,
        why: `what the ${fdCountText(c.fdCount.value, c.fdCount.measure)} of ${whoIs(c.process)} are is not in the bundle in full`,
      };
    }
    // A partial listing leaves fds unseen; a lower bound from its sockets' fd numbers alone (a peer
    // in ss -p rows), already clear of the limit, does not.
    if (c.fdCount.measure === 'at-least' && c.bestView)
      return { shown: false, why: `only part of the fds of ${whoIs(c.process)} are listed` };
  }
  const biggest = typed.reduce((a, b) => (b.fdCount!.value > a.fdCount!.value ? b : a));
  const sampled = typed.filter((c) => c.growth?.flat).length;
  return {
    shown: true,
    why:
      `the fds of ${typed.length} process${typed.length === 1 ? '' : 'es'} are listed by kind and none is a pile of one leaking kind; ` +
      `the largest, ${whoIs(biggest.process)}, holds ${fdCountText(biggest.fdCount!.value, biggest.fdCount!.measure)}` +
      (biggest.limitUse !== null ? ` (${Math.round(biggest.limitUse * 1000) / 10}% of its limit)` : '') +
      (sampled === typed.length
        ? `; ${typed.length === 1 ? 'its count is' : 'their counts are'} steady across samples`
        : sampled
          ? `; ${sampled} of them steady across samples`
          : '') +
      '; nothing reports "Too many open files"',
  };
}
