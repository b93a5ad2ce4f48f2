// One case file per process: what the bundle knows of it (fd count, limit, kinds, growth, strace,
// logs), every signal the evidence gives, and what they add up to — the leak kind they point at,
// a score and a confidence. docs/diagnosis.md is the table of signals and how they add up.
import { namedOf, whoIs } from './processes.js';
import { pidArgument } from '../process-label.js';
import { dedupeRefs } from '../types.js';
import { formatNumber as fmt } from '../format.js';
import type { Confidence, LeakKind } from '../result.js';
import type { LimitValue } from '../sources/artifacts.js';
import type { FdView, HostModel, Measured, ProcessModel } from './host.js';
import { growthOf } from './growth.js';
import { rowFilters } from './pipeline.js';
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
import { namesOneFile } from './signals/same-file.js';
import { fdLimitSignals } from './signals/fd-limit.js';
import { fdGrowthSignals } from './signals/fd-growth.js';
import { exhaustionSignals } from './signals/exhaustion.js';
import { kindOfSignature, straceSignals } from './signals/strace.js';
import { straceFdRiseSignals } from './signals/strace-fd-rise.js';
import {
  countText,
  findFolderExtraLines,
  lsAddedLinesPicked,
  lsofPickedKind,
  picksFdFolderRows,
  picksFdRowsOnly,
  rowsAreFds,
} from './row-counts.js';
import { hostGapSignals } from './signals/host-gap.js';
import { inheritedSignals } from './signals/inherited.js';
import { fromAncestorSignals } from './signals/from-ancestors.js';
import { inotifySignals } from './signals/inotify.js';
import { unclosedAtExitSignals } from './signals/unclosed-at-exit.js';

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
  hostGapSignals,
];

/** Score from which a case is a leak, and from which the leak is certain beyond one source. */
export const LEAK_SCORE = 3;
/**
 * Signals that only say the process ran out, or how many fds it holds: not what they are nor that
 * they grow. EMFILE is running out as a count at the limit is.
 */
const SIZE_SIGNALS = new Set(['at-fd-limit', 'near-fd-limit', 'high-fd-number', 'fds-unexplained', 'emfile-in-log', 'emfile-in-strace']);
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
  const cut = best && fdCount && coversLessThanHalf(best, fdCount) ? { ...best, partial: true } : best;
  // A listing that only looked whole gives way to a count of all its rows by TYPE.
  const bestView = cut?.partial ? (p.fdViews.find((v) => v.tally && !v.partial) ?? cut) : cut;
  const lastSnapshot = p.snapshots.at(-1);
  const kinds = bestView?.holder.byKind ?? (lastSnapshot && Object.keys(lastSnapshot.byKind).length ? lastSnapshot.byKind : {});
  const limit = shellLimitOutgrown(fdLimit, fdCount, p) ? null : fdLimit;
  const limitUse = fdCount && limit?.value ? fdCount.value / limit.value : null;
  return { process: p, fdCount, fdLimit: limit, kinds, bestView, limitUse, growth: growthOf(p.snapshots), strace, logs, children };
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
    .map((s) => ({ ...s, evidence: dedupeRefs(s.evidence) }))
    .sort((a, b) => b.weight - a.weight || (b.count ?? 0) - (a.count ?? 0))
    .filter((s, i, all) => !all.slice(0, i).some((stronger) => sameFact(stronger, s)));
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
  const listed = !picked || counted !== null ? facts.kinds : {};
  const kinds = Object.entries(listed).filter(([k]) => k !== 'socket-tcp' && k !== 'device' && k !== 'dir');
  const top = kinds.sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
  if (top) return { kind: leakKindOf(top[0] as Parameters<typeof leakKindOf>[0]), count: counted ?? top[1] ?? null };
  // Only kinds no leak is (live TCP, devices, folders) are listed: how many of the others there are is unknown.
  if (Object.keys(listed).length > 0) return { kind: 'other', count: null };
  // No listing: the kind its sockets in ss/netstat -p rows are, when one is most of them; else the
  // kind most of the fds strace saw it make and keep are.
  return { kind: socketRowsKind(facts) ?? keptInStraceKind(facts) ?? 'other', count: null };
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

