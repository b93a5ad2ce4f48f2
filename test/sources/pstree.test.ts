// pstree -p read into ps's artifact: each process with its parent, threads with their process,
// with the command or by the first line's shape, in ASCII and in a UTF-8 terminal's box characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { ps } from '../../src/sources/ps.js';
import { isPstreeCommand, looksLikePstree } from '../../src/sources/pstree.js';

// py-popen-close-fds-false-pstree-children-fd and node-detached-collectors-stdio-only-negative.
const JOBSRV = ['python3(32206)-+-sleep(313)', '               |-sleep(314)', '               `-sleep(32765)'];
const NODE = ['node(2286)-+-sleep(2355)', '           |-sleep(2356)', '           |-{node}(2319)', '           `-{node}(2347)'];

test('pstree -p: children under their parent, on its line and under its branch; threads of their process', () => {
  const r = parseLines(ps, JOBSRV, { command: 'pstree -p 32206' });
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(
    r.artifact.processes.map((p) => [p.pid, p.ppid, p.command]),
    [
      [32206, undefined, 'python3'],
      [313, 32206, 'sleep'],
      [314, 32206, 'sleep'],
      [32765, 32206, 'sleep'],
    ],
  );
  const n = parseLines(ps, NODE, { command: 'pstree -p 2286' }).artifact;
  assert.deepEqual(
    n.processes.map((p) => [p.pid, p.ppid]),
    [
      [2286, undefined],
      [2355, 2286],
      [2356, 2286],
    ],
  );
  assert.deepEqual(
    n.threads.map((t) => [t.pid, t.tid, t.name]),
    [
      [2286, 2319, 'node'],
      [2286, 2347, 'node'],
    ],
  );
});

test('pstree -p: a chain on one line (perl-raised-F-system-pstree-lsof-partial), nested branches, box characters', () => {
  const chain = parseLines(ps, ['perl(3660)---sleep(3662)'], { command: 'pstree -p 3660' }).artifact;
  assert.deepEqual(
    chain.processes.map((p) => [p.pid, p.ppid]),
    [
      [3660, undefined],
      [3662, 3660],
    ],
  );
  const nested = [
    'bash(30106)---python3(30109)-+-sleep(30186)',
    '                             |-sh(30342)-+-sleep(30343)',
    '                             |           `-sleep(30344)',
    '                             `-sleep(31409)',
  ];
  assert.deepEqual(
    parseLines(ps, nested, { command: 'pstree -p 30106' }).artifact.processes.map((p) => [p.pid, p.ppid]),
    [
      [30106, undefined],
      [30109, 30106],
      [30186, 30109],
      [30342, 30109],
      [30343, 30342],
      [30344, 30342],
      [31409, 30109],
    ],
  );
  const boxes = [
    'systemd(1)─┬─cron(612)',
    '           ├─sshd(700)───sshd(800)',
    '           └─node(900)─┬─sleep(901)',
    '                       └─{node}(902)',
  ];
  const b = parseLines(ps, boxes, {}).artifact;
  assert.deepEqual(
    b.processes.map((p) => [p.pid, p.ppid]),
    [
      [1, undefined],
      [612, 1],
      [700, 1],
      [800, 700],
      [900, 1],
      [901, 900],
    ],
  );
  assert.deepEqual(
    b.threads.map((t) => [t.pid, t.tid]),
    [[900, 902]],
  );
});

test('pstree: told by its command with -p, or by its first line; ps rows and pstree without pids are not it', () => {
  assert.equal(isPstreeCommand('pstree -p 32206'), true);
  assert.equal(isPstreeCommand('sudo pstree -ap 1'), true);
  assert.equal(isPstreeCommand('pstree --show-pids'), true);
  assert.equal(isPstreeCommand('pstree 1'), false);
  assert.equal(looksLikePstree(JOBSRV), true);
  assert.equal(looksLikePstree(['systemd---cron']), false);
  assert.equal(looksLikePstree(['  PID  PPID CMD', ' 3963  3959 python3 dispatch.py']), false);
  assert.equal(ps.detect({ head: JOBSRV, name: 'out.txt' }) >= 0.8, true);
});
