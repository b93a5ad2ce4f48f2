// A sos report names each command's output after the command, and the name loses characters: the
// process plugin's `lsof -b +M -n -l -c ''` is saved as lsof_-b_M_-n_-l_-c. The rows below are real:
// test/accuracy/cases/c-sos-go-healthd-healthy-time-wait (sos 4.0), the capture shell bash 28778 and
// the Go service it started, healthd 28780.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { sosCommand } from '../../src/bundle/sosreport.js';
import { isFilteredCommand } from '../../src/model/listing-excerpts.js';
import { lsofSelectsFiles } from '../../src/command-words.js';

test("sos's lsof file names are read back as the whole-host lsof sos ran, not `lsof … M` asking about a file M", () => {
  for (const [file, command] of [
    ['sos_commands/process/lsof_-b_M_-n_-l_-c', "lsof -b +M -n -l -c ''"],
    ['sos_commands/process/lsof_-b_M_-n_-l', 'lsof -b +M -n -l'],
  ]) {
    const c = sosCommand(file).command ?? '';
    assert.equal(c, command);
    assert.equal(lsofSelectsFiles(c), false, c);
    assert.equal(isFilteredCommand(c).cut, false, c);
  }
  assert.equal(sosCommand('sos_commands/process/ps_auxwww').command, 'ps auxwww');
});

const LSOF = [
  'lsof: avoiding readlink(/proc): -b was specified.',
  'COMMAND     PID     USER   FD      TYPE   DEVICE SIZE/OFF     NODE NAME',
  'bash      28778        0  cwd       DIR    254,0     4096  2204311 /tmp/acc261',
  'bash      28778        0  rtd       DIR    254,0     4096        2 /',
  'bash      28778        0  txt       REG    254,0  1265648   260104 /usr/bin/bash',
  'bash      28778        0    0r      CHR      1,3      0t0        3 /dev/null',
  'bash      28778        0    1w      REG    254,0       76  7725521 /tmp/bash_jobs.0/4d68ff8e12f1/stdout',
  'bash      28778        0    2w      REG    254,0        0  7725550 /tmp/bash_jobs.0/4d68ff8e12f1/stderr',
  'bash      28778        0   10r      CHR      1,3      0t0        3 /dev/null',
  'bash      28778        0  251w     FIFO     0,15      0t0 15087854 pipe',
  'healthd   28780        0  cwd       DIR    254,0     4096  2204311 /tmp/acc261',
  'healthd   28780        0  rtd       DIR    254,0     4096        2 /',
  'healthd   28780        0  txt       REG    254,0  7175936  2680694 /tmp/acc261/bin/healthd',
  'healthd   28780        0    0r      CHR      1,3      0t0        3 /dev/null',
  'healthd   28780        0    1w      CHR      1,3      0t0        3 /dev/null',
  'healthd   28780        0    2w      CHR      1,3      0t0        3 /dev/null',
  'healthd   28780        0    3w      REG    254,0      178  2679000 /tmp/acc261/healthd/healthd.log',
  'healthd   28780        0    4u  a_inode     0,16        0     1038 [eventpoll:5,7]',
  'healthd   28780        0    5r     FIFO     0,15      0t0 15087857 pipe',
  'healthd   28780        0    6w     FIFO     0,15      0t0 15087857 pipe',
  'healthd   28780        0    7u     IPv4 15087858      0t0      TCP 127.0.0.1:18261 (LISTEN)',
  'healthd   28780        0   10r      CHR      1,3      0t0        3 /dev/null',
  'healthd   28780        0  251w     FIFO     0,15      0t0 15087854 pipe',
];
const PS = [
  'F   UID   PID  PPID PRI  NI    VSZ   RSS WCHAN  STAT TTY        TIME COMMAND',
  '1     0 28778 28777  20   0   4604  2248 do_wai S    ?          0:00 bash /dev/fd/3',
  '4     0 28780 28778  20   0 1012164 8644 do_epo Ssl  ?          0:00 /tmp/acc261/bin/healthd',
];

test("a sos report's whole-host lsof: the shell passed healthd its fd 251 pipe, not healthd's own pipe pair and listener", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-sos-lsof-'));
  try {
    const sos = join(dir, 'sosreport-vm-2026-12-07-cphveoi');
    mkdirSync(join(sos, 'sos_reports'), { recursive: true });
    mkdirSync(join(sos, 'sos_commands', 'process'), { recursive: true });
    writeFileSync(join(sos, 'sos_reports', 'manifest.json'), '{"version": "4.0"}\n');
    writeFileSync(join(sos, 'sos_commands', 'process', 'lsof_-b_M_-n_-l_-c'), `${LSOF.join('\n')}\n`);
    writeFileSync(join(sos, 'sos_commands', 'process', 'ps_alxwww'), `${PS.join('\n')}\n`);
    const { result } = await analyzeBundle(sos, { now: new Date('2026-12-07T17:00:00Z') });
    const bash = result.suspects.find((s) => s.pid === 28778);
    assert.ok(bash, JSON.stringify(result.suspects.map((s) => s.pid)));
    assert.equal(bash.leak.kind, 'inherited');
    assert.equal(bash.leak.count, 1, bash.reason);
    assert.doesNotMatch(bash.reason, /18261|LISTEN/);
    assert.notEqual(result.verdict, 'no-leak');
    assert.ok(!result.suspects.some((s) => s.pid === 28780), 'healthd holds what it was given, it passes nothing on');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
