// lsof, lsof -F, lsfd and /proc/PID/fd captured from the same process must agree on what it holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { lsof } from '../../src/sources/lsof.js';
import { lsofFields } from '../../src/sources/lsof-fields.js';
import { lsfd } from '../../src/sources/lsfd.js';
import { procFd } from '../../src/sources/proc-fd.js';
import { parseLines } from '../../src/sources/run.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';
import type { SourceParser } from '../../src/sources/parser.js';
import type { FdTableArtifact } from '../../src/sources/artifacts.js';

function holder(parser: SourceParser<FdTableArtifact>, dir: string, variant: string, command?: string) {
  const r = parseLines(parser, fixtureLines('sources', dir, `${variant}.txt`), { command, file: `${dir}/${variant}.txt` });
  assert.deepEqual(r.warnings, []);
  assert.equal(r.artifact.holders.length, 1);
  return r.artifact.holders[0];
}

test('every tool sees 17 fds, 1 deleted file, 3 pipes, 2 anon fds in the leaker', () => {
  const views = [
    holder(lsof, 'lsof', 'python-leak-p'),
    holder(lsofFields, 'lsof-fields', 'python-leak-pcuftn'),
    holder(lsofFields, 'lsof-fields', 'python-leak-f0-tasks'),
    holder(lsfd, 'lsfd', 'python-leak'),
    holder(lsfd, 'lsfd', 'python-leak-json'),
    holder(procFd, 'proc-fd', 'python-leak', 'ls -l /proc/9969/fd'),
  ];
  for (const h of views) {
    assert.equal(h.pid, 9969);
    assert.equal(h.fds, 17);
    assert.equal(h.deletedFiles, 1);
    assert.equal(h.byKind.pipe, 3);
    assert.equal(h.byKind.anon, 2);
    assert.equal(h.maxFd, 16);
  }
});

test('only lsof tells unconnected sockets apart; lsfd 2.38 and /proc/PID/fd cannot', () => {
  assert.equal(holder(lsof, 'lsof', 'python-leak-p').unidentifiedSockets, 6);
  assert.equal(holder(lsofFields, 'lsof-fields', 'python-leak-pcuftn').unidentifiedSockets, 6);
  assert.equal(holder(lsfd, 'lsfd', 'python-leak').byKind['socket-other'], 9);
  assert.equal(holder(procFd, 'proc-fd', 'python-leak', 'ls -l /proc/9969/fd').byKind['socket-other'], 9);
});

test('lsof -F: CLOSE_WAIT needs the T field', () => {
  assert.equal(holder(lsofFields, 'lsof-fields', 'python-leak-f0-tasks').closeWait, 3);
  assert.equal(holder(lsofFields, 'lsof-fields', 'python-leak-pcuftn').closeWait, 0);
});

test('lsfd: table and -J give the same holder', () => {
  const strip = (h: ReturnType<typeof holder>) => ({
    ...h,
    samples: undefined,
    entries: [...h.entries].map((e) => ({ ...e, ev: undefined })),
    firstEvidence: undefined,
    maxFdLine: undefined,
  });
  assert.deepEqual(strip(holder(lsfd, 'lsfd', 'python-leak-json')), strip(holder(lsfd, 'lsfd', 'python-leak')));
});

test("proc-fd: the pid comes from a /proc/PID/fd: heading; without any pid the fds are an unnamed process's", () => {
  const lines = fixtureLines('sources', 'proc-fd', 'python-leak.txt');
  const headed = parseLines(procFd, ['/proc/42/fd:', ...lines]);
  assert.equal(headed.artifact.holders[0].pid, 42);
  const anonymous = parseLines(procFd, lines);
  assert.deepEqual(
    anonymous.artifact.holders.map((h) => h.pid),
    [UNNAMED_PID],
  );
  assert.equal(anonymous.artifact.holders[0].fds, headed.artifact.holders[0].fds);
  assert.equal(anonymous.warnings.length, 1);
});

