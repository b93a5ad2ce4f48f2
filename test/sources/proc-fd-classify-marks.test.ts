// `ls -alF` (Ubuntu's `ll` alias) marks the fd folder's own rows with -F's `/`: `./` and `../`
// (accuracy round 217). They are the folder's rows, as `.` and `..` are, no fds. Real lines:
// apache/openwhisk#4553 (gh-openwhisk-action-container-cd-proc-fd-ll), an action container's pid 1
// after `alias ll='ls -alF'` and `cd /proc/1/fd`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procFd } from '../../src/sources/proc-fd.js';

const LISTING = [
  'total 0',
  'dr-x------ 2 root root  0 Jul 10 11:38 ./',
  'dr-xr-xr-x 9 root root  0 Jul 10 11:38 ../',
  'lrwx------ 1 root root 64 Jul 10 11:38 0 -> /dev/null',
  'l-wx------ 1 root root 64 Jul 10 11:38 1 -> pipe:[344150027]',
  'l-wx------ 1 root root 64 Jul 10 11:38 2 -> pipe:[344150028]',
];

test('ls -alF’s `./` and `../` rows are the fd folder’s own: the listing is read', () => {
  assert.ok(procFd.detect({ head: LISTING, name: 'transcript.md', command: 'cd /proc/1/fd && ls -alF' }) >= 0.9);
});

test('a folder of files listed with -F is still no fd listing', () => {
  const files = [
    'total 8',
    'drwxr-xr-x 2 root root 4096 Jul 10 11:38 ./',
    'drwxr-xr-x 9 root root 4096 Jul 10 11:38 ../',
    '-rw-r--r-- 1 root root 12 Jul 10 11:38 a.txt',
  ];
  assert.equal(procFd.detect({ head: files, name: 'transcript.md', command: 'ls -alF' }), 0);
});

test('the fds of the -F listing are counted without its folder rows', async () => {
  const { analyzeTranscript } = await import('../analyze-transcript.js');
  const text = ['```', '# cd /proc/1/fd', '# ls -alF', ...LISTING, '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  const p = (result.processes ?? []).find((x) => x.pid === 1);
  assert.equal(p?.fdCount, 3);
});
