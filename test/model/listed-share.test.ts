// What an excerpt of a listing says about the process's fds (listed-kind-share): most of the fds
// shown are of one leaking kind, or make up one kind of object (a selector's epoll fd and pipes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

/** The case's transcript with `edit` applied, analysed from a temporary folder. */
async function analyzeEdited(id: string, edit: (text: string) => string) {
  return analyzeTranscript(edit(readFileSync(join(CASES_DIR, id, 'transcript.md'), 'utf8')), 'transcript.md', now);
}

test("an excerpt of a selector (an [eventpoll] and its wake-up pipe pair) at fd 765: the three fds are one object's, named by its pipes, and a sample of the 766 fds the process holds", async () => {
  // `java 1 root 765u a_inode 0,12 0 7763 [eventpoll]`: fd 765 open means 765 lower fds were, past
  // half the usual default soft limit (its own limit is not in the bundle).
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-pgjdbc-ng-notification-selector-pipes', 'transcript.md'), { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 1);
  assert.equal(s.leak.kind, 'pipe');
  assert.equal(s.leak.count, 2);
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 2);
  assert.match(
    share?.statement ?? '',
    /3 of the 3 fds listed in transcript\.md are the fds of event loops \(2 pipes and 1 epoll.*; the listing is an excerpt of at least 766 \(fd 765 is open/,
  );
  assert.deepEqual(
    share?.evidence.map((e) => e.line),
    [10, 11, 12],
  );
  assert.ok(s.reasons.some((r) => r.signal === 'fds-unexplained' && r.weight === 1 && r.count === 766));
});

test('the same selector at fd 265 is a sample of no large table: under half the usual default soft limit it only points', async () => {
  const result = await analyzeEdited('gh-pgjdbc-ng-notification-selector-pipes', (t) =>
    t.replace(' 763r ', ' 263r ').replace(' 764r ', ' 264r ').replace(' 765u ', ' 265u '),
  );
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.reasons.find((r) => r.signal === 'listed-kind-share')?.weight, 1);
  assert.ok(!s.reasons.some((r) => r.signal === 'fds-unexplained'));
});

test('a process whose own limit is known is measured against it, not against the usual default: fd 765 of 65,536 is no large table', async () => {
  const result = await analyzeEdited(
    'gh-pgjdbc-ng-notification-selector-pipes',
    (t) =>
      `${t}\n\n\`\`\`\n$ cat /proc/1/limits\nLimit                     Soft Limit           Hard Limit           Units\nMax open files            65536                65536                files\n\`\`\`\n`,
  );
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.fdLimit, 65536);
  assert.equal(s.reasons.find((r) => r.signal === 'listed-kind-share')?.weight, 1);
  assert.ok(!s.reasons.some((r) => r.signal === 'fds-unexplained'));
});

test('fourteen sockets in no table on fds 653-666 of telegraf: a run at the top of a table of at least 667 fds, past half the usual default limit', async () => {
  // https://github.com/influxdata/telegraf/issues/1089: `telegraf 26967 telegraf  666u  sock  0,7  0t0 87321262 can't identify protocol`
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-telegraf-unidentified-socks-pgrep', 'transcript.md'), { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 26967);
  assert.equal(s.leak.kind, 'socket-unconnected');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 2);
  assert.match(
    share?.statement ?? '',
    /^17 of the 21 fds listed in transcript\.md are sockets in no connection table; the listing is an excerpt of at least 667/,
  );
});

test('three sockets in no table at fds 261-275 (akka): a table of 276 fds is no large one, and three rows do not say what fills it', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-akka-scala-unbound-tcp-socks-excerpt', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  const share = result.suspects[0].reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 1);
});

test('two pipe ends without an epoll fd are no selector, and two fds are too few to say what the process holds', async () => {
  const result = await analyzeEdited('gh-pgjdbc-ng-notification-selector-pipes', (t) =>
    t.replace('java 1 root 765u a_inode 0,12 0 7763 [eventpoll]\n', ''),
  );
  assert.equal(result.verdict, 'inconclusive');
  // fd 764 open still says it holds at least 765 fds, past half the usual default limit: only that.
  assert.deepEqual(
    result.suspects.flatMap((s) => s.reasons.map((r) => r.signal)),
    ['fds-unexplained'],
  );
});

