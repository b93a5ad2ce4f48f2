// Evidence that names no listing: "Too many open files" from a process that is gone or unnamed,
// and a bare fd count past the usual default limit. Neither may vanish from the analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { ROOT } from '../helpers.js';
import { CASES_DIR } from '../accuracy/score.js';
import { unknownLimitText } from '../../src/model/signals/fd-limit.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test('EMFILE in the journal of an earlier instance of a program belongs to its live instance, said so', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-usbguard-fd-growth-quoted', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 14319);
  assert.notEqual(result.verdict, 'no-leak');
  assert.ok(
    s.reasons.some(
      (r) =>
        r.signal === 'emfile-in-log' && /usbguard-daemon\[603\] is an earlier instance of the same program as pid 14319/.test(r.statement),
    ),
  );
  // No listing says what the fds are: their kind is not guessed.
  assert.equal(s.leak.count, null);
  assert.match(result.findings.find((f) => f.id === 'fd-holders')!.detail, /of kinds the bundle does not show/);
});

test('one count pasted twice, rising (192, then 201), points at its process; the root cause says the EMFILE was an earlier instance', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-usbguard-fd-growth-quoted', 'transcript.md'), { now });
  const rose = result.suspects[0].reasons.find((r) => r.signal === 'fd-count-rose');
  assert.equal(rose?.weight, 1);
  assert.equal(rose?.count, 9);
  assert.deepEqual(
    rose?.evidence.map((e) => e.line),
    [21, 23],
  );
  assert.match(
    result.rootCause?.statement ?? '',
    /^usbguard-daemon\[603\], an earlier instance of pid 14319 \(usbguard-daemon\), ran out of fds/,
  );
});

test('one count pasted twice: a drop, or a rise of a few fds, is no rise', async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-usbguard-fd-growth-quoted', 'transcript.md'), 'utf8');
  for (const [a, b] of [
    ['201', '192'],
    ['192', '194'],
  ]) {
    const lines = text.split('\n');
    lines[20] = `> ${a}`;
    lines[22] = `> ${b}`;
    const result = await analyzeTranscript(lines.join('\n'), 'transcript.md', now);
    assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'fd-count-rose'), `${a} then ${b}`);
  }
});

test('EMFILE of a pid that is not in the bundle, with no live instance of its program, keeps the verdict off no-leak', async () => {
  const lines = readFileSync(join(CASES_DIR, 'gh-usbguard-fd-growth-quoted', 'transcript.md'), 'utf8')
    .split('\n')
    .slice(9, 13);
  const result = await analyzeTranscript(lines.map((l) => l.replace(/^> /, '')).join('\n') + '\n', 'journal.txt', now, { folder: true });
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.summary, /Too many open files/);
});

test('an fd count past the usual default soft limit, with no limit and no listing, makes its process a candidate', async () => {
  const { result } = await analyzeBundle(join(ROOT, 'test', 'fixtures', 'programs', 'py-many-fds', 'transcript.txt'), { now });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, 18648);
  assert.equal(s.fdCount, 1205);
  // `pgrep -f hold.py` matched its command line (python3 hold.py): hold.py is not its name.
  assert.equal(s.command, 'unknown');
  // 1,205 fds open: its limit was raised past the usual default, which therefore says nothing of it.
  assert.ok(
    s.reasons.some((r) => r.signal === 'fds-unexplained' && /above the usual default soft limit of 1,024: it holds more/.test(r.statement)),
  );
});

test('so does the highest fd a listing shows, next to a count of lsof rows: fd 1392 open means 1,392 lower fds were', async () => {
  // lsof -p 29807 | wc -l = 1423 rows (not fds), and lsof -p 29807 | tail -n 10 shows UDP fds up to 1392.
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-gossip-girl-statsd-udp-per-flush', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 29807);
  assert.equal(s.fdCountMeasure, 'rows');
  // Not from the 1,423 rows (they over-count fds): from fd 1392, which is only handed out under a limit above 1,392.
  assert.ok(
    s.reasons.some((r) => r.signal === 'fds-unexplained' && /above the usual default soft limit of 1,024: it holds more/.test(r.statement)),
  );
});

test('EMFILE in a strace of a program started under `ulimit -n 10`: the limit explains it, and nobody is blamed', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-bpftrace-emfile-at-ulimit-10', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.match(
    result.summary,
    /^The process named bpftrace ran out of fds \(1 EMFILE failure\) under a limit of 10 \(.*ulimit -n 10.*\), too small for any program/,
  );
  const headroom = result.findings.find((f) => f.id === 'fd-limit-headroom');
  assert.equal(headroom?.status, 'fail');
  assert.deepEqual(
    headroom?.evidence.map((e) => e.line),
    [9],
  );
});

