// A pile its own counts show reclaimed (docs/diagnosis.md, "The verdict"; src/model/reclaimed.ts):
// counts that fall back by a quarter or more again and again, their floor not rising, far under
// the limit — a collector or finalizer closing what the program dropped — raise no pile signal,
// and a whole listing below the largest of them is no excerpt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';
import { reclaimedFloor } from '../../src/model/reclaimed.js';

const now = new Date('2026-01-01T00:00:00Z');

// java-cfgreader-fis-unclosed-gc-sawtooth-healthy: a FileInputStream per request, closed by the GC's
// Cleaner; the timed counts and the whole `ls -l` (76 copies of one file, fd 174 the newest).
const SETTINGS = '/tmp/acc232/w/cfgreader/settings.properties';
const JAVA_COUNTS = ['123', '89', '153', '114', '76', '141', '90', '149', '110', '171', '134', '96'];
const JAVA = [
  '```',
  '$ while sleep 2; do echo "$(date +%T) $(ls /proc/23210/fd | wc -l)"; done',
  ...JAVA_COUNTS.map((n, i) => `14:17:${String(i * 2).padStart(2, '0')} ${n}`),
  '^C',
  '$ ls -l /proc/23210/fd',
  'total 0',
  'lr-x------ 1 root root 64 Dec  7 14:16 0 -> /dev/null',
  'l-wx------ 1 root root 64 Dec  7 14:16 1 -> /dev/null',
  'l-wx------ 1 root root 64 Dec  7 14:16 2 -> /dev/null',
  'lr-x------ 1 root root 64 Dec  7 14:16 3 -> /usr/lib/jvm/java-17-openjdk-amd64/lib/modules',
  'l-wx------ 1 root root 64 Dec  7 14:16 4 -> /tmp/acc232/w/cfgreader/cfgreader.log',
  ...Array.from({ length: 75 }, (_, i) => `lr-x------ 1 root root 64 Dec  7 14:16 ${i + 5} -> ${SETTINGS}`),
  `lr-x------ 1 root root 64 Dec  7 14:17 174 -> ${SETTINGS}`,
  "$ grep 'open files' /proc/23210/limits",
  'Max open files            4096                 4096                 files     ',
  '```',
];

test('a sawtooth of timed counts far under the limit: 76 copies of one file are reclaimed, no leak (Java Cleaner)', async () => {
  const r = await analyzeTranscript(JAVA, 'transcript.md', now);
  assert.equal(r.verdict, 'no-leak');
  assert.equal(r.suspects.length, 0);
});

test('the same listing beside counts that only climb stays a leak', async () => {
  const climbing = JAVA.map((l) => {
    const m = /^14:17:(\d\d) \d+$/.exec(l);
    return m ? `14:17:${m[1]} ${60 + Number(m[1]) * 5}` : l;
  });
  const r = await analyzeTranscript(climbing, 'transcript.md', now);
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 23210);
});

// go-scanner-os-file-finalizer-sawtooth-lsof-healthy: six untimed reruns, then the whole lsof -p of 106 fds.
const UPLOAD = (n: number) => `/tmp/acc232/w/scanner/uploads/u${String(n % 20).padStart(2, '0')}.png`;
const GO = [
  '```',
  ...['170', '190', '115', '46', '224', '167'].flatMap((n) => ['$ ls /proc/25174/fd | wc -l', n]),
  '$ lsof -p 25174',
  'COMMAND   PID USER   FD      TYPE DEVICE SIZE/OFF     NODE NAME',
  'scanner 25174 root  cwd       DIR  254,0     4096  6269376 /tmp/acc232/w/scanner',
  'scanner 25174 root  rtd       DIR  254,0     4096        2 /',
  'scanner 25174 root  txt       REG  254,0  1938557  4204827 /tmp/acc232/w/scanner/scanner',
  'scanner 25174 root    0r      CHR    1,3      0t0        3 /dev/null',
  'scanner 25174 root    1w      CHR    1,3      0t0        3 /dev/null',
  'scanner 25174 root    2w      CHR    1,3      0t0        3 /dev/null',
  'scanner 25174 root    3w      REG  254,0       99  6269436 /tmp/acc232/w/scanner/scanner.log',
  'scanner 25174 root    4u  a_inode   0,16        0     1038 [eventpoll:5]',
  'scanner 25174 root    5r     FIFO   0,15      0t0 13437129 pipe',
  'scanner 25174 root    6w     FIFO   0,15      0t0 13437129 pipe',
  ...Array.from(
    { length: 99 },
    (_, i) => `scanner 25174 root  ${String(i + 7).padStart(3)}r      REG  254,0        8  ${6269378 + ((i + 9) % 20)} ${UPLOAD(i + 9)}`,
  ),
  '$ prlimit -n -p 25174',
  'RESOURCE DESCRIPTION              SOFT HARD UNITS',
  'NOFILE   max number of open files 1024 1024 files',
  '```',
];

test('untimed reruns that fall to 46 and back: a whole lsof of 106 fds below the largest (224) is no excerpt (Go finalizers)', async () => {
  const r = await analyzeTranscript(GO, 'transcript.md', now);
  assert.equal(r.verdict, 'no-leak');
  assert.equal(r.suspects.length, 0);
});

test('reclaimedFloor: falls, a floor that does not rise, a peak far under the limit', () => {
  assert.equal(reclaimedFloor([170, 190, 115, 46, 224, 167], 1024), 46);
  assert.equal(reclaimedFloor([123, 89, 153, 114, 76, 141, 90, 149, 110, 171, 134, 96], 4096), 76);
  // One fall is no sawtooth; fewer than four samples say nothing.
  assert.equal(reclaimedFloor([100, 200, 300, 150, 400], 4096), null);
  assert.equal(reclaimedFloor([200, 100, 200], 4096), null);
  // Near its limit, a fall is no proof the rest is reclaimed.
  assert.equal(reclaimedFloor([900, 600, 1000, 700, 1010], 1024), null);
  // Unknown limit: peaks from 512 up are no longer far under the usual default.
  assert.equal(reclaimedFloor([300, 200, 600, 400], null), null);
  // A floor that climbs is fds kept between the collections.
  assert.equal(reclaimedFloor([100, 150, 100, 160, 300, 220, 400, 290], 4096), null);
});
