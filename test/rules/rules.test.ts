// Each rule in a pass/fail pair: a small transcript bundle in, the finding's status and the exact
// file:line it cites out. Transcripts keep the cases readable; line numbers are the transcript's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult, Finding } from '../../src/result.js';
import { RULES } from '../../src/rules/registry.js';
import { readdirSync } from 'node:fs';
import { ROOT } from '../helpers.js';
import { analyzeTranscript } from '../analyze-transcript.js';

async function analyzeText(lines: string[]): Promise<AnalysisResult> {
  return analyzeTranscript(lines.join('\n') + '\n', 'session.txt');
}

function finding(r: AnalysisResult, id: string): Finding {
  const f = r.findings.find((x) => x.id === id);
  assert.ok(f, `no finding ${id}: ${r.findings.map((x) => x.id).join(', ')}`);
  return f;
}

const cites = (f: Finding) => f.evidence.map((e) => `${e.file}:${e.line}`).sort();

const SOCKSTAT_LEAK = [
  '$ cat /proc/net/sockstat',
  'sockets: used 75724',
  'TCP: inuse 886 orphan 0 tw 0 alloc 72134 mem 222',
  'UDP: inuse 5 mem 0',
];
const SOCKSTAT_OK = [
  '$ cat /proc/net/sockstat',
  'sockets: used 310',
  'TCP: inuse 120 orphan 0 tw 14 alloc 131 mem 9',
  'UDP: inuse 5 mem 0',
];
const SS_LEAK = [
  '$ ss -s',
  'Total: 158211 (kernel 158355)',
  'TCP:   157740 (estab 103, closed 157624, orphaned 0, synrecv 0, timewait 173/0), ports 203',
  '',
  'Transport Total     IP        IPv6',
  '*         158355    -         -',
  'RAW       0         0         0',
  'UDP       9         6         3',
  'TCP       116       80        36',
  'INET      125       86        39',
  'FRAG      0         0         0',
];
const SS_OK = [
  '$ ss -s',
  'Total: 180',
  'TCP:   140 (estab 110, closed 6, orphaned 0, timewait 6)',
  '',
  'Transport Total     IP        IPv6',
  'RAW\t  0         0         0',
  'UDP\t  4         3         1',
  'TCP\t  134       120       14',
  'INET\t  138       123       15',
  'FRAG\t  0         0         0',
];

test('every rule id equals its module file name', () => {
  const files = readdirSync(join(ROOT, 'src', 'rules')).filter(
    (f) => f.endsWith('.ts') && !['rule.ts', 'registry.ts', 'leak-signal.ts', 'strace-common.ts'].includes(f),
  );
  assert.deepEqual(RULES.map((r) => `${r.id}.ts`).sort(), files.sort());
});

test('socket-alloc-gap fails on alloc >> inuse and cites both sockstat lines', async () => {
  const f = finding(await analyzeText(SOCKSTAT_LEAK), 'socket-alloc-gap');
  assert.equal(f.status, 'fail');
  assert.deepEqual(cites(f), ['session.txt:2', 'session.txt:3']);
  assert.match(f.detail, /71,248/);
});

test('socket-alloc-gap passes when alloc is close to inuse', async () => {
  assert.equal(finding(await analyzeText(SOCKSTAT_OK), 'socket-alloc-gap').status, 'pass');
});

test('ss-closed-sockets fails on the write-up ss -s and shows the arithmetic', async () => {
  const f = finding(await analyzeText([...SS_LEAK, ...SOCKSTAT_LEAK.map((l) => l)]), 'ss-closed-sockets');
  assert.equal(f.status, 'fail');
  assert.ok(cites(f).includes('session.txt:3'), cites(f).join());
  assert.ok(f.details?.some((d) => d.type === 'arithmetic'));
});

test('ss-closed-sockets passes on a healthy ss -s', async () => {
  assert.equal(finding(await analyzeText(SS_OK), 'ss-closed-sockets').status, 'pass');
});

// round 232's py-acceptd-burst-drains-stats-log-healthy: 300 clients came and left; ss.c's closed
// (alloc - (hashed - timewait)) counts their time-wait entries, which no process holds.
const SS_TIMEWAIT = ['$ ss -s | head -3', 'Total: 15', 'TCP:   350 (estab 0, closed 348, orphaned 0, timewait 348)'];

