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
  assert.match(explainPick(ranking)!, /no process holds a pile of one leaking kind; pid 2 \(big\) holds the most fds, 900\./);
  assert.equal(explainPick([]), null);
});

// The processes of this machine while c-watchd-inotify-per-reload was captured: pid 1 (329 fds),
// another session's 26132 (331), and the watcher with 128 of the user's 128 inotify instances.
test('a pile of any leaking kind makes a process leak-shaped: inotify instances, pipes, CLOSE_WAIT, deleted files', () => {
  const watchd = { ...proc(24383, 'watchd', 134, 0, 0, 1024), byKind: { anon: 128, file: 3 }, inotify: 128 };
  const ranking = rankProcesses([proc(1, 'init', 329, 20, 0), proc(26132, 'node', 331, 40, 2), watchd]);
  assert.equal(ranking[0].pid, 24383);
  assert.deepEqual(ranking[0].pile, { what: 'inotify instances', count: 128 });
  assert.match(
    explainPick(ranking)!,
    /^--auto: pid 24383 \(watchd\) holds 128 inotify instances among 134 fds, 13% of its limit of 1,024: a pile of one kind/,
  );
  const jobs = { ...proc(31617, 'python3', 1020, 0, 0, 1024), byKind: { pipe: 1015 } };
  assert.equal(rankProcesses([proc(1, 'init', 5000, 20, 0), jobs])[0].pid, 31617);
  const http = { ...proc(6534, 'pricefeed', 300, 290, 0), closeWait: 250 };
  assert.equal(rankProcesses([proc(1, 'db', 5000, 200, 0), http])[0].pile?.what, 'sockets in CLOSE_WAIT');
  // A handful of a kind is how programs use it: no pile.
  const few = { ...proc(7, 'app', 40, 0, 0), byKind: { pipe: 6, anon: 4 }, inotify: 2 };
  assert.equal(rankProcesses([few])[0].leakShaped, false);
});

test('without a pile, a process near its limit goes before a bigger holder far from its own', () => {
  const ranking = rankProcesses([proc(1, 'db', 9000, 100, 0, 65536), proc(2, 'worker', 1000, 10, 0, 1024)]);
  assert.equal(ranking[0].pid, 2);
  assert.match(explainPick(ranking)!, /pid 2 \(worker\) is the nearest to its limit, 1,000, 98% of its limit of 1,024/);
});
