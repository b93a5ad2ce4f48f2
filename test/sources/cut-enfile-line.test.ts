// A log line cut at the terminal's width inside ENFILE's words is still ENFILE's: telegraf#12813
// (test/accuracy/cases/gh-telegraf-ethtool-netns-lsof-rows-17-31-enfile) pasted its journal with
// the first line cut by the pager, `… too many open files in sys>`, among lines that end `in system`.
// Read as EMFILE it made telegraf a process that ran out of its own fds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';

const CUT =
  '2023-03-07T16:53:00Z E! [inputs.cgroup] Error in plugin: open /sys/fs/cgroup/memory/system.slice/systemd-user-sessions.service/memory.limit_in_bytes: too many open files in sys>';
const WHOLE =
  '2023-03-07T16:53:00Z E! [inputs.cgroup] Error in plugin: open /sys/fs/cgroup/memory/system.slice/uuidd.service/memory.limit_in_bytes: too many open files in system';

test('"too many open files in sys>" cut by the pager is ENFILE, as the whole line is', () => {
  assert.equal(ranOutErrno(CUT), 'ENFILE');
  assert.equal(ranOutErrno(WHOLE), 'ENFILE');
  assert.equal(ranOutErrno(CUT.replace('in sys>', 'in syste…')), 'ENFILE');
  // EMFILE's text, and words after it that are not a cut "in system", stay EMFILE.
  assert.equal(ranOutErrno(CUT.replace(' in sys>', '')), 'EMFILE');
  assert.equal(ranOutErrno('open /data/x: too many open files in session 3'), 'EMFILE');
  assert.equal(ranOutErrno('accept: too many open files in s'), 'ENFILE');
});
