// `find /proc/PID/fd | wc -l` prints the fd folder itself and then one line per fd: a count of all
// its fds, one fewer than the lines. Real lines: bash-pollerd-exec-fd-state-file (round 175, a bash
// poller captured here: `find /proc/6905/fd | wc -l` twice, 431 and 580).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFolderExtraLines } from '../../src/model/row-counts.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const POLLERD = readFileSync(join(CASES_DIR, 'bash-pollerd-exec-fd-state-file', 'transcript.md'), 'utf8');

test("a find of a process's whole fd folder counts its fds and the folder's own line", () => {
  assert.equal(findFolderExtraLines('find /proc/6905/fd | wc -l'), 1);
  assert.equal(findFolderExtraLines('sudo find /proc/6905/fd/ -maxdepth 1 | wc -l'), 1);
  assert.equal(findFolderExtraLines('find /proc/6905/fd -mindepth 1 | wc -l'), 0);
  assert.equal(findFolderExtraLines('find /proc/6905/fd -type l 2>/dev/null | wc -l'), 0);
  // Some of its fds (a test picks them), or another folder: no count of all.
  assert.equal(findFolderExtraLines("find /proc/6905/fd -lname 'anon_inode:inotify' | wc -l"), null);
  assert.equal(findFolderExtraLines('find /proc/*/fd | wc -l'), null);
  assert.equal(findFolderExtraLines('find /proc/6905/fdinfo | wc -l'), null);
  assert.equal(findFolderExtraLines('ls /proc/6905/fd | wc -l'), null);
});

test("pollerd's later find count is its fd count: 580 lines, 579 fds, not the 100 its highest listed fd says", async () => {
  const result = await analyzeTranscript(POLLERD, 'transcript.md', now);
  const p = result.processes?.find((x) => x.pid === 6905);
  assert.equal(p?.fdCount, 579);
  assert.equal(p?.fdCountMeasure, 'fds');
  assert.match(p?.fdCountBasis ?? '', /find \/proc\/6905\/fd \| wc -l: minus find's line of the folder itself/);
  assert.equal(p?.fdLimit, 4096);
});
