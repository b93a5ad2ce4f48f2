// One case file per process: what the bundle knows of it (fd count, limit, kinds, growth, strace,
// logs), every signal the evidence gives, and what they add up to — the leak kind they point at,
// a score and a confidence. docs/diagnosis.md is the table of signals and how they add up.
import { namedOf, whoIs } from './processes.js';
import { pidArgument } from '../process-label.js';
import { dedupeRefs } from '../types.js';
import type { Confidence, LeakKind } from '../result.js';
import type { LimitValue } from '../sources/artifacts.js';
import type { FdView, HostModel, Measured, ProcessModel } from './host.js';
import { growthOf } from './growth.js';
import { bestFdView, coversLessThanHalf, fdCountOf } from './fd-count.js';
import { countSeries, reclaimedFloor } from './reclaimed.js';
import { rowFilters } from './pipeline.js';
import { countedByPath, isPathWord } from './row-counts.js';
import { lsofSelectsFiles } from '../command-words.js';
import { logOwners, type LogOwners } from './log-owners.js';
import {
  SHELL_ULIMIT_BASIS,
  leakKindOf,
  limitExplainsRunningOut,
  limitFrom,
  type CaseFacts,
  type FdLimit,
  type Signal,
  type SignalSource,
} from './signal.js';
import type { StraceView } from './strace/view.js';
import { fdKindSignals } from './signals/fd-kinds.js';
import { fdLimitSignals } from './signals/fd-limit.js';
import { fdGrowthSignals } from './signals/fd-growth.js';
import { exhaustionSignals } from './signals/exhaustion.js';
import { kindOfSignature, straceSignals } from './signals/strace.js';
import { straceFdRiseSignals } from './signals/strace-fd-rise.js';
import { hostGapSignals } from './signals/host-gap.js';
import { inheritedSignals } from './signals/inherited.js';
import { fromAncestorSignals } from './signals/from-ancestors.js';
import { inotifySignals } from './signals/inotify.js';
import { unclosedAtExitSignals } from './signals/unclosed-at-exit.js';
import { unreapedChildrenSignals } from './signals/unreaped-children.js';
import { onePeerSignals } from './signals/one-peer.js';
import { REGULAR_FILES_HELD } from './signals/regular-files.js';

const SIGNAL_SOURCES: readonly SignalSource[] = [
  fdKindSignals,
  inotifySignals,
  fdLimitSignals,
  fdGrowthSignals,
  exhaustionSignals,
  straceSignals,
  straceFdRiseSignals,
  inheritedSignals,
  fromAncestorSignals,
  unclosedAtExitSignals,
  unreapedChildrenSignals,
  onePeerSignals,
  hostGapSignals,
];

/** Score from which a case is a leak, and from which the leak is certain beyond one source. */
export const LEAK_SCORE = 3;
/**
 * Signals that only say the process ran out, or how many fds it holds: not what they are nor that
 * they grow. EMFILE is running out as a count at the limit is. socket-links-excerpt names a kind,
 * but one a busy server's table shows as well: it counts among them, so it never makes a leak.
 */
const SIZE_SIGNALS = new Set([
  'at-fd-limit',
  'near-fd-limit',
  'high-fd-number',
  'fds-unexplained',
  'emfile-in-log',
  'emfile-in-strace',
  'socket-links-excerpt',
  'client-of-one-peer',
  REGULAR_FILES_HELD,
]);
export const HIGH_SCORE = 4;
/** Fds a strace window saw made and kept: a lower bound of the kind's fds, under any listing's count. */
const STRACE_KEPT = 'strace-unclosed';

export interface ProcessCase extends CaseFacts {
  signals: Signal[];
  /** The strongest kind's signals plus the kind-neutral ones (exhaustion, growth). */
  score: number;
  leak: { kind: LeakKind; count: number | null; what?: string; of?: number } | null;
  confidence: Confidence | null;
}

export interface Cases {
  all: ProcessCase[];
  logs: LogOwners;
  straces: StraceView[];
}

/** The processes whose fds the bundle counts, the largest holder first. */
export function countedCases(cases: readonly ProcessCase[]): ProcessCase[] {
  return cases.filter((c) => c.fdCount).sort((a, b) => b.fdCount!.value - a.fdCount!.value);
}