test('EMFILE in a strace whose lines name no pid, with nothing else in the bundle: the traced process is a low candidate, its pid never made up', async () => {
  const result = await analyzeTranscript(
    [
      'open("/etc/hosts", O_RDONLY|O_CLOEXEC) = 3',
      'close(3) = 0',
      'socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = -1 EMFILE (Too many open files)',
      '',
    ].join('\n'),
    'trace.txt',
    now,
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 1, 'the traced process ran out: a candidate, named by its strace');
  assert.equal(result.suspects[0].pid, null);
  assert.equal(result.suspects[0].confidence, 'low');
});

test('"Too many open files" from inotify_init is not taken for a process at its fd limit: the summary says which limit it may be', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-watchman-inotify-instances', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.match(result.summary, /fs\.inotify\.max_user_instances/);
});

test('CLOSE_WAIT connections in a listing without a process column are trouble the summary states, with the capture that names the owner', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-engineio-close-wait-state-counts', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.match(result.summary, /710 TCP connections in CLOSE_WAIT .*ss -tnp state close-wait/);
});

test('ss -p rows that are all unix sockets whose peer is gone, at fd numbers past 5,000, are a sample: a leak of unix sockets', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-moby-dockerd-unix-peer-gone', 'transcript.md'), { now });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 1399);
  assert.equal(result.suspects[0].fdCount, 5441);
  assert.equal(result.suspects[0].fdCountMeasure, 'at-least');
  assert.ok(result.suspects[0].reasons.some((r) => r.signal === 'unix-peer-gone' && r.weight === 2));
  assert.ok(
    result.suspects.every((s) => s.pid !== 680421),
    'containerd-shim, whose peer is there, is not blamed',
  );
});

test("a `command pid` count table: rows of one pid under several names are its threads' (lsof repeats its fds per thread), not more fds", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-fluentd-lsof-per-thread-count', 'transcript.md'), { now });
  const td = result.processes?.find((p) => p.pid === 15244);
  assert.equal(td?.fdCount, 407);
  assert.equal(result.processes?.find((p) => p.pid === 4312)?.command, 'dockerd');
  const quality = result.findings.find((f) => f.id === 'capture-quality');
  assert.match(quality?.detail ?? '', /pid 15244's 172,975 rows under 4 names hold at most 407 of its own/);
  assert.ok(!result.suspects.some((s) => s.pid === 15244), "the threads' rows make no suspect");
});

test('a log alone whose "Too many open files" lines name one pid (nginx: `42#42:` behind docker compose\'s `nginx.1 | `) makes that pid a candidate', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-rxivist-nginx-loadtest-inconclusive', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 42);
  assert.equal(result.suspects[0]?.command, 'nginx');
  assert.match(result.suspects[0]?.reasons[0].statement ?? '', /3 lines of transcript\.md say it ran out of fds/);
});

test('`ls -al /proc/PID/fd | wc -l` counts the "total" line and the . and .. entries too', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-cri-containerd-sockets-at-1024', 'transcript.md'), { now });
  const s = result.suspects.find((x) => x.pid === 3113);
  assert.equal(s?.fdCount, 1021);
  assert.match(s?.fdCountBasis ?? '', /: minus ls -l's "total" line and ls -a's \. and \.\./);
});

test('an inconclusive verdict has no root cause, but its lead suspect says where its fds ran out: the EMFILE thread of its strace, or its log line', async () => {
  const strace = (await analyzeBundle(join(CASES_DIR, 'gh-libuv-emfile-accept-loop', 'transcript.md'), { now })).result;
  assert.equal(strace.verdict, 'inconclusive');
  assert.equal(strace.rootCause, null);
  assert.equal(strace.suspects[0].ranOut?.basis, 'exhaustion');
  assert.equal(strace.suspects[0].ranOut?.tid, 4444);
  assert.doesNotMatch(strace.suspects[0].ranOut?.statement ?? '', /leak/);
  const log = (await analyzeBundle(join(CASES_DIR, 'gh-rxivist-nginx-loadtest-inconclusive', 'transcript.md'), { now })).result;
  assert.equal(log.rootCause, null);
  assert.equal(log.suspects[0].ranOut?.basis, 'log');
  assert.match(log.suspects[0].ranOut?.message ?? '', /socket\(\) failed \(24: Too many open files\)/);
});

