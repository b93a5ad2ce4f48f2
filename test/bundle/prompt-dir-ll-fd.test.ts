// An `ll fd` typed in a process's /proc folder lists its fd folder: `ll` is the long listing shell
// profiles alias (`ls -alF`, eza's), and `fd` is named from /proc/PID. Real lines:
// gh-mpd-2363-eza-ll-proc-fd-french-dates-excerpt (MusicPlayerDaemon/MPD#2363).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inDir, promptDir } from '../../src/bundle/prompt-dir.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const MPD = join(CASES_DIR, 'gh-mpd-2363-eza-ll-proc-fd-french-dates-excerpt', 'transcript.md');

test('`ll fd` at `root@X570GP:/proc/5572 #` lists /proc/5572/fd', () => {
  const line = 'root@X570GP:/proc/5572 # ll fd';
  assert.equal(promptDir(line), '/proc/5572');
  assert.equal(inDir('ll fd', '/proc/5572'), 'll /proc/5572/fd');
  assert.equal(inDir('ls -l ./fd/ | wc -l', '/proc/5572/'), 'ls -l /proc/5572/fd | wc -l');
  assert.equal(inDir('ll', '/proc/5572/fd'), 'cd /proc/5572/fd && ll');
});

test('other commands and folders are left alone', () => {
  assert.equal(inDir('ll fd', '/home/me'), 'll fd');
  assert.equal(inDir('stat fd', '/proc/5572'), 'stat fd');
  assert.equal(inDir('ll fdinfo', '/proc/5572'), 'cd /proc/5572 && ll fdinfo');
  assert.equal(inDir('ll /proc/1/fd', '/proc/5572'), 'll /proc/1/fd');
});

test("MPD's eza listing is pid 5572's fds: still no signal, cut, inconclusive with nobody blamed", async () => {
  const { result } = await analyzeBundle(MPD, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.ok(result.processes?.some((p) => p.pid === 5572));
});