export function buildCases(model: HostModel, straces: StraceView[]): Cases {
  const logs = logOwners(model);
  const children = childrenByParent(model);
  const shell = model.ulimits.at(-1)?.data.openFiles;
  const caseOf = (p: ProcessModel, limit: FdLimit | null): ProcessCase =>
    judge(model, factsOf(p, limit, straces.find((s) => s.pid === p.pid) ?? null, logs.byPid.get(p.pid) ?? [], children.get(p.pid) ?? []));
  const shellLimit = shell ? limitFrom(shell, SHELL_ULIMIT_BASIS, true) : null;
  const all = [...model.processes.values()].map((p) => caseOf(p, ownLimit(p) ?? shellLimit));
  tieUnboundLimits(model, all, (c, limit) => caseOf(c.process, limit));
  tieUnownedLogs(logs, all, (c) => caseOf(c.process, c.fdLimit));
  return { all, logs, straces };
}

/**
 * "Too many open files" that no join ties to a process belongs to the only process the rest of
 * the evidence points at, when there is exactly one: the basis says so.
 */
function tieUnownedLogs(logs: LogOwners, all: ProcessCase[], rejudge: (c: ProcessCase) => ProcessCase): void {
  const pointed = all.filter((c) => c.score > 0);
  if (logs.unowned.length === 0 || pointed.length !== 1) return;
  const c = pointed[0];
  const pid = c.process.pid;
  const tied = logs.unowned.map((l) => ({ ...l, basis: `${whoIs(c.process)} is the only process the rest of the evidence points at` }));
  logs.byPid.set(pid, [...(logs.byPid.get(pid) ?? []), ...tied]);
  logs.unowned = [];
  all[all.indexOf(c)] = rejudge(c);
}

function ownLimit(p: ProcessModel): FdLimit | null {
  if (!p.nofile) return null;
  // A basis is said inside parentheses ("a limit of 10 (…)"): it has none of its own.
  const basis = p.nofile.tiedBy
    ? `${p.nofile.ev.file}: ${p.nofile.tiedBy}`
    : p.nofile.basis === 'proc-limits'
      ? `/proc/${pidArgument(namedOf(p))}/limits`
      : `${p.nofile.ev.file}: a shell's ulimit -a, assumed`;
  return limitFrom(p.nofile, basis, p.nofile.basis === 'ulimit' && !p.nofile.tiedBy);
}

/**
 * A /proc/PID/limits capture that names no pid belongs to the only process it can be: the only
 * one whose fds the bundle shows, else the only one the evidence points at. The basis says so.
 */
function tieUnboundLimits(model: HostModel, all: ProcessCase[], rejudge: (c: ProcessCase, limit: FdLimit) => ProcessCase): void {
  const limits = model.unboundLimits;
  if (limits.length === 0) return;
  const open = limits.at(-1)!.data.openFiles as LimitValue;
  const withFds = all.filter((c) => c.fdCount || c.bestView);
  const pointed = all.filter((c) => c.score > 0);
  const target =
    withFds.length === 1
      ? { c: withFds[0], why: 'the only process whose fds the bundle shows' }
      : pointed.length === 1
        ? { c: pointed[0], why: 'the only process the evidence points at' }
        : null;
  if (!target || target.c.process.nofile?.basis === 'proc-limits') return;
  const file = limits.at(-1)!.file;
  const basis = `${file}: it names no pid; tied to ${whoIs(target.c.process)}, ${target.why}`;
  all[all.indexOf(target.c)] = rejudge(target.c, limitFrom(open, basis, false));
}

/** Processes by their parent's pid, once: a host's ps lists thousands, and every case asks. */
function childrenByParent(model: HostModel): Map<number, ProcessModel[]> {
  const out = new Map<number, ProcessModel[]>();
  for (const p of model.processes.values()) {
    if (p.ppid === undefined) continue;
    const list = out.get(p.ppid);
    if (list) list.push(p);
    else out.set(p.ppid, [p]);
  }
  return out;
}

