// A program's report that names the errno beside its text is a log line saying it ran out, among
// any other output of the program (round 75's real lines, linux-test-project/ltp#89).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { errnoNamedReport } from '../../src/sources/error-report-lines.js';

const LTP = [
  '<<<test_start>>>',
  'tag=inotify06 stime=1472860628',
  'cmdline="inotify06"',
  'contacts=""',
  'analysis=exit',
  '<<<test_output>>>',
  'inotify06    1  TBROK  :  inotify06.c:104: inotify_init failed: errno=EMFILE(24): Too many open files',
  'inotify06    2  TBROK  :  inotify06.c:104: Remaining cases broken',
  'inotify06    0  TWARN  :  tst_tmpdir.c:219: tst_rmdir: rmobj(/tmp/tmpdir/ltp-QVLX1Calrh/inoKxGKBW) failed: unlink(/tmp/tmpdir/ltp-QVLX1Calrh/inoKxGKBW/fname_0) failed; errno=2: No such file or directory',
  'inotify06    1  TBROK  :  safe_macros.c:370: inotify06.c:96: unlink(fname_2) failed: errno=ENOENT(2): No such file or directory',
  'inotify06    2  TBROK  :  safe_macros.c:370: Remaining cases broken',
  '<<<execution_status>>>',
  'initiation_status="ok"',
  'duration=0 termination_type=exited termination_id=6 corefile=no',
  'cutime=0 cstime=0',
  '<<<test_end>>>',
];

test("LTP's runner output with `errno=EMFILE(24): Too many open files` is a log that says it ran out (ltp#89)", () => {
  assert.equal(errnoNamedReport(LTP[6]), true);
  assert.ok(appLog.detect({ head: LTP, name: 'f' }) >= 0.3);
});

test('the text without the errno name, the name without the text, or a strace result is no such report', () => {
  assert.equal(errnoNamedReport('why do I get Too many open files?'), false);
  assert.equal(errnoNamedReport('EMFILE is the errno'), false);
  assert.equal(errnoNamedReport('accept(0, 0xbfc52a66, [110])            = -1 EMFILE (Too many open files)'), false);
  const withoutReport = LTP.filter((_, i) => i !== 6);
  assert.equal(appLog.detect({ head: withoutReport, name: 'f' }), 0);
});