test('ss-closed-sockets takes time-wait out of closed: closed 348, timewait 348 is no socket outside a table', async () => {
  const f = finding(await analyzeText(SS_TIMEWAIT), 'ss-closed-sockets');
  assert.equal(f.status, 'pass');
  assert.match(f.detail, /348 in time-wait, which no process holds: 0 are in no table/);
  // The same pile without time-wait still fails.
  const kept = ['$ ss -s | head -3', 'Total: 15', 'TCP:   350 (estab 0, closed 348, orphaned 0, timewait 0)'];
  assert.equal(finding(await analyzeText(kept), 'ss-closed-sockets').status, 'fail');
});

test('netstat-blind-spot fails when netstat shows hundreds and the kernel 157k', async () => {
  const r = await analyzeText(['$ netstat  -nat |wc -l', '368', ...SS_LEAK]);
  const f = finding(r, 'netstat-blind-spot');
  assert.equal(f.status, 'fail');
  assert.deepEqual(cites(f), ['session.txt:2', 'session.txt:5']);
});

test('netstat-blind-spot passes when netstat and ss agree', async () => {
  const r = await analyzeText(['$ netstat -nat | wc -l', '142', ...SS_OK]);
  assert.equal(finding(r, 'netstat-blind-spot').status, 'pass');
});

const COUNTS = ["$ lsof -n|awk '{print $2}'| sort | uniq -c | sort -nr | head", '65966 25204', '5374 20179', '184 27275'];
const UNIDENTIFIED = ['$ lsof -p 25204|grep "can\'t identify protocol"|wc -l', '64214'];

test('unconnected-sockets and fd-holders name the pid from the count table and wc -l', async () => {
  const r = await analyzeText([...COUNTS, ...UNIDENTIFIED]);
  const u = finding(r, 'unconnected-sockets');
  assert.equal(u.status, 'fail');
  assert.deepEqual(cites(u), ['session.txt:6']);
  assert.equal(r.suspects[0].pid, 25204);
  assert.equal(finding(r, 'fd-holders').status, 'fail');
});

test('a busy process without leak signals is not blamed', async () => {
  const r = await analyzeText([
    "$ lsof -n|awk '{print $2}'| sort | uniq -c | sort -nr | head",
    '5374 20179',
    '184 27275',
    ...SOCKSTAT_OK,
    ...SS_OK,
  ]);
  assert.equal(r.suspects.length, 0);
  assert.notEqual(r.verdict, 'leak');
  // Without a sign of a leak, and without health shown either, fd-holders says so: no ✓ beside an inconclusive verdict.
  assert.equal(r.verdict, 'inconclusive');
  const holders = finding(r, 'fd-holders');
  assert.equal(holders.status, 'info');
  assert.match(holders.detail, /shows a sign of a leak \(docs\/diagnosis\.md\), which does not show them healthy/);
});

test('fd-limit-headroom fails at the limit (from /proc/PID/limits) and passes far from it; lsof rows only bound it', async () => {
  const limits = (n: number) => [
    `$ cat /proc/25204/limits`,
    'Limit                     Soft Limit           Hard Limit           Units     ',
    `Max open files            ${n}                ${n}                files     `,
  ];
  const exact = ['$ ls /proc/25204/fd | wc -l', '65536'];
  const at = finding(await analyzeText([...COUNTS, ...UNIDENTIFIED, ...exact, ...limits(65536)]), 'fd-limit-headroom');
  assert.equal(at.status, 'fail');
  assert.deepEqual(cites(at), ['session.txt:11', 'session.txt:8']);
  const far = finding(await analyzeText([...COUNTS, ...UNIDENTIFIED, ...exact, ...limits(1048576)]), 'fd-limit-headroom');
  assert.equal(far.status, 'pass');
  const rows = finding(await analyzeText([...COUNTS, ...UNIDENTIFIED, ...limits(65536)]), 'fd-limit-headroom');
  assert.equal(rows.status, 'info', 'lsof rows over-count fds: they cannot show the limit reached');
  assert.match(rows.detail, /at most 100\.7%/);
  assert.equal(rows.command, 'ls /proc/25204/fd | wc -l');
});