function factsOf(
  p: ProcessModel,
  fdLimit: FdLimit | null,
  strace: StraceView | null,
  logs: CaseFacts['logs'],
  children: ProcessModel[],
): CaseFacts {
  const best = bestFdView(p);
  const fdCount = fdCountOf(p, best, strace);
  // Counts that fall back again and again say the table shrinks between them: a listing is cut
  // only when it holds under half even the smallest of them.
  const floor = reclaimedFloor(countSeries(p), fdLimit?.value ?? null);
  const compared = fdCount && floor !== null ? { ...fdCount, value: Math.min(fdCount.value, floor) } : fdCount;
  const cut = best && compared && coversLessThanHalf(best, compared) ? { ...best, partial: true } : best;
  // A listing that only looked whole gives way to a count of all its rows by TYPE.
  const bestView = cut?.partial ? (p.fdViews.find((v) => v.tally && !v.partial) ?? cut) : cut;
  const lastSnapshot = p.snapshots.at(-1);
  const kinds = bestView?.holder.byKind ?? (lastSnapshot && Object.keys(lastSnapshot.byKind).length ? lastSnapshot.byKind : {});
  const limit = shellLimitOutgrown(fdLimit, fdCount, p) ? null : fdLimit;
  const limitUse = fdCount && limit?.value ? fdCount.value / limit.value : null;
  return {
    process: p,
    fdCount,
    fdLimit: limit,
    kinds,
    bestView,
    limitUse,
    growth: growthOf(p.snapshots, limit?.value ?? null),
    strace,
    logs,
    children,
    reclaimedFloor: floor,
  };
}

/**
 * A shell's limit, assumed, that the process holds more fds than is not its own: the kernel hands
 * out no fd at or above the soft limit, so a count above it (not lsof rows, which over-count) or
 * an open fd that high says its limit was raised past it (arewefastyet's 1,031 fds beside the
 * shell's `ulimit -n` 1,024). Its limit is then unknown, and above that.
 */
function shellLimitOutgrown(limit: FdLimit | null, fdCount: Measured | null, p: ProcessModel): boolean {
  if (!limit?.assumed || limit.value === null) return false;
  const counted = fdCount && fdCount.measure !== 'rows' ? fdCount.value : 0;
  const highest = p.fdViews.reduce((m, v) => Math.max(m, v.holder.maxFd ?? -1), -1);
  return counted > limit.value || highest >= limit.value;
}

function judge(model: HostModel, facts: CaseFacts): ProcessCase {
  const explained = limitExplainsRunningOut(facts.fdLimit);
  const signals = SIGNAL_SOURCES.flatMap((source) => source({ model, facts }))
    .filter((s) => !(explained && s.runningOut))
    // A pile its own counts show reclaimed again and again is closed later, not kept (reclaimed.ts).
    .filter((s) => !(facts.reclaimedFloor != null && isHeldPile(s)))
    .map((s) => ({ ...s, evidence: dedupeRefs(s.evidence) }))
    .sort((a, b) => b.weight - a.weight || (b.count ?? 0) - (a.count ?? 0))
    .filter((s, i, all) => !all.slice(0, i).some((stronger) => sameFact(stronger, s)));
  const kindShown = signals.some((s) => s.kind !== null);
  for (const [i, s] of signals.entries()) {
    if (!kindShown && s.weightWithoutKind !== undefined) signals[i] = { ...s, weight: s.weightWithoutKind };
  }
  const neutral = signals.filter((s) => s.kind === null).reduce((n, s) => n + s.weight, 0);
  const byKind = new Map<LeakKind, { weight: number; count: number | null; from: number; window?: true; what?: string; of?: number }>();
  for (const s of signals) {
    if (s.kind === null) continue;
    const k = byKind.get(s.kind) ?? { weight: 0, count: null, from: 0 };
    k.weight += s.weight;
    // The count of a kind is that of its strongest signal (signals come strongest first), and the
    // fds of that kind, not a host-wide total that weighs on it; but the few a strace window saw
    // kept give way to a listing's count of the same kind (ruby-metrics: 3 kept, 175 listed).
    const listedOverWindow = k.window === true && s.id !== STRACE_KEPT && (s.count ?? 0) > (k.count ?? 0);
    if (s.id !== 'host-socket-gap' && (k.count === null || listedOverWindow || (s.weight === k.from && (s.count ?? 0) > k.count))) {
      k.count = s.count;
      k.from = s.weight;
      k.what = s.what;
      k.of = s.of;
      k.window = s.id === STRACE_KEPT ? true : undefined;
    }
    byKind.set(s.kind, k);
  }
  // The strongest kind; `other` only when nothing more specific is as strong.
  const top = [...byKind].sort((a, b) => b[1].weight - a[1].weight || Number(a[0] === 'other') - Number(b[0] === 'other'))[0];
  // Running out is not a kind (docs/diagnosis.md, "The verdict"): EMFILE, a count at or near the
  // limit, a high fd number, many fds unexplained prove exhaustion, not a leak — a busy server, or
  // one whose limit is too low for its need, looks the same. Alone they stay inconclusive, however
  // many; a leaking kind, growth or strace creations never closed decide.
  const sizeOnly = signals.length > 0 && signals.every((s) => SIZE_SIGNALS.has(s.id));
  const score = sizeOnly ? Math.min((top?.[1].weight ?? 0) + neutral, LEAK_SCORE - 1) : (top?.[1].weight ?? 0) + neutral;
  let leak: ProcessCase['leak'] = top
    ? {
        kind: top[0],
        count: top[1].count ?? listedOf(facts, top[0]),
        ...(top[1].what && top[1].count !== null ? { what: top[1].what } : {}),
        ...(top[1].of !== undefined && top[1].count !== null ? { of: top[1].of } : {}),
      }
    : null;
  if (!leak && score > 0) leak = dominantKind(facts);
  const sources = new Set(signals.map((s) => s.id));
  const confidence: Confidence | null =
    score === 0 ? null : score >= HIGH_SCORE && sources.size >= 2 ? 'high' : score >= 3 ? 'medium' : 'low';
  return { ...facts, signals, score, leak, confidence };
}

