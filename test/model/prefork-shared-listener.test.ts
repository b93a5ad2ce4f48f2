// A prefork server's workers hold their master's listening socket by fork alone: the same program,
// no execve. Only a child that execed another program keeps a socket or pipe of its parent's across
// execve (inherited-fds-held). Real lines: gh-gunicorn-reuse-port-lsof-ni-listen-shared-negative
// (benoitc/gunicorn#2100).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const PS = [
  '$ ps -ef | grep server',
  'server    5208  6480 36 09:52 ?        00:00:01 gunicorn: master [server]',
  'server    5220  5208  3 09:52 ?        00:00:00 gunicorn: worker [server]',
  'server    5222  5208  4 09:52 ?        00:00:00 gunicorn: worker [server]',
  'server    5224  5208  6 09:52 ?        00:00:00 gunicorn: worker [server]',
  'server    5226  5208  4 09:52 ?        00:00:00 gunicorn: worker [server]',
];
const LSOF = (command: string) => [
  '$ lsof -ni :7000',
  'COMMAND    PID   USER   FD   TYPE   DEVICE SIZE/OFF NODE NAME',
  ...[5208, 5220, 5222, 5224, 5226].map((pid) => `${command} ${pid} server   11u  IPv4 34041199      0t0  TCP *:afs3-fileserver (LISTEN)`),
];

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

test("gunicorn's workers holding the master's listener (same program, fork only) blame nobody", async () => {
  const r = await analyzeText([...PS, ...LSOF('gunicorn:')]);
  assert.equal(r.verdict, 'inconclusive');
  assert.deepEqual(
    r.suspects.map((s) => s.pid),
    [],
  );
});

test('children of another program that hold the parent’s listener kept it across execve: still inherited-fds-held', async () => {
  const ps = PS.map((l) => l.replace(/gunicorn: worker \[server\]/, 'sleep 600'));
  const lsof = LSOF('gunicorn:').map((l, i) => (i > 2 ? l.replace(/^gunicorn:/, 'sleep    ') : l));
  const r = await analyzeText([...ps, ...lsof]);
  assert.equal(r.suspects[0]?.pid, 5208);
  assert.ok(r.suspects[0]?.reasons.some((x) => x.signal === 'inherited-fds-held'));
});
