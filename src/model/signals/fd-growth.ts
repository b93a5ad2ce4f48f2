// A count that climbs across samples is a leak in progress; a steady one is evidence of health.
// Sources: fd snapshots (fdleak collect), timed fd-count samples (`10:00:01 1017` per line), and
// one count command pasted again and again (`ls /proc/PID/fd | wc -l`), in the order it ran.
import { formatNumber as fmt } from '../../format.js';
import type { Climb, Growth } from '../growth.js';
import type { Measured, ProcessModel } from '../host.js';
import type { CaseFacts, Signal, SignalSource } from '../signal.js';
import { codeSpan } from '../../rich.js';
import { countRuns, kindOfGrep, picksFdFolderRows } from '../row-counts.js';

/** Gained at least this many fds, never dropping, over at least this many samples: decisive. */
const STEADY_CLIMB = { samples: 4, gained: 50 } as const;
const CLIMB = { gained: 20, share: 0.02 } as const;

/** An untimed rise: at least this many fds and this share of the first count (a busy server's count wobbles by a few). */
const RERUN_RISE = { gained: 3, share: 0.01 } as const;

/**
 * An untimed rise too large for a wobble, a few requests in flight or a pool warming up: at least
 * this many fds gained, whatever the first count (`ls /proc/PID/fd | wc -l` twice, 151 then 273; a
 * poller's 431 then 580). A pool makes its connections or event loops as it warms (a hundred at
 * most, the usual size), then holds them; a share of the first count says nothing more, since a
 * leak that ran a while before the first run is a large first count. Clear, not decisive: a climb
 * says the fds grow, not what they are, so it takes a kind beside it to make a leak.
 */
const RERUN_CLIMB = { gained: 100 } as const;

export const fdGrowthSignals: SignalSource = ({ facts }) => growthSignals(facts);

/**
 * Its fds climb clearly (fd-growth or fd-count-rose at 2 or more): what its listing shows is being
 * made again and again, not a set made once — a tracer's probes are made as it starts.
 */
export function fdsClimbClearly(facts: CaseFacts): boolean {
  return growthSignals(facts).some((s) => s.weight >= 2);
}

function growthSignals(facts: CaseFacts): Signal[] {
  const g = facts.growth;
  if (!g) return rerunRise(facts.process);
  // A rise that levelled off is a pool that warmed up (see growth.ts): no signal at all.
  if (g.levelled) return [];
  const climb = timedClimb(g);
  if (climb.length > 0) return climb;
  // A slow leak caught in a short window climbs by a few: timed, it points as an untimed rerun does.
  const slow = slowTimedRise(g);
  return slow.length > 0 ? slow : rerunRise(facts.process);
}

/** fd-growth's 3 and 2: a decisive or a clear climb of timed samples. */
function timedClimb(g: Growth): Signal[] {
  if (!g.rising) return [];
  const first = g.samples[0];
  const last = g.samples[g.samples.length - 1];
  const steady = g.monotonic && steadyRerun(g.samples.length, g.gained);
  // Not steady from the first sample, but climbing steadily to the capture's end (flat, then a leak).
  const end = !g.monotonic && steadyClimb(g.climbToEnd) ? g.climbToEnd : null;
  const climbing = g.gained >= CLIMB.gained && g.gained >= first.total * CLIMB.share;
  if (!steady && !end && !climbing) return [];
  const from = end ? g.samples[g.samples.length - end.samples] : null;
  return [
    {
      id: 'fd-growth',
      kind: null,
      weight: steady || end ? 3 : 2,
      count: g.gained,
      statement:
        `Its ${first.rows ? 'count of lsof rows' : 'fd count'} went from ${fmt(first.total)} to ${fmt(last.total)} in ${fmt(Math.round(g.spanSeconds))} s over ${g.samples.length} samples ` +
        `(${fmt(Math.round(g.perMinute * 10) / 10)} per minute${g.monotonic ? ', never dropping' : ''})` +
        (end && from
          ? `; over its last ${end.samples} samples it climbed from ${fmt(from.total)} to ${fmt(last.total)}, never dropping, to the capture's end.`
          : '.'),
      evidence: from ? [first.ev, from.ev, last.ev] : [first.ev, last.ev],
    },
  ];
}

/**
 * Timed samples that never drop and gain at least RERUN_RISE (one fd every 10-60 s over a minute or
 * two: 14, 15, 16, 18, 19): too little to prove growth, but a pointer, as the same count rerun
 * without a clock is (fd-count-rose) — a clock takes nothing away from the runs.
 */