/**
 * The view that covers the process best: complete tables first, and of those a listing that names
 * its fds before a count of rows by TYPE; then the one listing the most fds, where lsof and lsfd
 * beat ls -l /proc/PID/fd at about the same count (they tell socket types apart).
 */
function bestFdView(p: ProcessModel): FdView | null {
  let best: FdView | null = null;
  for (const v of p.fdViews) {
    if (!best) best = v;
    else if (best.partial !== v.partial) best = v.partial ? best : v;
    else if (!best.partial && !!best.tally !== !!v.tally) best = v.tally ? best : v;
    else if (v.holder.fds * 0.95 > best.holder.fds) best = v;
    else if (v.holder.fds >= best.holder.fds * 0.95 && typed(v) && !typed(best)) best = v;
  }
  return best;
}

const typed = (v: FdView) => v.tool !== 'proc-fd';

/**
 * A listing that holds under half the fds an exact count of the same process gives is an excerpt,
 * however whole it looks: a paste cut short, or a listing from before the count. (lsof rows are not
 * an exact count: per-thread rows multiply a complete listing.)
 */
function coversLessThanHalf(view: FdView, count: Measured): boolean {
  return !view.partial && count.measure === 'fds' && view.holder.fds < count.value * 0.5;
}

/**
 * How many fds the process holds, best measure first: a complete listing's distinct fds (or a later
 * snapshot's count); else the largest of what the bundle has — a count of `ls /proc/PID/fd`, lsof
 * rows for the pid (rows, not fds), a partial listing, or the highest fd number seen (a lower bound).
 */
function fdCountOf(p: ProcessModel, view: FdView | null, strace: StraceView | null): Measured | null {
  // A listing with no fd row at all (`lsof -p` cut after its cwd and rtd rows) counts nothing: a
  // running program holds fds 0-2 at least.
  const fromView: Measured | null = view?.holder.fds
    ? {
        value: view.holder.fds,
        ev: view.holder.firstEvidence,
        basis:
          view.tally === 'type'
            ? `lsof rows of ${whoIs(p)} counted by TYPE in ${view.file}`
            : view.tally === 'target'
              ? `fds of ${whoIs(p)} counted by link target in ${view.file}`
              : view.tally === 'name'
                ? `lsof rows of ${whoIs(p)} counted by NAME in ${view.file}`
                : `distinct fds of ${whoIs(p)} in ${view.file}`,
        measure: view.partial ? 'at-least' : view.tally === 'type' || view.tally === 'name' ? 'rows' : 'fds',
      }
    : null;
  const last = p.snapshots.at(-1);
  const fromSnapshot: Measured | null = last
    ? {
        value: last.total,
        ev: last.ev,
        basis: `${last.ev.file} at ${last.at}`,
        measure: last.grep ? 'at-least' : last.rows ? 'rows' : 'fds',
      }
    : null;
  const counts = p.pipelineCounts
    .filter(
      (c) => c.grep.length === 0 && (c.tool === 'ls' || c.tool === 'lsof' || (c.tool === 'find' && findFolderExtraLines(c.basis) !== null)),
    )
    .map(countMeasure);
  // Exact counts first: a complete listing, a snapshot, `ls /proc/PID/fd | wc -l`. Of several, the
  // largest: a growing process has more fds at the later capture.
  const exact = [fromView, fromSnapshot, ...counts].filter((c) => c?.measure === 'fds').filter((c): c is Measured => c !== null);
  if (exact.length > 0) return exact.reduce((a, b) => (b.value > a.value ? b : a));
  const rows = p.lsofRows ? { ...p.lsofRows, measure: 'rows' as const } : null;
  const fdRows = fdRowsCounted(p);
  // Rows that do not repeat per thread are its fds and a few cwd, txt and mem rows: fds counted
  // among them say more, once they are most of them.
  const byRows = (c: Measured) => !fdRows || c.measure !== 'rows' || c.value > fdRows.value * 2;
  const bounds = [rows, fromSnapshot, ...counts, fromView, highestFd(p, strace), fdRows, socketsListed(p)].filter(
    (c): c is Measured => !!c && byRows(c),
  );
  if (bounds.length === 0) return null;
  return bounds.reduce((a, b) => (b.value > a.value ? b : a));
}

