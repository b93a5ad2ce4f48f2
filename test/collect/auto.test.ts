import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainPick, rankProcesses, type ProcessFdSummary } from '../../src/collect/auto.js';

const proc = (
  pid: number,
  command: string,
  fds: number,
  sockets: number,
  unconnected: number,
  limit: number | null = 65536,
): ProcessFdSummary => ({ pid, command, fds, sockets, unconnected, limit });

test('a process full of unconnected sockets outranks a bigger but healthy fd holder', () => {
  const ranking = rankProcesses([
    proc(100, 'mysqld', 5000, 300, 0),
    proc(200, 'java', 1200, 1100, 1050),
    proc(300, 'systemd', 80, 40, 12), // vsock/netlink-like sockets, but not mostly unconnected? 12/40 < 50%
  ]);
  assert.deepEqual(
    ranking.map((r) => r.pid),
    [200, 100, 300],
  );
  assert.equal(ranking[0].leakShaped, true);
  assert.equal(ranking[2].leakShaped, false);
  const why = explainPick(ranking)!;
  assert.match(
    why,
    /pid 200 \(java\) holds 1,050 sockets that are in no connection table \(95% of its 1,100 sockets\) among 1,200 fds, 2% of its limit of 65,536/,
  );
  assert.match(why, /Next: pid 100 \(mysqld\) with 5,000 fds/);
});

test('among leak-shaped processes the one with more unconnected sockets wins, whatever its total', () => {
  const ranking = rankProcesses([proc(1, 'a', 9000, 200, 150), proc(2, 'b', 600, 500, 480)]);
  assert.equal(ranking[0].pid, 2);
});

test('without leak-shaped processes the biggest fd holder is picked, and the reason says so', () => {
  const ranking = rankProcesses([proc(1, 'small', 10, 0, 0), proc(2, 'big', 900, 5, 3, null)]);
  assert.equal(ranking[0].pid, 2);
  assert.match(explainPick(ranking)!, /no process holds 10\+ mostly-unconnected sockets; pid 2 \(big\) holds the most fds, 900\./);
  assert.equal(explainPick([]), null);
});
