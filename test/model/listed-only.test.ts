// A listing pasted alone that says not whose fds it shows, in a bundle that knows no process, is
// the fds of the process the bundle is about: a process known by that listing alone, pid null,
// judged as any other. With another process in the bundle the listing may be its, and stays unnamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { formatSummary } from '../../src/cli/summary.js';
import { renderMarkdownFull } from '../../src/report/markdown.js';
import { contradictions } from '../accuracy/consistency.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const UDISKSD = join(CASES_DIR, 'gh-udisksd-eventfd-ls-proc-fd', 'transcript.md');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test("udisksd's fd folder pasted without its pid: 10 eventfds of 19 rows, fds up to 113, point at the process it lists", async () => {
  const { result } = await analyzeBundle(UDISKSD, { now });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.namedBy, 'the fd listing at transcript.md:13 alone, which names no process');
  assert.equal(s.pidCommand, undefined);
  assert.equal(s.user, 'root');
  assert.equal(s.leak.kind, 'anon-inode');
  assert.equal(s.leak.count, 10);
  assert.equal(s.fdCount, 114);
  // No command prints its pid: the captures that would decide say PID, and nothing names it "unknown".
  assert.ok(s.decide.length > 0 && s.decide.every((d) => !/\$\((?:cat|pgrep|pidof)\b/.test(d.command)));
  assert.ok(s.decide.some((d) => d.command.includes('/proc/PID/limits')));
  assert.doesNotMatch(result.summary, /named unknown/);
  assert.deepEqual(contradictions(result), []);
  for (const text of [formatSummary(result), renderMarkdownFull(result)]) assert.doesNotMatch(text, /named unknown|\bundefined\b/);
});

test('the listing is not a process of its own when the bundle knows another, nor when two listings say not whose they are', async () => {
  const text = readFileSync(UDISKSD, 'utf8');
  // `pidof udisksd` printed its pid: the only process the bundle knows, whose fds the listing shows.
  const named = await analyzeText(text.replace('```\nlrwx', '```\n$ pidof udisksd\n2187\n```\n\n```\nlrwx'));
  assert.equal(named.suspects[0].pid, 2187);
  assert.equal(named.suspects[0].leak.kind, 'anon-inode');
  // A second listing of no one, its own command: maybe another process's.
  const block = text.slice(text.indexOf('```\nlrwx')).replace('```\n', '```\n$ ls -l /proc/$PID/fd\n');
  const twice = await analyzeText(`${text}\nAnd later:\n\n${block}`);
  assert.deepEqual(twice.suspects, []);
});

// gh-containerd-init-control-proc-star-fd-grep-deleted: `ls` of every process's fd folder, its
// `/proc/N/fd:` headers grep'd away — the rows may be of several processes.
test("`ls -l /proc/*/fd/ | grep deleted` is no one process's listing, even alone in the bundle", async () => {
  const rows = [
    'lrwx------ 1 root root 64 Jun 28 00:44 39 -> /run/containerd/9dde41ecbdefee15d9681a8da419015a3160faef45eebf543ec2bcabcb1bcd42/init/control (deleted)',
    'lrwx------ 1 root root 64 Jun 28 00:44 43 -> /run/containerd/7ca8ac8dad282a505ccc7b3fc643985879530a71efdb487e26e2a7e0f8b4fd1b/init/control (deleted)',
    'lrwx------ 1 root root 64 Jun 28 01:00 76 -> /run/containerd/094b11fdfb0bbc782319483335bd3f736291b303f436421127d4b91cd879095e/init/control (deleted)',
    'lrwx------ 1 root root 64 Jun 28 01:00 77 -> /run/containerd/cb469696a72c151a4da143fa6a2f820c5b5ce146005cc56eaddd6fd1b0ca567b/init/control (deleted)',
    'lrwx------ 1 root root 64 Jun 28 01:00 78 -> /run/containerd/fbec2b08ce946b0d48c4682afeeb1638e82779c45683eb6a0e34590cca355151/init/control (deleted)',
  ];
  const every = await analyzeText(['```', '# ls -l /proc/*/fd/ | grep deleted', ...rows, '```', ''].join('\n'));
  assert.equal(every.verdict, 'inconclusive');
  assert.deepEqual(every.suspects, []);
  assert.deepEqual(every.processes, []);
  // The same rows of one folder whose pid nothing prints are the process the bundle is about.
  const one = await analyzeText(['```', '# ls -l /proc/$PID/fd/ | grep deleted', ...rows, '```', ''].join('\n'));
  assert.deepEqual(
    one.suspects.map((s) => s.pid),
    [null],
  );
});
