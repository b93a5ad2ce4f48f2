import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// ValveSoftware/steam-for-linux#3626: Steam's embedded Chromium logs its own words when dup() of a
// new shared-memory file fails with EMFILE (base/memory/shared_memory_posix.cc), not strerror's.
const STEAM_LINE = '[1210/223530:WARNING:shared_memory_posix.cc(386)] Shared memory creation failed; out of file descriptors';
const CONSEQUENCE = '[1210/223530:ERROR:host_shared_bitmap_manager.cc(122)] Cannot create shared memory buffer';
const IPC =
  '[1210/203805:WARNING:ipc_channel_posix.cc(887)] Message needs unreceived descriptors channel:0xf91d6000 message-type:132748 header()->num_fds:1';

test("Chromium's shared-memory EMFILE message is an EMFILE line; its neighbours are not", () => {
  assert.equal(ranOutErrno(STEAM_LINE), 'EMFILE');
  assert.equal(ranOutErrno(CONSEQUENCE), null);
  assert.equal(ranOutErrno(IPC), null);
  assert.equal(ranOutErrno('we are not running out of file descriptors here'), null);
});

test("Steam's log block: an unowned ran-out line, nobody blamed", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-steam-cef-shm-out-of-file-descriptors-log', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Shared memory creation failed; out of file descriptors/);
});