test('a listing grep’d for pipes says nothing of their share, selectors or not', async () => {
  const result = await analyzeEdited('gh-pgjdbc-ng-notification-selector-pipes', (t) =>
    t.replace('```\njava 1 root 763r', '```\n$ lsof -p 1 | grep -e FIFO -e a_inode\njava 1 root 763r'),
  );
  assert.ok(!result.suspects.some((s) => s.reasons.some((r) => r.signal === 'listed-kind-share')));
});

test('selectors in a sample of a large process: the leak is counted in its pipes, the share in the selectors', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-xxl-job-selector-pipes', 'transcript.md'), { now });
  const share = result.suspects[0].reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 2);
  assert.equal(share?.count, 8);
  assert.match(share?.statement ?? '', /^13 of the 14 fds listed in transcript\.md are the fds of event loops \(8 pipes and 5 epoll/);
  assert.equal(result.suspects[0].leak.kind, 'pipe');
});

test("a program's own event loop on its lowest fds (node's epoll, pipes and eventfds on fds 3-13 in `lsof | head`) is no selector pile", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'node-render-worker-deleted-transcript', 'transcript.md'), { now });
  assert.equal(result.suspects[0].leak.kind, 'deleted-file');
  // The head's event loop earns no share; the tail's (`| tail -8`: eight scratch files) may, since
  // round 146 weighs every excerpt of a process.
  const shares = result.suspects[0].reasons.filter((r) => r.signal === 'listed-kind-share');
  assert.ok(shares.every((r) => !/pipe|selector|eventfd|eventpoll/.test(r.statement)));
  assert.ok(shares.every((r) => /files in \/tmp\/cm\/render-worker\/scratch\//.test(r.statement)));
});

test('an excerpt of one memfd at fds 897-899 is the same file again, not deleted files: a memfd is anonymous memory every tool shows as deleted', async () => {
  // https://github.com/FDio/vpp/issues/2950: `charon-sy 13773 root 897u REG 0,4 33554432 535885 /memfd:stat_segment_test (deleted)`
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-vpp-stat-client-memfd-rows', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 13773);
  assert.equal(s.leak.kind, 'file');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.match(share?.statement ?? '', /^3 of the 3 fds listed in transcript\.md are the same file, \/memfd:stat_segment_test;/);
  // fd 899 open: at least 900 fds, past half the usual default soft limit; the three rows are a sample of them.
  assert.equal(share?.weight, 2);
  assert.equal(result.verdict, 'leak');
  // A file unlinked on a disk and held three times stays a deleted file.
  const onDisk = await analyzeEdited('gh-vpp-stat-client-memfd-rows', (t) =>
    t.replaceAll('/memfd:stat_segment_test', '/var/log/charon.log'),
  );
  assert.equal(onDisk.suspects[0].leak.kind, 'deleted-file');
});

test("a classpath's jars, each open once, are how a JVM runs: no pile of one folder; a deleted one of a temporary folder still counts", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'blog-jenkins-container-pid6-jars-negative', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  const unpacked = await analyzeEdited('blog-jenkins-container-pid6-jars-negative', (t) =>
    t.replace(/\/var\/jenkins_home\/war\/WEB-INF\/lib\/([\w.-]+)\.jar/g, '/tmp/jna-$1.so (deleted)'),
  );
  assert.equal(unpacked.suspects[0]?.pid, 6);
});

test("an eBPF tracer's excerpt (traceloop: anon_inode:bpf-map and [perf_event] rows of 1,194 fds) is its probes and maps, no pile; the same rows as eventfds are one", async () => {
  // One perf event per probe and CPU, one fd per map: what the tool was asked to hold.
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-traceloop-perf-event-bpf-map-fds', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, 29706);
  assert.ok(!s.reasons.some((r) => r.signal === 'listed-kind-share'));
  assert.ok(s.reasons.some((r) => r.signal === 'fds-unexplained' && r.count === 1194));
  const eventfds = await analyzeEdited('gh-traceloop-perf-event-bpf-map-fds', (t) =>
    t.replace(/anon_inode:bpf-map/g, 'anon_inode:[eventfd]').replace(/anon_inode:\[perf_event\]/g, 'anon_inode:[eventfd]'),
  );
  assert.equal(eventfds.verdict, 'leak');
  assert.equal(eventfds.suspects[0].reasons.find((r) => r.signal === 'listed-kind-share')?.weight, 2);
});

