// Step 8: forks that copy fds into a child while another thread has not yet marked them
// close-on-exec, and what each child did with its copies: only copies a child still held after
// its execve are inherited; those it closed first (the JDK's spawn helper, close_range after fork)
// are not.
import type { Rule, RuleOutcome } from './rule.js';
import { fmt } from './rule.js';
import type { Detail } from '../result.js';
import { undecided } from '../model/strace/cloexec-race.js';
import type { CloexecRace, InheritOutcome, StraceAnalysis } from '../model/strace/types.js';
import { capitalise } from '../text.js';

/** How the table says what the child did, in the order it lists them. */
const IN_CHILD: Record<InheritOutcome, string> = {
  kept: 'kept after execve',
  unknown: 'not shown',
  closed: 'closed by the child',
  'exec-closed': 'closed at execve (close-on-exec in the child)',
  'no-exec': 'no execve (held until exit)',
};
const ORDER = Object.keys(IN_CHILD) as InheritOutcome[];
/** What the child did with the copy of an example, as the end of its sentence. */
const FATE: Record<InheritOutcome, (r: CloexecRace) => string> = {
  kept: () => 'and the child execed with it open and never closed it',
  unknown: () => 'and what the child did with it is not shown',
  closed: (r) => `and the child closed it${r.closedBeforeExec ? ' before its execve' : ''}`,
  'exec-closed': () => 'and it was close-on-exec in the child when the child execed',
  'no-exec': () => 'and the child never execed',
};

export const rule: Rule = {
  id: 'cloexec-fork-race',
  step: 8,
  title: 'No child kept an fd that a fork copied before it was close-on-exec',
  failureTitle: 'Children keep fds that a fork copied before they were close-on-exec',
  method:
    'A fork copies every open fd into the child; `execve` then closes only those marked close-on-exec. A thread that ' +
    'creates an fd without `SOCK_CLOEXEC`/`O_CLOEXEC` and sets `FD_CLOEXEC` with `fcntl` a moment later leaves a gap: ' +
    'if another thread forks inside it, the child gets a copy, and the socket or file stays open as long as the child ' +
    'holds it, even after the parent closes it. Look for `clone`/`fork`/`vfork` without `CLONE_FILES` between a creation ' +
    'and its `fcntl(fd, F_SETFD, FD_CLOEXEC)`, then follow the child (`strace -f`): a copy is inherited only if the child ' +
    "still holds it after its `execve`. Many children close what they inherited first — the JDK's spawn helper, " +
    '`close_range(3, ~0U, 0)` after fork, `posix_spawn` file actions — and then nothing leaks; `ls -l /proc/CHILD/fd` ' +
    'of a running child shows the same. The fix: create fds with the CLOEXEC flag, atomically.',
  check(ctx): RuleOutcome | null {
    const a = ctx.strace?.analysis;
    if (!a) return null;
    const races = a.cloexecRaces;
    const children = a.nonExecChildren;
    const forks = a.threads.reduce((n, t) => n + t.forks, 0);
    if (races.length === 0 && children.length === 0) {
      if (forks === 0) return null;
      return {
        status: 'pass',
        severity: 'info',
        evidence: [],
        detail: `${fmt(forks)} fork${forks === 1 ? '' : 's'} in the window; none copied an fd that was still waiting for FD_CLOEXEC.`,
      };
    }
    const details = tables(races, a);
    const kept = races.filter((r) => r.outcome === 'kept');
    const others = summary(
      races.filter((r) => r.outcome !== 'kept'),
      a,
    );
    if (kept.length > 0) {
      const held = keptGroups(kept);
      const r = held[0].first;
      const more = held.length > MAX_GROUPS ? `, and ${fmt(held.length - MAX_GROUPS)} more` : '';
      // The example cites the first kind of fd kept; each other kind shown, its creation and the
      // child's line that shows it kept.
      const cited = held.slice(1, MAX_GROUPS).flatMap((g) => [g.first.evidence[0], g.first.evidence[g.first.evidence.length - 1]]);
      return {
        status: 'fail',
        // A copy still open in a child after its execve is the leak itself, however few children the
        // capture caught: every helper forked inside the gap gets one.
        severity: 'high',
        detail:
          `${fds(kept.length)} copied into ${childCount(kept)} before FD_CLOEXEC ${kept.length === 1 ? 'was' : 'were'} still open in the child after its execve: ` +
          `${held.slice(0, MAX_GROUPS).map(describeGroup).join('; ')}${more}. ` +
          `E.g. ${copied(r)}.${others.length > 0 ? ` Besides: ${others.join('; ')}.` : ''}`,
        evidence: [...r.evidence, ...cited],
        details,
      };
    }
    const r = races[0];
    return {
      status: 'info',
      severity: 'info',
      title: r ? 'Forks copied fds before they were close-on-exec; no child is shown keeping one' : 'Children that never called execve',
      detail: `${others.map(capitalise).join('. ')}.${r ? ` E.g. ${copied(r)}.` : ''}`,
      evidence: r?.evidence ?? children[0].evidence.slice(0, 2),
      details,
    };
  },
};

