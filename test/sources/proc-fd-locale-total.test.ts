// ls -l's `total N` line in the locale ls ran under (accuracy round 91): a listing that opens with
// it is whole, as one opening with `total 0` is. Real lines: systemd/systemd#9141 (journald's fds
// under LANG=de_DE, `insgesamt 0`) and a Chinese note's `ls -l /proc/203716/fd` of inotifywait
// (`总用量 0`, coreutils 8's zh_CN). sudo-project/sudo#317 pasted its zh_CN header machine-
// translated (`total consumption 0`): no ls prints that, and it stays unread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { procFd } from '../../src/sources/proc-fd.js';
import { isLsTotal } from '../../src/sources/ls-total.js';

const GERMAN = [
  'insgesamt 0',
  'lr-x------ 1 root root 64 2019-01-14 20:31 0 -> /dev/null',
  'l-wx------ 1 root root 64 2019-01-14 20:31 1 -> /dev/null',
  "lrwx------ 1 root root 64 2019-01-14 20:31 10 -> 'socket:[12874]'",
];

const CHINESE = [
  '总用量 0',
  'lrwx------ 1 guo guo 64  3月  1 09:17 0 -> /dev/pts/3',
  'lrwx------ 1 guo guo 64  3月  1 09:17 1 -> /dev/pts/3',
  'lrwx------ 1 guo guo 64  3月  1 09:17 2 -> /dev/pts/3',
  'lr-x------ 1 guo guo 64  3月  1 09:17 3 -> anon_inode:inotify',
];

test("ls's total line in German or Chinese opens a whole listing, as `total 0` does", () => {
  for (const [lines, pid] of [
    [GERMAN, 1234],
    [CHINESE, 203716],
  ] as const) {
    assert.ok(procFd.detect({ head: [...lines], name: 'transcript.md', command: `ls -l /proc/${pid}/fd` }) > 0.9);
    const { artifact, warnings } = parseLines(procFd, [...lines], { file: 'transcript.md', command: `ls -l /proc/${pid}/fd` });
    assert.equal(artifact.hasHeader, true);
    assert.equal(warnings.length, 0);
    assert.equal([...artifact.holders.find((h) => h.pid === pid)!.entries].length, lines.length - 1);
  }
});

test('only a total line ls prints is one: a translation of it, or another word before a number, is not', () => {
  for (const l of ['total 0', 'insgesamt 0', '总用量 0', '总计 0', '總用量 0', 'итого 0', '合計 0', '합계 0', 'razem 12'])
    assert.equal(isLsTotal(l), true, l);
  for (const l of ['total consumption 0', 'totals 0', 'insgesamt', 'Gesamt 0', ' total 0', 'total 0 files'])
    assert.equal(isLsTotal(l), false, l);
});