test('netlink ROUTE rows on fds 1018-1023 of a 1,047-row lsof (keepalived, one more per reload) are a sample of a full table: a leak of kind other; a grep for netlink says nothing of their share', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-keepalived-netlink-route-per-reload', 'transcript.md'), { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 4634);
  assert.equal(s.leak.kind, 'other');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 2);
  assert.match(share?.statement ?? '', /6 of the 6 fds listed in transcript\.md are netlink sockets/);
  // The same rows as sockets of a type lsof does not name (raw sockets) stay a pointer.
  const raw = await analyzeEdited('gh-keepalived-netlink-route-per-reload', (t) => t.replace(/ ROUTE$/gm, ' 00000000:00FF'));
  assert.equal(raw.verdict, 'inconclusive');
  const grepped = await analyzeEdited('gh-keepalived-netlink-route-per-reload', (t) =>
    t.replace('```\nkeepalive 4634', '```\n[root@cnsz081823 ~]# lsof -p 4634 | grep netlink | tail -6\nkeepalive 4634'),
  );
  assert.ok(!grepped.suspects[0]?.reasons.some((r) => r.signal === 'listed-kind-share'));
});

test("an older lsof's untyped anon_inode beside a pipe pair at fds 73-75 is a selector: netty#5653's three rows point at java 14913, named by its pipes", async () => {
  // The REG row's NAME names no type (`75u REG 0,9 0 4032 anon_inode`): where a listing names none,
  // an untyped anonymous inode beside the pipes may be the epoll, counted with them.
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-netty-5653-eventloopgroup-pipe-pipe-anon-inode-rows', 'transcript.md'), {
    now,
  });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, 14913);
  assert.equal(s.leak.kind, 'pipe');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 1);
  assert.match(share?.statement ?? '', /3 of the 3 fds listed in transcript\.md are the fds of event loops \(2 pipes and 1 epoll/);
});

test('an untyped anon_inode where the listing names other anonymous inodes by type is no epoll of its own', async () => {
  const result = await analyzeEdited('gh-netty-5653-eventloopgroup-pipe-pipe-anon-inode-rows', (t) =>
    t.replace(
      'java    14913 msdp   75u   REG                0,9          0     4032 anon_inode\n',
      'java    14913 msdp   75u   REG                0,9          0     4032 anon_inode\njava    14913 msdp   76u   REG                0,9          0     4032 [eventfd]\n',
    ),
  );
  assert.equal(result.suspects.length, 0);
});

test('the head of `ls -l /proc/PID/fd` of transmission-daemon on a Synology: 11 of its 14 fds shown are /dev/urandom, fds up to 1009 — one device opened again and again is named as such, not as "files in /dev/" beside its /dev/null stdio, and the sample of a table of 1,010 fds makes a leak', async () => {
  // https://github.com/transmission/transmission/issues/5385#issuecomment-1743277175
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-transmission-5385-synology-ls-proc-fd-dev-urandom-pile', 'transcript.md'), {
    now,
  });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.leak.kind, 'file');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 2);
  assert.match(
    share?.statement ?? '',
    /^11 of the 14 fds listed in transcript\.md are the same file, \/dev\/urandom; the listing is an excerpt of at least 1,010/,
  );
});

test('a folder of distinct files still only points: the same head with each /dev/urandom row a distinct file of /dev/ stays "files in /dev/", weight 1', async () => {
  let n = 0;
  const result = await analyzeEdited('gh-transmission-5385-synology-ls-proc-fd-dev-urandom-pile', (t) =>
    t.replace(/\/dev\/urandom/g, () => `/dev/shm/seg-${n++}`),
  );
  const s = result.suspects[0];
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 1);
  assert.match(share?.statement ?? '', /files in \/dev\/shm\//);
});
