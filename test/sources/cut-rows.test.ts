// A row cut as it was pasted (inside its NAME right after lsof's arrow, or an ls -l link row before its target):
// an excerpt, however whole the rows above it look (MaybeJustJames/zephyr#9, macOS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ZEPHYR = [
  'COMMAND   PID    USER   FD     TYPE             DEVICE   SIZE/OFF       NODE NAME',
  'zephyr  29460 trotter  cwd      DIR                1,5        768 8599522938 /Users/trotter/dev/jane/permission-management-tool',
  'zephyr  29460 trotter  txt      REG                1,5     837248 8599167373 /usr/lib/dyld',
  'zephyr  29460 trotter    0u     CHR               16,2   0t477158       1343 /dev/ttys002',
  'zephyr  29460 trotter    1u     CHR               16,2   0t477158       1343 /dev/ttys002',
  'zephyr  29460 trotter    2u     CHR               16,2   0t477158       1343 /dev/ttys002',
  'zephyr  29460 trotter    3u  KQUEUE                                          count=0, state=0xa',
  'zephyr  29460 trotter    4     PIPE 0x9dc6c98761018007      16384            ->0x9dc6c98761019687',
  'zephyr  29460 trotter    5     PIPE 0x9dc6c98761019687      16384            ->0x9dc6c98761018007',
];
const CUT = 'zephyr  29460 trotter    6     PIPE 0x9dc6c98761018847      16384            ->';

test('a pipe row whose arrow names no peer is a cut row; rows whose arrows name their peers are whole', () => {
  assert.equal(parseLines(lsof, ZEPHYR, { command: 'lsof -p 29460' }).artifact.truncated, false);
  const cut = parseLines(lsof, [...ZEPHYR, CUT], { command: 'lsof -p 29460' });
  assert.equal(cut.artifact.truncated, true);
  assert.ok(cut.warnings.some((w) => /arrow that points at nothing/.test(w.message)));
  const tcp = parseLines(lsof, [ZEPHYR[0], 'nginx   1234 www    6u  IPv4 0x1      0t0  TCP 10.0.0.1:443->'], { command: 'lsof -p 1234' });
  assert.equal(tcp.artifact.truncated, true);
});

test('a listing that looks whole but ends in a cut row shows no health', async () => {
  assert.equal((await analyzeTranscript(['$ lsof -p 29460', ...ZEPHYR, CUT, ''].join('\n'), 'session.txt')).verdict, 'inconclusive');
  assert.equal((await analyzeTranscript(['$ lsof -p 29460', ...ZEPHYR, ''].join('\n'), 'session.txt')).verdict, 'no-leak');
});

test('an ls -l row of an fd link that stops before its target is a cut row too', async () => {
  const rows = [
    '$ ls -l /proc/4242/fd',
    'total 0',
    'lrwx------ 1 root root 64 May  8 23:02 0 -> /dev/null',
    'lrwx------ 1 root root 64 May  8 23:02 1 -> /dev/null',
    'lrwx------ 1 root root 64 May  8 23:02 2 -> /dev/null',
    'lrwx------ 1 root root 64 May  8 23:02 3 -> socket:[31337]',
  ];
  for (const cut of ['lrwx------ 1 root root 64 May  8 23:02 4 ->', 'lrwx------ 1 root root 64 May  8 23:02 4']) {
    const result = await analyzeTranscript([...rows, cut, ''].join('\n'), 'session.txt');
    assert.equal(result.verdict, 'inconclusive', cut);
  }
  // The same listing whole (a working fd beside the standard streams) shows health.
  assert.equal((await analyzeTranscript([...rows, ''].join('\n'), 'session.txt')).verdict, 'no-leak');
});

// ml-tomcat-users-nio-unix-fd-8368: `ls -l` of single fds by path, the targets lost in the mail archive.
test('an ls -l link row named by its path with no target still shows its fd open, of a kind nobody can tell', async () => {
  const result = await analyzeTranscript(
    ['# ls -l /proc/3907/fd/8368', 'lrwx------ 1 root root 64 Jan  7 00:15 /proc/3907/fd/8368 ->', ''].join('\n'),
    'session.txt',
  );
  assert.equal(result.verdict, 'inconclusive');
  const p = result.processes?.find((x) => x.pid === 3907);
  assert.ok(p, 'pid 3907 is known from the link path');
  assert.ok((p.fdCount ?? 0) >= 8369, `fd 8368 open means at least 8,369 fds (got ${p.fdCount})`);
  assert.equal(result.suspects[0]?.pid, 3907);
});