test('file-max-headroom uses file-nr against file-max', async () => {
  const near = finding(await analyzeText(['$ cat /proc/sys/fs/file-nr', '2400000\t0\t2442976']), 'file-max-headroom');
  assert.equal(near.status, 'fail');
  assert.deepEqual(cites(near), ['session.txt:2']);
  const far = finding(await analyzeText(['$ cat /proc/sys/fs/file-nr', '12000\t0\t2442976']), 'file-max-headroom');
  assert.equal(far.status, 'pass');
  // A host whose file-max is LONG_MAX (systemd 240 and later: gpustack/gpustack#5259) has no limit there.
  const none = finding(await analyzeText(['$ cat /proc/sys/fs/file-nr', '37088\t0\t9223372036854775807']), 'file-max-headroom');
  assert.equal(none.status, 'pass');
  assert.match(none.detail, /37,088 file handles allocated; fs\.file-max is no limit \(9223372036854775807, LONG_MAX\)/);
});

test('file-max-headroom: a kernel before 2.6 lists free handles in file-nr, which are no open files', async () => {
  // debian-isp 2001/07 msg00192: 4096 allocated, 3513 of them free, 583 open of 8192.
  const old = finding(await analyzeText(['black:~# more /proc/sys/fs/file-nr', '4096    3513    8192']), 'file-max-headroom');
  assert.equal(old.status, 'pass');
  assert.match(old.detail, /583 file handles in use \(4,096 allocated, 3,513 of them free\) of fs\.file-max 8,192 \(7\.1%\)/);
  // All allocated handles taken, none free: at the limit whatever the kernel.
  const full = finding(await analyzeText(['$ cat /proc/sys/fs/file-nr', '8192\t0\t8192']), 'file-max-headroom');
  assert.equal(full.status, 'fail');
  // Free handles are counted off the allocated ones: 7,900 allocated with 4,000 free is no full table.
  const freed = finding(await analyzeText(['$ cat /proc/sys/fs/file-nr', '7900\t4000\t8192']), 'file-max-headroom');
  assert.equal(freed.status, 'pass');
});

test('suspect-identity quotes the ps row of the suspect', async () => {
  const r = await analyzeText([
    ...COUNTS,
    ...UNIDENTIFIED,
    '$ ps auxww | grep 25204',
    'nemo     25204 38.2 21.4 12877024 3502348 ?    Sl   Jul21 1803:27 /usr/local/jdk/bin/java -server org.apache.catalina.startup.Bootstrap start',
  ]);
  const f = finding(r, 'suspect-identity');
  assert.deepEqual(cites(f), ['session.txt:8']);
  assert.equal(r.suspects[0].user, 'nemo');
});

test('missing evidence names the exact command', async () => {
  const r = await analyzeText(SOCKSTAT_LEAK);
  assert.equal(r.verdict, 'inconclusive');
  assert.ok(
    r.missing.some((m) => m.command.includes('lsof')),
    JSON.stringify(r.missing),
  );
});

test('fd-growth projects the time to the limit from growing snapshots, and passes flat ones', async () => {
  const snap = (totals: number[]) => [
    '# fdleak snapshots: fds of pid 4242 by kind, 4 samples every 10 s',
    ...totals.map(
      (t, i) =>
        `2026-11-25T10:00:${String(i * 10).padStart(2, '0')}.000+00:00 pid=4242 total=${t} limit=1024 socket-unconnected=${t - 100} file=100`,
    ),
  ];
  const growing = finding(await analyzeText(snap([400, 450, 500, 550])), 'fd-growth');
  assert.equal(growing.status, 'fail');
  assert.deepEqual(cites(growing), ['session.txt:2', 'session.txt:5']);
  assert.match(growing.detail, /300 per minute/);
  assert.match(growing.detail, /in about 2 minutes/);
  const flat = finding(await analyzeText(snap([400, 401, 400, 401])), 'fd-growth');
  assert.equal(flat.status, 'pass');
});

