// liblxc's log of the fds it closed as inherited at a container's start (accuracy round 142,
// canonical/lxd#9774: LXD's `lxd forkstart` handed liblxc the Go runtime's epoll and pipe). The
// lines name no parent: read as a log, they blame nobody and keep the verdict from no-leak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lxcClosedInheritedFd } from '../../src/sources/stray-fd-report.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LINES = [
  'lxc imp1 20220110170207.475 ERROR    start - start.c:lxc_check_inherited:331 - Success - AAAA: anon_inode:[eventpoll]',
  'lxc imp1 20220110170207.475 INFO     start - start.c:lxc_check_inherited:337 - Closed inherited fd 4',
  'lxc imp1 20220110170207.475 ERROR    start - start.c:lxc_check_inherited:331 - Success - AAAA: pipe:[1512989]',
  'lxc imp1 20220110170207.475 INFO     start - start.c:lxc_check_inherited:337 - Closed inherited fd 5',
  'lxc imp1 20220110170207.475 ERROR    start - start.c:lxc_check_inherited:331 - Success - AAAA: pipe:[1512989]',
  'lxc imp1 20220110170207.475 INFO     start - start.c:lxc_check_inherited:337 - Closed inherited fd 6',
];

test("liblxc's closing of an inherited fd, in lxc 4's words and lxc 2's", () => {
  assert.equal(lxcClosedInheritedFd(LINES[1]), 4);
  // lxc/lxc#1704: lxc-start 2.0's log.
  assert.equal(
    lxcClosedInheritedFd(
      '      lxc-start 20170716154158.548 INFO     lxc_start - start.c:lxc_check_inherited:235 - Closed inherited fd: 4.',
    ),
    4,
  );
  // Its debug line of what the fd was, prose about the function, another message of liblxc: no.
  assert.equal(lxcClosedInheritedFd(LINES[0]), -1);
  assert.equal(lxcClosedInheritedFd('lxc_check_inherited closes every inherited fd'), -1);
  assert.equal(
    lxcClosedInheritedFd(
      'lxc imp1 20220110170207.475 TRACE    commands - commands.c:lxc_cmd:520 - Opened new command socket connection fd 47',
    ),
    -1,
  );
});

test('a paste of such lines is a log of the fds closed, first line kept', () => {
  assert.ok(appLog.detect({ head: LINES, name: 'transcript.md' }) >= 0.3);
  const { artifact } = parseLines(appLog, LINES);
  assert.equal(artifact.lxcInherited?.count, 3);
  assert.deepEqual(artifact.lxcInherited?.fds, [4, 5, 6]);
  assert.equal(artifact.lxcInherited?.first.line, 2);
});

test('nobody is blamed and the verdict is not no-leak: the summary says what liblxc closed and what decides', async () => {
  const r = await analyzeTranscript(['```', ...LINES, '```'], 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.deepEqual(r.suspects, []);
  assert.match(r.summary, /liblxc reports in transcript\.md that it closed 3 fds it inherited at a container's start \(fd 4, 5, 6\)/);
});