test("proc-fd: ls -la's size of the fd folder (Linux 6.2+: its open fds) above the rows shown marks the listing cut", () => {
  // https://github.com/goauthentik/authentik/issues/25416, as in test/accuracy/cases/gh-authentik-healthy-worker-fd-listing-negative
  const lines = [
    'total 0',
    'dr-x------ 2 authentik authentik 31 Aug 19 13:59 .',
    'dr-xr-xr-x 9 authentik authentik  0 Aug 19 13:59 ..',
    'lr-x------ 1 authentik authentik 64 Aug 19 13:59 0 -> /dev/null',
    "l-wx------ 1 authentik authentik 64 Aug 19 13:59 1 -> 'pipe:[132513868]'",
    'lr-x------ 1 authentik authentik 64 Aug 24 13:33 11 -> anon_inode:inotify',
  ];
  const cut = parseLines(procFd, lines, { command: 'ls -la  /proc/33/fd' });
  assert.equal(cut.artifact.truncated, true);
  assert.deepEqual(cut.warnings, [
    { file: 'input.txt', line: 2, message: 'the fd folder holds 31 fds (its size, Linux 6.2+) and the listing shows 3: it is cut' },
  ]);
  // Before Linux 6.2 the folder's size is 0: nothing is said.
  const old = parseLines(
    procFd,
    lines.map((l) => l.replace(' 31 Aug', '  0 Aug')),
    { command: 'ls -la  /proc/33/fd' },
  );
  assert.equal(old.artifact.truncated, false);
  assert.deepEqual(old.warnings, []);
});

test('lsof -F: a task id that is not a number is a warning on its line, never a NaN tid (found by npm run fuzz)', () => {
  const lines = fixtureLines('sources', 'lsof-fields', 'python-leak-f0-tasks.txt').map((l) =>
    l.replace(/^p9969\0K9970\0/, 'p9969\0K99x0\0'),
  );
  const r = parseLines(lsofFields, lines, { file: 'f0.txt' });
  assert.ok(r.warnings.some((w) => /a task id that is not a number/.test(w.message)));
  assert.ok(r.artifact.holders.every((h) => (h.tids ?? []).every(Number.isFinite)));
});

test("proc-fd: a listing that is exactly the head of ls's text order (0, 1, 10, 100, 1000-1009, 101, 1010-1013) is cut", () => {
  // https://github.com/kubernetes/kubernetes/issues/5461, as in test/accuracy/cases/gh-kube-proxy-proc-fd-sockets-lexical-excerpt
  const lines = [
    'total 0',
    'lrwx------ 1 root root 64 Apr 11 00:18 0 -> socket:[1258422909]',
    'l-wx------ 1 root root 64 Apr 11 00:18 1 -> /var/log/kube-proxy.log',
    'lrwx------ 1 root root 64 Apr 11 00:18 10 -> socket:[15248]',
    'lrwx------ 1 root root 64 Apr 11 00:18 100 -> socket:[15113608]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1000 -> socket:[156748126]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1001 -> socket:[168048812]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1002 -> socket:[131454811]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1003 -> socket:[124433259]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1004 -> socket:[123439313]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1005 -> socket:[125555672]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1006 -> socket:[145356381]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1007 -> socket:[125870197]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1008 -> socket:[241583618]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1009 -> socket:[145356323]',
    'lrwx------ 1 root root 64 Apr 11 00:18 101 -> socket:[12602549]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1010 -> socket:[135420908]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1011 -> socket:[370707271]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1012 -> socket:[124046892]',
    'lrwx------ 1 root root 64 Apr 11 00:18 1013 -> socket:[1258422910]',
  ];
  const cut = parseLines(procFd, lines, { command: 'sudo ls -l /proc/4774/fd' });
  assert.equal(cut.artifact.truncated, true);
  assert.match(cut.warnings[0]?.message ?? '', /listed in text order .* exactly the first 19 names of 0-1013 in that order: it is cut/);
  // The whole text order of 0-12 is a listing in full; one with a gap (no fd 1000) is no head.
  const whole = ['0', '1', '10', '11', '12', '2', '3', '4', '5', '6', '7', '8', '9'].map(
    (fd) => `lrwx------ 1 root root 64 Apr 11 00:18 ${fd} -> socket:[1]`,
  );
  assert.equal(parseLines(procFd, ['total 0', ...whole], { command: 'ls -l /proc/1/fd' }).artifact.truncated, false);
  // One with a gap (no fd 1000) is no exact head, but it still stops in the fds led by 1, none of 2-9 shown: cut.
  const gap = lines.filter((l) => !l.includes(' 1000 -> '));
  const gapped = parseLines(procFd, gap, { command: 'ls -l /proc/4774/fd' });
  assert.equal(gapped.artifact.truncated, true);
  assert.match(gapped.warnings[0]?.message ?? '', /stop at fd 1013, with none of fds 2-9 shown/);
});

