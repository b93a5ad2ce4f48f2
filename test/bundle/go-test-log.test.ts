// `go test`'s failure report with another tool's output inside a record: the record's lines are
// indented under `--- FAIL:` (a tab and two tabs before Go 1.14, four and eight blanks since).
// Real lines: golang/go#19243 (TestPipeLookPathLeak's own `lsof -p`, tabs), golang/go#25628
// (TestExtraFiles' child's stdout and lsof, blanks), golang/go#10206 (an Android lsof of
// permission-denied placeholders).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unindentGoTestLog } from '../../src/bundle/go-test-log.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const TABS = [
  '--- FAIL: TestPipeLookPathLeak (0.97s)',
  '\texec_test.go:314: leaked 4 fds; want ~0; have:',
  '\t\tCOMMAND     PID USER   FD      TYPE DEVICE SIZE/OFF    NODE NAME',
  '\t\texec.test 46001 root  cwd       DIR   94,1     4096 1312440 /data/golang/workdir/go/src/os/exec',
  '\t\texec.test 46001 root    0r      CHR    1,3      0t0    1028 /dev/null',
  '\t\texec.test 46001 root    5r     FIFO    0,9      0t0 1096158 pipe',
];

const BLANKS = [
  '--- FAIL: TestExtraFiles (1.18s)',
  '    exec_test.go:659: Run: exit status 1',
  '        --- stdout:',
  '        leaked parent file. fd = 66; want 65',
  '        COMMAND     PID USER   FD      TYPE DEVICE SIZE/OFF   NODE NAME',
  '        exec.test 21020 root  cwd       DIR   0,54      360  23652 /workdir/go/src/os/exec',
  '        exec.test 21020 root    0r      CHR    1,3      0t0  17741 /dev/null',
  '        exec.test 21020 root    3u      REG   0,54       12  95731 /workdir/tmp/216658506',
];

test("a record's first line is its message; its further lines lose two levels (tabs)", () => {
  const lines = TABS.slice();
  unindentGoTestLog(lines, 0, lines.length);
  assert.equal(lines[0], TABS[0]);
  assert.equal(lines[1], 'leaked 4 fds; want ~0; have:');
  assert.equal(lines[2], 'COMMAND     PID USER   FD      TYPE DEVICE SIZE/OFF    NODE NAME');
  assert.equal(lines[5], 'exec.test 46001 root    5r     FIFO    0,9      0t0 1096158 pipe');
});

test('the same with four and eight blanks; lines after the records are left as they are', () => {
  const lines = [...BLANKS, 'FAIL', 'FAIL\tos/exec\t1.364s'];
  unindentGoTestLog(lines, 0, lines.length);
  assert.equal(lines[1], 'Run: exit status 1');
  assert.equal(lines[3], 'leaked parent file. fd = 66; want 65');
  assert.equal(lines[7], 'exec.test 21020 root    3u      REG   0,54       12  95731 /workdir/tmp/216658506');
  assert.equal(lines[8], 'FAIL');
});

test('indented lines with no result line above them, or without a file:line record, are not touched', () => {
  const lines = TABS.slice(1);
  unindentGoTestLog(lines, 0, lines.length);
  assert.deepEqual(lines, TABS.slice(1));
  const noRecord = [TABS[0], '\t\tCOMMAND     PID USER   FD      TYPE DEVICE SIZE/OFF    NODE NAME'];
  unindentGoTestLog(noRecord, 0, noRecord.length);
  assert.equal(noRecord[1], '\t\tCOMMAND     PID USER   FD      TYPE DEVICE SIZE/OFF    NODE NAME');
});

test("golang/go#19243: the test's own lsof -p is read as exec.test 46001's listing", async () => {
  const result = await analyzeTranscript(['```', ...TABS, '```', ''].join('\n'), 'transcript.md');
  const proc = (result.processes ?? []).find((p) => p.pid === 46001);
  assert.ok(proc, 'exec.test 46001 is read');
});

test('golang/go#10206: an Android lsof of permission-denied placeholders is read and blames nobody', async () => {
  const block = [
    '--- FAIL: TestPipeLookPathLeak (0.69s)',
    '\texec_test.go:247: leaked 50 fds; want ~0; have:',
    '\t\tCOMMAND     PID       USER   FD      TYPE             DEVICE  SIZE/OFF       NODE NAME',
    '\t\tinit          1       root  exe       ???                ???       ???        ??? /proc/1/exe (readlink: Permission denied)',
    '\t\tinit          1       root root       ???                ???       ???        ??? /proc/1/root (readlink: Permission denied)',
    '\t\tinit          1       root  FDS                                                   /proc/1/fd/ (opendir: Permission denied)',
    '...',
    'FAIL\tos/exec\t22.053s',
  ];
  const result = await analyzeTranscript(['```', ...block, '```', ''].join('\n'), 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});