/** A signal that says many fds of one kind are held now, read off a listing or a count of one kind. */
function isHeldPile(s: Signal): boolean {
  return HELD_PILES.has(s.id) || s.id.endsWith('-pile');
}

const HELD_PILES = new Set(['same-file-open', 'file-pile', 'listed-kind-share', 'socket-links-excerpt', REGULAR_FILES_HELD]);

/**
 * A pile that only says "many of this kind" of the fds a stronger signal of the kind read off the
 * same lines (128 inotify instances are also a pile of 128 anonymous inodes): told once, by it.
 */
function sameFact(a: Signal, b: Signal): boolean {
  return (
    b.id.endsWith('-pile') &&
    a.kind !== null &&
    a.kind === b.kind &&
    a.count !== undefined &&
    a.count === b.count &&
    b.evidence.length > 0 &&
    b.evidence.every((e) => a.evidence.some((x) => x.file === e.file && x.line === e.line))
  );
}

/** The fds of a leak kind its listing shows, when no signal counted them (a host-wide signal named the kind). */
function listedOf(facts: CaseFacts, kind: LeakKind): number | null {
  if (kind === 'other') return null;
  const fdKind = (Object.keys(facts.kinds) as (keyof CaseFacts['kinds'])[]).find((k) => leakKindOf(k) === kind);
  return fdKind ? (facts.kinds[fdKind] ?? null) : null;
}

/** Exhaustion or growth without a pile of one kind: the kind most of its fds are, if a listing shows them. */
function dominantKind(facts: CaseFacts): { kind: LeakKind; count: number | null } {
  // A listing grep'd for some rows (`| grep sock`) or picked by lsof shows those, not what most of its fds are;
  // unless its fd count is of the same grep's rows (`ls -l /proc/PID/fd | grep X | wc` beside
  // `… | grep X | tail`): the rows shown are some of those counted, and when they are all of one
  // kind, so are the fds counted.
  const filters = rowFilters(facts.bestView?.command);
  const shown = Object.keys(facts.kinds) as (keyof CaseFacts['kinds'])[];
  const oneKind = shown.length === 1 && leakKindOf(shown[0]) !== 'other';
  const counted = filters.length > 0 && oneKind ? countOfSameRows(facts, filters) : null;
  // lsof's own selection (`lsof FILE`, `-i`, `+L1`) shows the fds it picked, as a grep does.
  const picked = filters.length > 0 || lsofSelectsFiles(facts.bestView?.command);
  // Rows a grep picked by their own path (`lsof -p 1 | grep /tmp`) are the files the reader looked
  // for: what they are names the candidate's kind, as a whole listing's rows do.
  // Not when its fd count is of rows another grep picked: the rows shown are no sample of those.
  const byPath = filters.length > 0 && facts.bestView !== null && !countOfOtherRows(facts) && pickedByPath(facts.bestView, filters);
  const listed = !picked || counted !== null || byPath ? facts.kinds : {};
  const kinds = Object.entries(listed).filter(([k]) => k !== 'socket-tcp' && k !== 'device' && k !== 'dir');
  const top = kinds.sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
  if (top) return { kind: leakKindOf(top[0] as Parameters<typeof leakKindOf>[0]), count: counted ?? top[1] ?? null };
  // A folder's fd is a file the program opened (open(2) of a path, as `ls -l /proc/PID/fd` shows it):
  // folders beside live TCP and devices alone are files (grunt's and nomad's DIR rows).
  const dirs = listed.dir ?? 0;
  if (dirs > 0) return { kind: 'file', count: counted ?? dirs };
  // Only kinds no leak is (live TCP, devices) are listed: how many of the others there are is unknown.
  if (Object.keys(listed).length > 0) return { kind: 'other', count: null };
  // No listing: the kind its sockets in ss/netstat -p rows are, when one is most of them; else the
  // kind most of the fds strace saw it make and keep are; else files, when its rows a grep picked by
  // a word of their path were counted (`ls -l /proc/416/fd | grep storjshare | wc -l`).
  const pathCount: LeakKind | null = countedByPath(facts.process) ? 'file' : null;
  return { kind: socketRowsKind(facts) ?? keptInStraceKind(facts) ?? pathCount ?? 'other', count: null };
}