/**
 * `lsof | grep 1147 | grep -c TCP`: rows of a kind only fds have, counted in an lsof whose rows
 * of this process show no per-thread repeat (a listing of the same command, its rows without a
 * TID), are that many fds at least; so are the rows of `ls /proc/PID/fd` a grep picked.
 */
function fdRowsCounted(p: ProcessModel): Measured | null {
  let best: Measured | null = null;
  for (const c of p.pipelineCounts) {
    // `ls -l /proc/47561/fd | grep mesos-jenkins | wc`: every row of the folder is an fd (less the
    // lines ls adds, which a grep may also pick): the rows a grep picked are that many fds at least.
    if (picksFdFolderRows(c)) {
      const fds = pickedFds(c);
      if (!best || fds.value > best.value) best = fds;
      continue;
    }
    // Rows of one file a grep picked (same-file-open counts them as its fds) are fds as well.
    const oneFile = c.grep.length === 1 && namesOneFile(p, c.grep[0]) && !(p.command ?? '').includes(c.grep[0]);
    if (c.tool !== 'lsof' || !(oneFile || c.grep.some(picksFdRowsOnly)) || c.grep.some((g) => g.startsWith('!'))) continue;
    if (!rowsAreFds(p, c) || (best && c.value <= best.value)) continue;
    const what = oneFile ? `rows of one file, ${c.grep[0]}` : 'rows of fds only';
    const basis = `${countText(c)}: ${what}, and this lsof shows no row of ${whoIs(p)} twice, with no TID column`;
    best = { value: c.value, ev: c.ev, basis, measure: 'at-least' };
  }
  return best;
}

/**
 * The fds among the rows of `ls /proc/PID/fd` a grep picked: all of them, but the lines ls adds
 * (`ls -l`'s "total" line, `ls -a`'s `.` and `..`) when the grep may pick those too (lsAddedLinesPicked).
 */
function pickedFds(c: ProcessModel['pipelineCounts'][number]): Measured {
  if (c.tool === 'find') return foundFds(c);
  const flags = (/\bls((?:\s+-[a-zA-Z]+)+)/.exec(c.basis)?.[1] ?? '').replace(/[\s-]/g, '');
  const less = lsAddedLinesPicked(flags, c.grep);
  return {
    value: Math.max(0, c.value - less),
    ev: c.ev,
    basis: `${countText(c)}: rows of its fd folder a grep picked${less ? ' (less the lines ls adds)' : ''}`,
    measure: 'at-least',
  };
}

/** `find /proc/PID/fd | wc -l`: its fds, less the line find prints of the folder itself (findFolderExtraLines). */
function foundFds(c: ProcessModel['pipelineCounts'][number]): Measured {
  const folder = findFolderExtraLines(c.basis) ?? 0;
  const basis = folder ? `${countText(c)}: minus find's line of the folder itself` : countText(c);
  return { value: Math.max(0, c.value - folder), ev: c.ev, basis, measure: 'fds' };
}

/**
 * `ls /proc/PID/fd | wc -l` counts fds (`ls -l` adds its "total" line, `ls -a` the `.` and `..`
 * entries); `lsof -p PID | wc -l` counts rows.
 */
function countMeasure(c: ProcessModel['pipelineCounts'][number]): Measured {
  const picked = lsofPickedKind(c);
  if (picked)
    return { value: picked.value, ev: c.ev, basis: `${countText(c)}: its fds of one kind, less lsof's header`, measure: 'at-least' };
  if (c.tool === 'lsof' && c.measure !== 'fds')
    return { value: c.value, ev: c.ev, basis: `${countText(c)}: lines of lsof output, not distinct fds`, measure: 'rows' };
  if (c.tool === 'find') return foundFds(c);
  const flags = (/\bls((?:\s+-[a-zA-Z]+)+)/.exec(c.basis)?.[1] ?? '').replace(/[\s-]/g, '');
  const extra = [...(flags.includes('l') ? ['ls -l\'s "total" line'] : []), ...(flags.includes('a') ? ["ls -a's . and .."] : [])];
  const less = (flags.includes('l') ? 1 : 0) + (flags.includes('a') ? 2 : 0);
  return {
    value: Math.max(0, c.value - less),
    ev: c.ev,
    // Said inside parentheses ("1,021 fds (…)"): none of its own.
    basis: extra.length ? `${countText(c)}: minus ${extra.join(' and ')}` : countText(c),
    measure: 'fds',
  };
}