// bitly/oauth2_proxy#44 (test/accuracy/cases/gh-oauth2-proxy-44-lsof-head-cut-before-sockets): the
// pasted `lsof -p 2340` reaches us cut inside fd 3's address, `TCP local`.
const OAUTH2_PROXY = [
  'COMMAND    PID USER   FD   TYPE  DEVICE SIZE/OFF   NODE NAME',
  'google_au 2340 root  cwd    DIR   202,1     4096      2 /',
  'google_au 2340 root  txt    REG   202,1  5024460  34087 /usr/local/bin/google_auth_proxy',
  'google_au 2340 root    0u   CHR     1,3      0t0    278 /dev/null',
  'google_au 2340 root    1u   CHR   136,2      0t0      5 /dev/pts/2',
  'google_au 2340 root    2u   CHR   136,2      0t0      5 /dev/pts/2',
];
const OAUTH2_CUT = 'google_au 2340 root    3u  IPv4   98542      0t0    TCP local';

test('a TCP or UDP row whose address has no port was cut inside it; whole addresses are not', () => {
  const cut = parseLines(lsof, [...OAUTH2_PROXY, OAUTH2_CUT], { command: 'lsof -p 2340' });
  assert.equal(cut.artifact.truncated, true);
  assert.ok(cut.warnings.some((w) => /address has no port/.test(w.message)));
  for (const whole of [
    'google_au 2340 root    3u  IPv4   98542      0t0    TCP localhost:8443 (LISTEN)',
    'google_au 2340 root    3u  IPv4   98542      0t0    TCP *:8443 (LISTEN)',
    'google_au 2340 root    3u  IPv6   98542      0t0    UDP [::1]:53',
    'google_au 2340 root    3u  IPv4   98542      0t0    TCP 127.0.0.1:8443->127.0.0.1:51234 (CLOSE_WAIT)',
    'google_au 2340 root    3u  sock     0,8      0t0  98542 protocol: TCP',
    'google_au 2340 root    3r   REG   202,1      120  34088 /srv/TCP notes',
  ])
    assert.equal(parseLines(lsof, [...OAUTH2_PROXY, whole], { command: 'lsof -p 2340' }).artifact.truncated, false, whole);
});

test('a listing whose last row is cut inside its address shows no health', async () => {
  const text = (rows: string[]) => ['$ lsof -p 2340', ...rows, ''].join('\n');
  assert.equal((await analyzeTranscript(text([...OAUTH2_PROXY, OAUTH2_CUT]), 'session.txt')).verdict, 'inconclusive');
  // The same listing with fd 3 whole (a listener beside the standard streams) shows health.
  const listening = 'google_au 2340 root    3u  IPv4   98542      0t0    TCP localhost:8443 (LISTEN)';
  assert.equal((await analyzeTranscript(text([...OAUTH2_PROXY, listening]), 'session.txt')).verdict, 'no-leak');
});

// driskell/log-courier#99: the stored copy stops inside the row of fd 4, `anon_i` of old lsof's
// `anon_inode` under TYPE `0000` — the listing is an excerpt, not five fds of a healthy process.
const LOG_COURIER = [
  'COMMAND    PID USER   FD   TYPE     DEVICE  SIZE/OFF    NODE NAME',
  'log-couri 5164 root  cwd    DIR        8,1      4096       2 /',
  'log-couri 5164 root  txt    REG        8,1   6842584 1308590 /usr/local/sbin/log-courier',
  'log-couri 5164 root    0u   CHR        1,3       0t0    1029 /dev/null',
  'log-couri 5164 root    1u   CHR      136,3       0t0       6 /dev/pts/3',
  'log-couri 5164 root    2u   CHR      136,3       0t0       6 /dev/pts/3',
  'log-couri 5164 root    3u  IPv4  334871615       0t0     TCP 127.0.0.1:1234 (LISTEN)',
];

test("a row whose name stops inside one of lsof's fixed words (anon_i) is a cut row; whole words are not", () => {
  assert.equal(parseLines(lsof, LOG_COURIER, { command: 'lsof -n -p 5164' }).artifact.truncated, false);
  const cut = parseLines(lsof, [...LOG_COURIER, 'log-couri 5164 root    4u  0000        0,9         0    7171 anon_i'], {
    command: 'lsof -n -p 5164',
  });
  assert.equal(cut.artifact.truncated, true);
  assert.ok(cut.warnings.some((w) => /stops inside lsof's word for it \(anon_i\)/.test(w.message)));
  for (const whole of [
    'log-couri 5164 root    4u  0000        0,9         0    7171 anon_inode',
    "scollecto 3666 root 1018u  sock        0,7      0t0 9458743 can't identify protocol",
    'java      4242 app    40r  FIFO        0,8      0t0  849589 pipe',
    'node       901 app    12u  unix 0x0000000      0t0   17080937 type=STREAM',
  ]) {
    assert.equal(parseLines(lsof, [LOG_COURIER[0], whole], { command: 'lsof -n -p 5164' }).artifact.truncated, false, whole);
  }
});