test('a listening socket that ss -p shows in processes of other programs was inherited: its oldest holder is the suspect, not a child seen holding it later', async () => {
  const path = join(CASES_DIR, 'gh-transmission-qt-inherited-listen-socket', 'transcript.md');
  const { result } = await analyzeBundle(path, { now });
  assert.equal(result.verdict, 'leak');
  assert.deepEqual(
    result.suspects.map((s) => [s.pid, s.leak.kind]),
    [[10094, 'inherited']],
  );
  assert.equal(result.suspects[0].reasons[0].signal, 'inherited-listener');
  const text = readFileSync(path, 'utf8');
  for (const [what, changed] of [
    ['systemd passes its socket to the service it activates', text.replace(/\("transmission-qt",pid=10094/g, '("systemd",pid=1')],
    ['workers of one program share their master’s socket', text.replace(/"(kioslave5|dolphin)"/g, '"transmission-qt"')],
  ] as const) {
    const r = await analyzeTranscript(changed, 'transcript.md', now);
    assert.ok(!r.suspects.some((s) => s.reasons.some((x) => x.signal === 'inherited-listener')), what);
  }
});

test('ENFILE in the log of a healthy-looking process keeps the verdict off no-leak and says the host ran out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-enfile-'));
  try {
    const bundle = join(dir, 'bundle');
    cpSync(join(ROOT, 'samples', 'py-healthy-server'), bundle, { recursive: true });
    // The real line of https://github.com/NixOS/nixpkgs/issues/420006, its pid made the server's.
    const line = readFileSync(join(CASES_DIR, 'gh-networkmanager-enfile-system-table', 'transcript.md'), 'utf8')
      .split('\n')
      .find((l) => l.includes('NetworkManager[5261]: ') && l.includes('Too many open files in system'))!;
    writeFileSync(join(bundle, 'journal.txt'), `${line.replace('[5261]', '[31486]')}\n`);
    const { result } = await analyzeBundle(bundle, { now });
    assert.equal(result.verdict, 'inconclusive');
    assert.match(result.summary, /the host's file table ran out \(ENFILE/);
    assert.ok(result.findings.some((f) => f.id === 'emfile-errors' && f.status === 'fail' && /ENFILE/.test(f.title)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("CLOSE_WAIT sockets that are most of a process's connections are decisive from 5; a few among many live ones only point", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-clickhouse-close-wait-netstat', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(result.verdict, 'leak');
  assert.equal(s.pid, 46705);
  const cw = s.reasons.find((r) => r.signal === 'close-wait-sockets');
  assert.equal(cw?.weight, 3);
  assert.match(cw?.statement ?? '', /^9 of its 12 TCP sockets are in CLOSE_WAIT/);
  // One CLOSE_WAIT row in a listing its reporter cut (`*snip*`): nobody blamed, and no health shown.
  const one = (await analyzeBundle(join(CASES_DIR, 'gh-haproxy-one-close-wait-negative', 'transcript.md'), { now })).result;
  assert.equal(one.verdict, 'inconclusive');
  assert.deepEqual(one.suspects, []);
});

test('`lsof | grep PID | grep -c TCP` counts fds when that lsof shows no row of the process twice: 1,021 fds at least, past the usual default limit', async () => {
  const path = join(CASES_DIR, 'gh-openfortivpn-tcp-count', 'transcript.md');
  const { result } = await analyzeBundle(path, { now });
  // With the error the write-up quotes (`socket: Too many open files`), past the default limit: it
  // ran out, the first suspect, but TCP rows of no shown state are no kind (running out is not one).
  assert.equal(result.verdict, 'inconclusive');
  assert.ok(result.suspects[0].reasons.some((r) => r.signal === 'emfile-in-log'));
  const s = result.suspects[0];
  assert.equal(s.pid, 1147);
  assert.equal(s.fdCount, 1021);
  assert.equal(s.fdCountMeasure, 'at-least');
  assert.match(s.fdCountBasis ?? '', /^lsof \|grep 1147\|grep -c TCP: rows of fds only/);
  assert.ok(s.reasons.some((r) => r.signal === 'fds-unexplained'));
  // The listing grep'd for `sock` shows fds 1 and 2, not what most of its fds are.
  assert.equal(s.leak.kind, 'other');
  // The count alone, without the error the write-up quotes.
  const text = readFileSync(path, 'utf8').replace('`socket: Too many open files`', 'socket errors');
  for (const [what, changed] of [
    [
      'rows repeated per thread (a TID) multiply the count',
      text.replace(
        'openforti 1147 root 2u unix 0xffff8ea0f7c99200 0t0 22022 socket\n',
        'openforti 1147 root 2u unix 0xffff8ea0f7c99200 0t0 22022 socket\nopenforti 1147 1151 root 1u unix 0xffff8ea0f7c99200 0t0 22022 socket\n',
      ),
    ],
    ['rows grep -v lets through may be cwd, txt or mem rows', text.replace('grep -c TCP', 'grep -c -v TCP')],
  ] as const) {
    const r = await analyzeTranscript(changed, 'transcript.md', now);
    assert.equal(r.processes?.find((p) => p.pid === 1147)?.fdCountMeasure, 'rows', what);
    assert.deepEqual(r.suspects, [], what);
  }
});

test('rows that name one file, counted (`ls -l /proc/PID/fd | grep -c state.db`): the same file opened again and again', async () => {
  const { result } = await analyzeBundle(join(ROOT, 'test', 'fixtures', 'programs', 'py-same-file-count', 'transcript.txt'), { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 22452);
  assert.deepEqual(s.leak, { kind: 'file', count: 300 });
  const same = s.reasons.find((r) => r.signal === 'same-file-open');
  assert.equal(same?.weight, 3);
  assert.match(same?.statement ?? '', /counts 300 rows naming state\.db, of the 305 fds it holds/);
});

test('a grep for a folder counts many files, not one (logstash-2014.11.30: an index of Lucene files)', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-logsearch-es-low-limit-negative', 'transcript.md'), { now });
  assert.ok(result.suspects.every((s) => s.reasons.every((r) => r.signal !== 'same-file-open')));
});

test('nginx failing to start with "Too many open files" in its unit messages, no pid anywhere: the process named nginx ran out, nobody is blamed for a leak', async () => {
  // https://github.com/hestiacp/hestiacp/issues/3774: three log files per vhost at the 337th domain.
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-hestia-nginx-vhost-logs-emfile-negative', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.command, 'nginx');
  assert.equal(s.ranOut?.basis, 'log');
  assert.deepEqual(
    s.ranOut?.evidence.map((e) => e.line),
    [13],
  );
});

test('`ls | wc` in a process fd folder counts its fds: 47, against six rows of its ls -l, so that listing is an excerpt and no health is shown', async () => {
  // https://github.com/kubernetes/node-problem-detector/issues/297
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-npd-inotify-counts-negative', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  const p = result.processes?.find((x) => x.pid === 17224);
  assert.equal(p?.fdCount, 47);
});

test('two `watch` screens of a count, four seconds apart, are timed samples: the count grew at a known rate', async () => {
  const { result } = await analyzeBundle(join(ROOT, 'test', 'fixtures', 'programs', 'py-watch-count', 'transcript.txt'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 4919);
  const growth = s.reasons.find((r) => r.signal === 'fd-growth');
  assert.match(growth?.statement ?? '', /went from 20 to 40 in 4 s over 2 samples/);
  assert.ok(!s.reasons.some((r) => r.signal === 'fd-count-rose'), 'timed, not a rise of untimed runs');
});

test('a grep for a path of no extension counts one file when every listed row it picks names exactly it (/proc/PID/task)', async () => {
  const path = join(CASES_DIR, 'gh-java-profiler-proc-task-dir-grep-count', 'transcript.md');
  const { result } = await analyzeBundle(path, { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 30499);
  assert.equal(s.leak?.kind, 'file');
  const same = s.reasons.find((r) => r.signal === 'same-file-open');
  assert.equal(same?.weight, 3);
  assert.match(same?.statement ?? '', /counts 202 rows naming \/proc\/30499\/task/);
  // One row naming a file under it: the grep picks a folder's files, not one path.
  const text = readFileSync(path, 'utf8').replace(
    'java    30499 root   56r      DIR                0,3         0 61771716 /proc/30499/task\n',
    'java    30499 root   56r      REG                0,3         0 61771799 /proc/30499/task/30704/stat\n',
  );
  const r = await analyzeTranscript(text, 'transcript.md', now);
  assert.ok(r.suspects.every((x) => x.reasons.every((y) => y.signal !== 'same-file-open')));
});

test("blanks a web page left at the end of pasted lines are not the output's: lsof's `(CLOSE_WAIT) ` is read", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-blog-mvlogserv-close-wait-lsof-grep', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 31125);
  assert.equal(s.leak?.kind, 'socket-close-wait');
  assert.ok(s.reasons.some((r) => r.signal === 'close-wait-sockets'));
});

test('its limit unknown, half the usual default soft limit (512 fds) is many fds, as half a known limit is; under it a bare count says nothing', async () => {
  // https://github.com/xapi-project/squeezed/issues/10: `ls /proc/1590/fd  -1 | wc -l` printed 1023.
  const text = readFileSync(join(CASES_DIR, 'gh-xapi-squeezed-fd-count-1023', 'transcript.md'), 'utf8');
  const run = (count: string, command = 'ls /proc/1590/fd  -1 | wc -l') =>
    analyzeTranscript(text.replace('ls /proc/1590/fd  -1 | wc -l\n1023', `${command}\n${count}`), 'transcript.md', now);
  const half = await run('512');
  assert.equal(half.verdict, 'inconclusive');
  const s = half.suspects[0];
  assert.equal(s.pid, 1590);
  assert.deepEqual(
    s.reasons.map((r) => [r.signal, r.weight]),
    [['fds-unexplained', 1]],
  );
  assert.match(s.reasons[0].statement, /usual default soft limit is 1,024\.$/);
  // 511 fds are under it: nothing points at squeezed.
  assert.deepEqual((await run('511')).suspects, []);
  // 600 lsof rows are not 600 fds (per-thread rows over-count).
  assert.deepEqual((await run('600', 'lsof -p 1590 | wc -l')).suspects, []);
});

test('a grep of one file after lsof -p $(pidof NAME) counts its rows in that process, against a bound of its fds (wazuh-modulesd)', async () => {
  // https://github.com/wazuh/wazuh/issues/11163: 44 rows of cve.db, and four of them listed (fds 15-21).
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-wazuh-modulesd-cve-db-44-copies', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s.pid, 12297);
  assert.equal(s.leak?.kind, 'file');
  const same = s.reasons.find((r) => r.signal === 'same-file-open');
  assert.equal(same?.count, 44);
  // Nothing counts all its fds: the grep's own 44 is a bound, said so.
  assert.match(same?.statement ?? '', /counts 44 rows naming cve\.db, of at least 44 fds it holds/);
  // The command alone is quoted as code; how its count was tied to the process is said after it.
  assert.ok(
    same?.statement.startsWith(
      '`lsof -p $(pidof wazuh-modulesd) | grep "cve.db" |wc -l` (pid 12297 is the only process named wazuh-modulesd)',
    ),
  );
  assert.equal(
    s.fdCountBasis,
    'lsof -p $(pidof wazuh-modulesd) | grep "cve.db" |wc -l, pid 12297 is the only process named wazuh-modulesd: rows of one file, cve.db, and this lsof shows no row of pid 12297 twice, with no TID column',
  );
});

test("a thread failing with EMFILE that writes nothing (Go's dialer): the root cause's path is the log that says so, from the bundle's logs/ mirror", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'go-pricefeed-resp-body-close-wait', 'bundle'), { now });
  assert.equal(result.verdict, 'leak');
  const rc = result.rootCause;
  assert.equal(rc?.basis, 'exhaustion');
  assert.equal(rc?.tid, 6540);
  assert.equal(rc?.path, '/tmp/accn/go-pricefeed/pricefeed.log');
  assert.match(rc?.message ?? '', /dial tcp 127\.0\.0\.1:48080: socket: too many open files$/);
});

test('a strace whose every EMFILE is inotify_init1 (132 fds of 1,024): the root cause says the user may be out of inotify instances, not only of fds', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'py-confwatch-inotify-per-reload', 'bundle'), { now });
  assert.equal(result.rootCause?.basis, 'exhaustion');
  assert.match(
    result.rootCause?.statement ?? '',
    /out of fds, or its user out of inotify instances \(every failing call shown is inotify_init: fs\.inotify\.max_user_instances\)/,
  );
  const go = await analyzeBundle(join(CASES_DIR, 'go-pricefeed-resp-body-close-wait', 'bundle'), { now });
  assert.doesNotMatch(go.result.rootCause?.statement ?? '', /inotify/);
});

// ml-tomcat-users-nio-unix-fd-8368: fd 8368 open in java 3907, no limit anywhere.
test('an unknown limit beside more fds than the usual default: the default says nothing, the limit is above it', () => {
  assert.equal(
    unknownLimitText(8369, 1024),
    'its own limit is not in the bundle, and is above the usual default soft limit of 1,024: it holds more than that',
  );
  assert.equal(unknownLimitText(1024, 1024), 'its own limit is not in the bundle, and the usual default soft limit is 1,024');
  assert.equal(unknownLimitText(200, 256), "its own limit is not in the bundle, and the usual default soft limit is 256 (macOS's)");
});
