// Step 8: forks that copy fds into a child while another thread has not yet marked them close-on-exec.
import type { Rule, RuleOutcome } from './rule.js';
import { fmt } from './rule.js';
import type { Detail } from '../result.js';

export const rule: Rule = {
  id: 'cloexec-fork-race',
  step: 8,
  title: 'No fork copied an fd that was not yet close-on-exec',
  failureTitle: 'Forks copy fds that another thread has not yet marked close-on-exec',
  method:
    'A fork copies every open fd into the child; `execve` then closes only those marked close-on-exec. A thread that ' +
    'creates an fd without `SOCK_CLOEXEC`/`O_CLOEXEC` and sets `FD_CLOEXEC` with `fcntl` a moment later leaves a gap: ' +
    'if another thread forks inside it, the child keeps the fd, and the socket or file stays open as long as the child ' +
    'lives, even after the parent closes it. Look for `clone`/`fork`/`vfork` without `CLONE_FILES` between a creation ' +
    'and its `fcntl(fd, F_SETFD, FD_CLOEXEC)`. The fix: create fds with the CLOEXEC flag, atomically.',
  check(ctx): RuleOutcome | null {
    const a = ctx.strace?.analysis;
    if (!a) return null;
    const races = a.cloexecRaces;
    const children = a.nonExecChildren;
    const forks = a.threads.reduce((n, t) => n + t.forks, 0);
    if (races.length === 0 && children.length === 0) {
      if (forks === 0) return null;
      return { status: 'pass', severity: 'info', evidence: [], detail: `${fmt(forks)} fork${forks === 1 ? '' : 's'} in the window; none copied an fd that was still waiting for FD_CLOEXEC.` };
    }
    const details: Detail[] = [];
    if (races.length > 0) {
      details.push({
        type: 'table',
        caption: 'fds copied into a child before FD_CLOEXEC',
        headings: ['fd', 'created by', 'forked by', 'child', 'fork after creation (ms)', 'FD_CLOEXEC after fork (ms)', 'kind'],
        rows: races.slice(0, 20).map((r) => [r.fd, r.creatorTid, r.forkTid, r.child, ms(r.gap), ms(r.setAfter), r.kind]),
      });
    }
    if (children.length > 0) {
      details.push({
        type: 'table',
        caption: 'Children that never called execve (they keep every fd they inherited)',
        headings: ['child', 'forked by', 'fds inherited', 'exited'],
        rows: children.slice(0, 20).map((c) => [c.child, c.forkTid, c.inherited, c.exited ? 'yes' : 'no']),
      });
    }
    const r = races[0];
    const first = r
      ? `thread ${r.forkTid} forked child ${r.child ?? '?'} ${r.gap !== null ? `${ms(r.gap)} ms ` : ''}after thread ${r.creatorTid} created fd ${r.fd} and before it set FD_CLOEXEC, so the child inherited it`
      : `child ${children[0].child} of thread ${children[0].forkTid} never called execve and kept ${fmt(children[0].inherited)} inherited fds`;
    return {
      status: 'fail',
      severity: 'medium',
      detail: `${fmt(races.length)} fd${races.length === 1 ? '' : 's'} copied into children before FD_CLOEXEC, ${fmt(children.length)} child${children.length === 1 ? '' : 'ren'} without execve; e.g. ${first}.`,
      evidence: [...(r?.evidence ?? []), ...(children[0]?.evidence.slice(0, 2) ?? [])],
      details,
    };
  },
};

function ms(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds * 1e6) / 1e3;
}