// fdleak's round 291, c-uvjobrun-uv-spawn-stdout-socketpairs-peer-gone-ss-xp-counts: two dated
// counts 15 s apart, 91 then 189, under a limit of 256 — 67 fds left at 392 a minute.
test('fd-growth says a time to the limit under a minute in seconds, not "0 minutes"', async () => {
  const r = await analyzeText([
    'root@batch-4:~# date; ls /proc/14905/fd | wc -l',
    'Mon Dec  7 19:30:25 UTC 2026',
    '91',
    'root@batch-4:~# date; ls /proc/14905/fd | wc -l',
    'Mon Dec  7 19:30:40 UTC 2026',
    '189',
    'root@batch-4:~# prlimit -n -p 14905',
    'RESOURCE DESCRIPTION              SOFT HARD UNITS',
    'NOFILE   max number of open files  256  256 files',
  ]);
  const growth = finding(r, 'fd-growth');
  assert.equal(growth.status, 'fail');
  assert.match(growth.detail, /in about 10 seconds/);
});

test('two leakers: the one the bundle was captured for (manifest suspectPid) leads, the other is still listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-hint-'));
  writeFileSync(join(dir, 'counts.txt'), ['  900 111', '  300 222'].join('\n') + '\n');
  writeFileSync(join(dir, 'u111.txt'), '880\n');
  writeFileSync(join(dir, 'u222.txt'), '290\n');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      schema: 'fdleak/bundle@1',
      suspectPid: 222,
      files: [
        { path: 'counts.txt', command: "lsof -n | awk '{print $2}' | sort | uniq -c | sort -nr" },
        { path: 'u111.txt', command: 'lsof -p 111 | grep "protocol: TCP" | wc -l' },
        { path: 'u222.txt', command: 'lsof -p 222 | grep "protocol: TCP" | wc -l' },
      ],
    }),
  );
  const { result } = await analyzeBundle(dir);
  assert.deepEqual(
    result.suspects.map((s) => s.pid),
    [222, 111],
  );
});