/** What became of the copies that were not kept, one clause per outcome, and the children that never execed. */
function summary(races: CloexecRace[], a: StraceAnalysis): string[] {
  const out: string[] = [];
  const of = (o: InheritOutcome) => races.filter((r) => r.outcome === o);
  const closed = of('closed');
  if (closed.length > 0) {
    const before = closed.filter((r) => r.closedBeforeExec).length;
    const when =
      before === closed.length ? "before execve (as the JDK's spawn helper does)" : `itself (${fmt(before)} of them before its execve)`;
    out.push(`${fds(closed.length)} copied into ${childCount(closed)} but closed by the child ${when}`);
  }
  const atExec = of('exec-closed');
  if (atExec.length > 0)
    out.push(
      `${fds(atExec.length)} copied into ${childCount(atExec)} ${atExec.length === 1 ? 'was' : 'were'} close-on-exec in the child when it execed`,
    );
  const unknown = of('unknown');
  if (unknown.length > 0) {
    out.push(`${fds(unknown.length)} copied into ${childCount(unknown)} whose fate the capture does not show: ${undecided(unknown)}`);
  }
  const noExec = a.nonExecChildren;
  if (noExec.length > 0) {
    out.push(
      `${childCount(noExec.map((c) => c.child))} never called execve: ${noExec.length === 1 ? 'it runs' : 'they run'} the parent's code and ${noExec.length === 1 ? 'holds' : 'hold'} every fd ${noExec.length === 1 ? 'it' : 'they'} inherited (e.g. child ${noExec[0].child} of thread ${noExec[0].forkTid}, ${fmt(noExec[0].inherited)} fds)`,
    );
  }
  return out;
}

function tables(races: CloexecRace[], a: StraceAnalysis): Detail[] {
  const details: Detail[] = [];
  if (races.length > 0) {
    const shown = [...races].sort((x, y) => ORDER.indexOf(x.outcome) - ORDER.indexOf(y.outcome)).slice(0, 20);
    details.push({
      type: 'table',
      caption: 'fds copied into a child before FD_CLOEXEC, and what the child did with its copy',
      headings: [
        'fd',
        'created by',
        'forked by',
        'child',
        'fork after creation (ms)',
        'FD_CLOEXEC after fork (ms)',
        'kind',
        'in the child',
      ],
      rows: shown.map((r) => [r.fd, r.creatorTid, r.forkTid, r.child, ms(r.gap), ms(r.setAfter), r.kind, IN_CHILD[r.outcome]]),
    });
  }
  if (a.nonExecChildren.length > 0) {
    details.push({
      type: 'table',
      caption: 'Children that never called execve (they keep every fd they inherited)',
      headings: ['child', 'forked by', 'fds inherited', 'exited'],
      rows: a.nonExecChildren.slice(0, 20).map((c) => [c.child, c.forkTid, c.inherited, c.exited ? 'yes' : 'no']),
    });
  }
  return details;
}

/** `thread F forked child C 1.2 ms after thread T created fd N and before it set FD_CLOEXEC, and the child ...`. */
function copied(r: CloexecRace): string {
  const when = r.gap !== null ? `${ms(r.gap)} ms ` : '';
  const mark = r.kind === 'race' ? ' and before it set FD_CLOEXEC' : ', which it never marked close-on-exec';
  return `thread ${r.forkTid} forked child ${r.child ?? '?'} ${when}after thread ${r.creatorTid} created fd ${r.fd}${r.path ? ` (${r.path})` : ''}${mark}, ${FATE[r.outcome](r)}`;
}

/** Kinds of fd kept the detail names; each past the first adds two evidence lines. */
const MAX_GROUPS = 3;
/** fd numbers listed per kind of fd kept. */
const MAX_FD_NUMBERS = 6;

interface KeptGroup {
  /** The file's path; for a socket, pipe or other inode without one, the call that made it. */
  what: string;
  fds: number[];
  races: CloexecRace[];
  first: CloexecRace;
}

/** The kept copies by what the fd is, most children first. */
function keptGroups(kept: CloexecRace[]): KeptGroup[] {
  const groups = new Map<string, KeptGroup>();
  for (const r of kept) {
    const what = r.path && !/^[\w-]+:\[\d+\]$/.test(r.path) ? r.path : r.detail;
    let g = groups.get(what);
    if (!g) groups.set(what, (g = { what, fds: [], races: [], first: r }));
    if (!g.fds.includes(r.fd)) g.fds.push(r.fd);
    g.races.push(r);
  }
  const children = (g: KeptGroup) => new Set(g.races.map((r) => r.child)).size;
  return [...groups.values()].sort((x, y) => children(y) - children(x));
}

/** `/var/log/app.log (fds 3 and 5, in 7 children)`. */
function describeGroup(g: KeptGroup): string {
  const nums = [...g.fds].sort((x, y) => x - y);
  const shown = nums.slice(0, MAX_FD_NUMBERS).map(String);
  if (nums.length > MAX_FD_NUMBERS) shown.push(`${fmt(nums.length - MAX_FD_NUMBERS)} more`);
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `${g.what} (fd${nums.length === 1 ? '' : 's'} ${list}, in ${childCount(g.races)})`;
}

function fds(n: number): string {
  return `${fmt(n)} fd${n === 1 ? '' : 's'}`;
}

/** `3 children` from races or child pids. */
function childCount(of: (CloexecRace | number)[]): string {
  const n = new Set(of.map((x) => (typeof x === 'number' ? x : x.child))).size;
  return `${fmt(n)} child${n === 1 ? '' : 'ren'}`;
}

function ms(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds * 1e6) / 1e3;
}