function slowTimedRise(g: Growth): Signal[] {
  const first = g.samples[0];
  const last = g.samples[g.samples.length - 1];
  if (!g.monotonic || g.gained < RERUN_RISE.gained || g.gained < first.total * RERUN_RISE.share) return [];
  return [
    {
      id: 'fd-growth',
      kind: null,
      weight: 1,
      count: g.gained,
      statement:
        `Its ${first.rows ? 'count of lsof rows' : 'fd count'} went from ${fmt(first.total)} to ${fmt(last.total)} in ${fmt(Math.round(g.spanSeconds))} s over ${g.samples.length} samples, never dropping: ` +
        'a slow climb, too short a window to prove a leak.',
      evidence: [first.ev, last.ev],
    },
  ];
}

/**
 * A climb that never drops over at least STEADY_CLIMB.samples samples and ends at least
 * STEADY_CLIMB.gained above every sample before it (flat ones, or a wobble it rose out of).
 */
function steadyClimb(c: Climb | null): boolean {
  return c !== null && c.samples >= STEADY_CLIMB.samples && c.aboveEarlier >= STEADY_CLIMB.gained;
}

/**
 * fd-growth's decisive climb, of timed samples or of reruns of one count (never dropping, over at
 * least STEADY_CLIMB.samples runs, up by at least STEADY_CLIMB.gained): the test reads the order
 * and the size of the samples, not their times, so runs pasted in order without a clock pass it alike.
 */
export function steadyRerun(runs: number, gained: number): boolean {
  return runs >= STEADY_CLIMB.samples && gained >= STEADY_CLIMB.gained;
}

/**
 * A count whose reruns speak of the process's fds: of all its rows, or of the rows of its fd folder
 * a grep picked (`ls -l /proc/416/fd | grep 'storjshare' | wc -l`: each row an fd, so the picked fds
 * climbing are its fds climbing, as a loop's count of one kind's rows is for fd-growth), or lsof's
 * rows a grep picked by one kind's word. Not after a `grep -v` (the rows it keeps are every other
 * row), nor of lsof rows a grep picked by any other word (a name may pick rows a thread repeats).
 */
function rerunCountsItsFds(c: ProcessModel['pipelineCounts'][number]): boolean {
  return c.grep.length === 0 || picksFdFolderRows(c) || picksOneKindOfLsofRows(c);
}

/**
 * lsof rows a grep picked by one kind's word (`lsof -p 24110 | grep -c FIFO`): a thread may repeat
 * a row, but as many times in each run, so their climb is a climb of that kind's fds, as a timed
 * loop of the same count is for fd-growth.
 */
function picksOneKindOfLsofRows(c: ProcessModel['pipelineCounts'][number]): boolean {
  return c.tool === 'lsof' && c.grep.length === 1 && kindOfGrep(c.grep[0]) !== undefined;
}

/**
 * fd-count-rose's weight, from the runs' values in the order they ran (never dropping): 3 for a steady
 * climb over enough runs; 2 for a gain of RERUN_CLIMB.gained whose last run still rose (a count flat
 * at its end has levelled off, as a pool does when it is full); else 1.
 */
export function rerunWeight(values: readonly number[]): 1 | 2 | 3 {
  const gained = values[values.length - 1] - values[0];
  if (steadyRerun(values.length, gained)) return 3;
  const lastRose = values.length >= 2 && values[values.length - 1] > values[values.length - 2];
  return gained >= RERUN_CLIMB.gained && lastRose ? 2 : 1;
}

/**
 * The same count command run more than once in one file (a transcript: "ls /proc/PID/fd | wc -l",
 * then again later), its result never dropping and higher at the end: the count rose, at a rate
 * nobody timed. It points at the process; it proves nothing alone.
 */
function rerunRise(p: ProcessModel): Signal[] {
  const runs: Measured[][] = [
    ...countRuns(p.pipelineCounts.filter(rerunCountsItsFds)),
    // Its row in each host-wide lsof tally by pid, the same tally pasted again (NLPModelsIpopt.jl#100).
    ...countRuns(p.lsofRowRuns ?? []),
  ];
  const out: Signal[] = [];
  for (const inOrder of runs) {
    if (inOrder.length < 2) continue;
    const first = inOrder[0];
    const last = inOrder[inOrder.length - 1];
    const gained = last.value - first.value;
    const neverDropped = inOrder.every((c, i) => i === 0 || c.value >= inOrder[i - 1].value);
    if (!neverDropped || gained < RERUN_RISE.gained || gained < first.value * RERUN_RISE.share) continue;
    const weight = rerunWeight(inOrder.map((c) => c.value));
    out.push({
      id: 'fd-count-rose',
      kind: null,
      weight,
      ...(weight === 2 ? { weightWithoutKind: 1 as const } : {}),
      count: gained,
      statement: `${codeSpan(first.basis)}, run ${inOrder.length} times, went from ${fmt(first.value)} to ${fmt(last.value)}, never dropping (the runs are not timed: the rate is unknown).`,
      evidence: inOrder.map((c) => c.ev),
    });
  }
  return out.slice(0, 1);
}
