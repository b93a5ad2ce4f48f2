// `lsof -p PID | grep -c pipe`: a count of the process's lsof rows of one kind, with nothing to show
// that its lsof printed each fd once (a thread may repeat a row). Real outputs: ewxrjk/rsbackup#83
// (gh-rsbackup-83-lsof-grep-c-pipe-137-systemd-run, `lsof -p 15081|grep -c pipe` = 137, typed
// there under the author's own `really` wrapper) and LearnBoost/cluster#106
// (gh-cluster-node-master-socketpair-unix-count-rising, `lsof -p 12598 | grep unix -c` climbing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

async function analyze(lines: string[]) {
  return analyzeTranscript(`${lines.join('\n')}\n`, 'transcript.md');
}

test("a process's lsof rows of one kind, counted by a grep, point at it and say the kind: rows, not fds", async () => {
  const r = await analyze(['```', 'rjk@araminta:~$ lsof -p 15081|grep -c pipe', '137', '```']);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 15081);
  assert.equal(r.suspects[0]?.leak?.kind, 'pipe');
  const reason = r.suspects[0]?.reasons.find((x) => x.signal === 'pipe-pile');
  assert.equal(reason?.weight, 1, 'how many fds the rows are is unknown: a pointer only');
  assert.match(reason?.statement ?? '', /^137 lsof rows are of pipes .*a thread may repeat a row: as many fds at most/);
  // Below the pile's weak bound the rows point at nobody.
  const few = await analyze(['```', '$ lsof -p 15081|grep -c pipe', '12', '```']);
  assert.equal(few.suspects.length, 0);
});

test('counted unix-socket rows of a leaking node master say its kind beside its EMFILE', async () => {
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-cluster-node-master-socketpair-unix-count-rising', 'transcript.md'))).result;
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 12598);
  assert.equal(r.suspects[0]?.leak?.kind, 'socket-unix');
});

// Round 273's captured busy host (c-epoll-eventfd-host-counts-lsof-anon-tally-limits): a C session
// manager leaking an epoll fd and an eventfd per session, seen through a host-wide lsof tally of
// the rows naming either, beside the per-process count loop.
test("a pid's row of a host-wide lsof tally of epoll and eventfd rows points at it as anonymous inodes; inotify's rows stay inotify-instances'", async () => {
  const lines = [
    '```console',
    'root@app-07:~# for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) $p"; done | sort -rn | head',
    '1611 /proc/105',
    '41 /proc/5',
    '37 /proc/102',
    "root@app-07:~# lsof -n | grep -E 'eventpoll|eventfd' | awk '{print $1, $2}' | sort | uniq -c | sort -rn | head",
    '   1618 l_epoll 105',
    '     42 node 103',
    '     42 node 102',
    '      5 hgo 6',
    '      5 hgo 5',
    "root@app-07:~# grep 'open files' /proc/105/limits",
    'Max open files            4096                 4096                 files     ',
    '```',
  ];
  const r = await analyze(lines);
  assert.equal(r.verdict, 'inconclusive', 'rows a thread may repeat: a pointer, never a leak alone');
  assert.equal(r.suspects[0]?.pid, 105);
  assert.equal(r.suspects[0]?.leak?.kind, 'anon-inode');
  const reason = r.suspects[0]?.reasons.find((x) => x.signal === 'anon-inode-pile');
  assert.equal(reason?.weight, 1);
  assert.match(reason?.statement ?? '', /^1,618 lsof rows are of/);
  assert.equal(r.suspects[0]?.leak?.count, 1611, 'rows are as many fds at most: no more than the 1,611 it holds');
  // The healthy event loops' 42 rows are under the pile's weak bound: nobody else is named.
  assert.equal(r.suspects.length, 1);
});