/**
 * Its sockets in one connection listing with a process column (`ss -tp | grep CLOSE-WAIT | grep -c
 * ztunnel` = 89928): each is an fd of it, so it holds that many fds at least.
 */
function socketsListed(p: ProcessModel): Measured | null {
  let best: Measured | null = null;
  for (const c of p.connections) {
    const n = c.rows + Object.values(c.sockets ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    if (n === 0 || (best && n <= best.value)) continue;
    best = { value: n, ev: c.evidence[0] ?? { file: c.file, line: 1 }, basis: `its ${fmt(n)} sockets in ${c.file}`, measure: 'at-least' };
  }
  return best;
}

/** fd N open means N lower fds were open when it was allocated (fds are handed out lowest first). */
function highestFd(p: ProcessModel, strace: StraceView | null): Measured | null {
  const made = strace?.analysis.highestOpenFd;
  let best: Measured | null = made
    ? {
        value: made.fd + 1,
        ev: made.ev,
        basis: `fd ${made.fd}, which it made at ${made.ev.file}:${made.ev.line} and held to the capture's end`,
        measure: 'at-least',
      }
    : null;
  const logged = p.loggedFd;
  if (logged && (!best || logged.fd + 1 > best.value))
    best = {
      value: logged.fd + 1,
      ev: logged.ev,
      basis: `fd ${logged.fd}, which its log names at ${logged.ev.file}:${logged.ev.line}`,
      measure: 'at-least',
    };
  for (const c of p.connections) {
    if (!c.maxFd || (best && c.maxFd.fd + 1 <= best.value)) continue;
    best = { value: c.maxFd.fd + 1, ev: c.maxFd.ev, basis: `fd ${c.maxFd.fd}, a socket, is open in ${c.file}`, measure: 'at-least' };
  }
  for (const v of p.fdViews) {
    const h = v.holder;
    const shellTty = h.maxFd === SHELL_TTY_FD && h.maxFdAtLeast === undefined ? belowShellTty(h) : undefined;
    const fd = shellTty ? shellTty.fd : Math.max(h.maxFd ?? -1, h.maxFdAtLeast ?? -1);
    if (fd < 0 || (best && fd + 1 <= best.value)) continue;
    const how =
      h.maxFdAtLeast !== undefined && h.maxFdAtLeast >= (h.maxFd ?? -1)
        ? `an fd of ${fd} or more, which lsof prints as *${String(fd).slice(-3)},`
        : `fd ${fd}`;
    const line = shellTty ? shellTty.line : h.maxFdLine;
    best = {
      value: fd + 1,
      ev: line !== undefined ? { file: v.file, line } : h.firstEvidence,
      basis: `${how} is open in ${v.file}`,
      measure: 'at-least',
    };
  }
  return best;
}

/** bash keeps its terminal on fd 255, moved there on purpose (F_DUPFD), not the lowest free fd. */
const SHELL_TTY_FD = 255;

/**
 * The highest fd below a shell's terminal on fd 255: fd 255 says nothing of the fds open under
 * it. Undefined when fd 255 is not a terminal (then it was handed out as any other fd).
 */
function belowShellTty(h: ProcessModel['fdViews'][number]['holder']): { fd: number; line: number | undefined } | undefined {
  const list = h.entries;
  let tty = false;
  let best: { fd: number; line: number | undefined } = { fd: -1, line: undefined };
  for (let i = 0; i < list.length; i++) {
    const fd = Number(list.fd(i));
    if (fd === SHELL_TTY_FD) tty = /^\/dev\/(?:pts\/|tty)/.test(list.name(i));
    else if (Number.isInteger(fd) && fd > best.fd) best = { fd, line: list.line(i) };
  }
  // The entries stop at a cap: past it, what lies under fd 255 is not all shown.
  return tty && list.length === h.fds ? best : undefined;
}