/**
 * Every filter is a plain word (`/tmp`, `tiny.watch`, a log's own path) found in the path of every
 * row shown, or the process's own name (`| grep node`, which picks the process, not rows): the grep
 * picked files by where they are, not fds by their kind (`| grep sock`, `| grep -v REG`).
 */
function pickedByPath(view: Pick<FdView, 'holder'>, filters: readonly string[]): boolean {
  // At most 2,000 entries a process (FdHolder.entries): the loop is bounded.
  const { entries, command } = view.holder;
  if (entries.length === 0) return false;
  // `| grep node` after a host-wide lsof picks the process by its name, not rows.
  const words = filters.filter((g) => g !== command);
  if (!words.every(isPathWord)) return false;
  for (const e of entries) {
    const path = e.name.replace(ANNOTATION, '');
    if (!/^[/~]/.test(path) || !words.every((g) => path.includes(g))) return false;
  }
  return true;
}

/** lsof's and ls's note after a name: ` (deleted)`, ` (CLOSE_WAIT)`. */
const ANNOTATION = / \([^()]{0,40}\)$/;

/** Its fd count is a count of rows some grep picked (`ls -l /proc/PID/fd | grep X | wc`). */
function countOfOtherRows(facts: CaseFacts): boolean {
  const count = facts.fdCount;
  if (!count) return false;
  return facts.process.pipelineCounts.some((c) => c.ev.file === count.ev.file && c.ev.line === count.ev.line && c.grep.length > 0);
}

/** Its fd count is a count of the rows these greps pick (the same filters, in any order): that count. */
function countOfSameRows(facts: CaseFacts, filters: string[]): number | null {
  const count = facts.fdCount;
  if (!count) return null;
  const same = (g: string[]) => g.length === filters.length && g.every((x) => filters.includes(x));
  const c = facts.process.pipelineCounts.find((c) => c.ev.file === count.ev.file && c.ev.line === count.ev.line && same(c.grep));
  return c ? count.value : null;
}

function keptInStraceKind(facts: CaseFacts): LeakKind | null {
  const byKind = new Map<LeakKind, number>();
  for (const g of facts.strace?.analysis.leaks ?? []) {
    if (g.pid !== facts.process.pid) continue;
    const kind = kindOfSignature(g.signature);
    byKind.set(kind, (byKind.get(kind) ?? 0) + g.count);
  }
  const all = [...byKind.values()].reduce((a, b) => a + b, 0);
  const top = [...byKind].sort((a, b) => b[1] - a[1])[0];
  return top && top[0] !== 'other' && top[1] * 2 > all ? top[0] : null;
}

function socketRowsKind(facts: CaseFacts): LeakKind | null {
  const sum = (k: 'udp' | 'unix') => facts.process.connections.reduce((n, c) => n + (c.sockets?.[k] ?? 0), 0);
  const closeWait = facts.process.connections.reduce((n, c) => n + (c.byState.CLOSE_WAIT ?? 0), 0);
  const tcp = facts.process.connections.reduce((n, c) => n + c.rows, 0);
  const counts: [LeakKind, number][] = [
    ['socket-unix', sum('unix')],
    ['socket-udp', sum('udp')],
    ['socket-close-wait', closeWait],
  ];
  const all = sum('unix') + sum('udp') + tcp;
  const top = counts.sort((a, b) => b[1] - a[1])[0];
  return top[1] > 0 && top[1] * 2 > all ? top[0] : null;
}