test("proc-fd: a short head of ls's text order (0, 1, 10, 100-103: no fd 2) is cut too", () => {
  // https://github.com/microsoft/vscode/issues/58814, as in test/accuracy/cases/gh-vscode-bash-inherits-pak-and-shm-cut-listing
  const lines = [
    'total 0',
    'lrwx------ 1 johannes johannes 64 Sep 17 12:10 0 -> /dev/pts/12',
    'lrwx------ 1 johannes johannes 64 Sep 17 12:10 1 -> /dev/pts/12',
    'lr-x------ 1 johannes johannes 64 Sep 17 12:10 10 -> /usr/share/code/pdf_viewer_resources.pak',
    "lrwx------ 1 johannes johannes 64 Sep 17 12:10 100 -> '/dev/shm/.org.chromium.Chromium.HWn72A (deleted)'",
    "lrwx------ 1 johannes johannes 64 Sep 17 12:10 101 -> '/dev/shm/.org.chromium.Chromium.xhltP6 (deleted)'",
    "lrwx------ 1 johannes johannes 64 Sep 17 12:10 102 -> '/dev/shm/.org.chromium.Chromium.mGbMg5 (deleted)'",
    "lrwx------ 1 johannes johannes 64 Sep 17 12:10 103 -> '/dev/shm/.org.chromium.Chromium.tgA7H3 (deleted)'",
  ];
  const cut = parseLines(procFd, lines, { command: 'ls -l /proc/$$/fd' });
  assert.equal(cut.artifact.truncated, true);
  assert.ok(cut.warnings.some((w) => /exactly the first 7 names of 0-103 in that order: it is cut/.test(w.message)));
  // Five rows (0, 1, 10, 100, 101) are too few to tell a head from a table of odd fds.
  assert.equal(parseLines(procFd, lines.slice(0, 6), { command: 'ls -l /proc/1/fd' }).artifact.truncated, false);
});

test("proc-fd: a listing of a table with gaps that stops inside ls's text order (…, 163, 17, 18; none of 2-9) is cut", () => {
  // https://github.com/eleme/corvus/issues/125, as in test/accuracy/cases/gh-corvus-proxy-fd-listing-sockets-no-clients
  const lines = [
    'total 0',
    'l-wx------ 1 ubuntu ubuntu 64 May  4 06:50 0 -> /dev/null',
    'l-wx------ 1 ubuntu ubuntu 64 May  4 06:50 1 -> /tmp/nohup.out',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 10 -> socket:[42985]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 11 -> socket:[116060]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 119 -> socket:[103327]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 12 -> anon_inode:[timerfd]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 120 -> socket:[115337]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 121 -> socket:[109461]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 13 -> anon_inode:[timerfd]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 130 -> socket:[134165]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 137 -> socket:[110532]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 14 -> anon_inode:[timerfd]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 144 -> socket:[130267]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 15 -> anon_inode:[timerfd]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 151 -> socket:[133224]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 162 -> socket:[133229]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 163 -> socket:[111043]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 17 -> socket:[103287]',
    'lrwx------ 1 ubuntu ubuntu 64 May  4 06:50 18 -> socket:[85877]',
  ];
  const cut = parseLines(procFd, lines, { command: 'ls -l /proc/39511/fd/' });
  assert.equal(cut.artifact.truncated, true);
  assert.match(
    cut.warnings[0]?.message ?? '',
    /pid 39511 .* stop at fd 18, with none of fds 2-9 shown though fds up to 163 are open: it is cut/,
  );
  const row = (fd: number) => `lrwx------ 1 root root 64 May  4 06:50 ${fd} -> socket:[1]`;
  // The same fds in full (2-9 and the rest after them) are no head; nor are rows in numeric order.
  const full = [0, 1, 10, 11, 119, 12, 120, 13, 14, 15, 2, 3, 4, 5, 6, 7, 8, 9];
  assert.equal(parseLines(procFd, ['total 0', ...full.map(row)], { command: 'ls -l /proc/1/fd' }).artifact.truncated, false);
  const numeric = [0, 1, 10, 11, 12, 13, 14, 15, 17, 18, 119, 120, 163];
  assert.equal(parseLines(procFd, ['total 0', ...numeric.map(row)], { command: 'ls -l /proc/1/fd' }).artifact.truncated, false);
  // A table whose listing stops in the fds led by 7 lacks only 8 and 9: two closed fds, no sign of a cut.
  const late = [0, 1, 10, 11, 12, 2, 3, 4, 5, 6, 7, 70, 71];
  assert.equal(parseLines(procFd, ['total 0', ...late.map(row)], { command: 'ls -l /proc/1/fd' }).artifact.truncated, false);
});