// gh-nbhosting-dockerd-current-relayed-errno24: a container's Python traceback line that docker's
// journald log driver wrote under the daemon's name and pid.
test('emfile-errors: a line the engine relayed from a container blames nobody and says how to reach the process (docker top, its host pid)', async () => {
  const r = await analyzeText(['Jan 14 16:07:45 thurst dockerd-current[1574]:     OSError: [Errno 24] Too many open files']);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  const f = finding(r, 'emfile-errors');
  assert.equal(f.status, 'fail');
  assert.deepEqual(cites(f), ['session.txt:1']);
  assert.match(f.detail, /a container's output that dockerd-current wrote to the journal/);
  assert.match(f.detail, /docker top CONTAINER/);
});

// gh-portainer-agent-journald-container-tag-dockerd-pid-accept-emfile: docker's journald log driver
// tags a container's output with the container's short ID and writes it under the daemon's pid.
test("emfile-errors: a line tagged with a container's short ID is the container's, not the pid in its brackets (dockerd's)", async () => {
  const r = await analyzeText([
    'Nov 12 21:48:30 node1 dockerd[30308]: time="2018-11-12T21:48:30.438922906Z" level=info msg="NetworkDB stats node1(d6efd5ef8ef9) - netID:utqf7lwusdr6be6ggee2z3i33 leaving:false netPeers:3 entries:11 Queue qLen:0 netMsg/s:0"',
    'Nov 12 21:49:13 node1 75e975d6612f[30308]: 2018/11/12 21:49:13 http: Accept error: accept tcp [::]:9001: accept4: too many open files; retrying in 5ms',
    'Nov 12 21:49:13 node1 75e975d6612f[30308]: 2018/11/12 21:49:13 http: proxy error: dial tcp 10.0.2.10:9001: socket: too many open files',
  ]);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  const f = finding(r, 'emfile-errors');
  assert.equal(f.status, 'fail');
  assert.match(
    f.detail,
    /a container's output that docker's log driver \(container 75e975d6612f\) wrote to the journal under the daemon's pid/,
  );
  // A program's own tag with a pid is still its writer.
  const own = await analyzeText([
    'Nov 12 21:49:13 node1 agent[4242]: http: Accept error: accept tcp [::]:9001: accept4: too many open files',
  ]);
  assert.deepEqual(
    own.suspects.map((s) => s.pid),
    [4242],
  );
});

// c-rotlogd-mv-hup-rotated-copies-lsof: a logger reopens app.log on SIGHUP after logrotate's mv
// and never closes the old stream; the rotated copies are its decisive signal and get a finding.
test('same-file-open: rotated copies held beside the live log are reported (rotated-files-held), citing their rows', async () => {
  const r = await analyzeText([
    'root@vm:~# lsof -p 7010',
    'COMMAND  PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
    'rotlogd 7010 root  cwd    DIR  254,0     4096 1458743 /var/log/rotlogd',
    'rotlogd 7010 root  rtd    DIR  254,0     4096       2 /',
    'rotlogd 7010 root  txt    REG  254,0    16328 2189984 /tmp/w208/rotlogd',
    'rotlogd 7010 root  mem    REG  254,0  1926232  339380 /usr/lib/x86_64-linux-gnu/libc.so.6',
    'rotlogd 7010 root  mem    REG  254,0   215000  338944 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
    'rotlogd 7010 root    0r   CHR    1,3      0t0       3 /dev/null',
    'rotlogd 7010 root    1w   CHR    1,3      0t0       3 /dev/null',
    'rotlogd 7010 root    2w   CHR    1,3      0t0       3 /dev/null',
    'rotlogd 7010 root    3w   REG  254,0      788 1458744 /var/log/rotlogd/app.log.4',
    'rotlogd 7010 root    4w   REG  254,0      418 1458745 /var/log/rotlogd/app.log.3',
    'rotlogd 7010 root    5w   REG  254,0      418 1458746 /var/log/rotlogd/app.log.2',
    'rotlogd 7010 root    6w   REG  254,0      380 1458747 /var/log/rotlogd/app.log.1',
    'rotlogd 7010 root    7w   REG  254,0      418 1458748 /var/log/rotlogd/app.log',
  ]);
  assert.equal(r.verdict, 'leak');
  const f = finding(r, 'same-file-open');
  assert.equal(f.status, 'fail');
  assert.match(f.title ?? '', /4 fds on older, rotated copies of one file/);
  assert.match(f.detail, /older copies of \/var\/log\/rotlogd\/app\.log/);
  assert.ok(cites(f).includes('session.txt:11'), cites(f).join(' '));
});

// py-shipper-rotating-handler-healthy-lsof-flat: a healthy bundle with a process's whole lsof -p
// and no host lsof: the audit says what it checked, not that there was no lsof listing.
test('capture-quality: a whole lsof -p of a healthy process is checked, not called absent', async () => {
  const r = await analyzeText([
    'root@vm:~# ls /proc/14761/fd | wc -l',
    '4',
    'root@vm:~# lsof -p 14761',
    'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
    'python3 14761 root  cwd    DIR  254,0     4096 2189932 /tmp/w208',
    'python3 14761 root  rtd    DIR  254,0     4096       2 /',
    'python3 14761 root  txt    REG  254,0    17584   26723 /root/.pyenv/versions/3.11.7/bin/python3.11',
    'python3 14761 root  mem    REG  254,0  1926232  339380 /usr/lib/x86_64-linux-gnu/libc.so.6',
    'python3 14761 root    0r   CHR    1,3      0t0       3 /dev/null',
    'python3 14761 root    1w   CHR    1,3      0t0       3 /dev/null',
    'python3 14761 root    2w   CHR    1,3      0t0       3 /dev/null',
    'python3 14761 root    3w   REG  254,0     3160 1459091 /var/log/shipper/app.log',
    "root@vm:~# grep 'open files' /proc/14761/limits",
    'Max open files            1024                 1024                 files     ',
  ]);
  assert.equal(r.verdict, 'no-leak');
  const f = finding(r, 'capture-quality');
  assert.equal(f.status, 'pass');
  assert.match(f.detail, /every process's fd listing is whole, not an excerpt/);
  // A cut listing (`| tail`) of a process is not called whole.
  const cut = await analyzeText([
    'root@vm:~# ls -l /proc/8667/fd | tail -3',
    'lrwx------ 1 root root 64 Dec  7 12:04 97 -> /tmp/jobq/scratch/job.2WSDTY (deleted)',
    'lrwx------ 1 root root 64 Dec  7 12:04 98 -> /tmp/jobq/scratch/job.viVf91 (deleted)',
    'lrwx------ 1 root root 64 Dec  7 12:04 99 -> /tmp/jobq/scratch/job.kI9Ubb (deleted)',
  ]);
  assert.doesNotMatch(finding(cut, 'capture-quality').detail, /listing is whole/);
});
