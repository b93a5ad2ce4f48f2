// An `ls` of its own fds pasted without its command (accuracy round 185): zed-industries/zed#59257
// says `Type ls -al /proc/self/fd into the terminal` in its steps and pastes the listing alone.
// Fd 3 -> /proc/10073/fd is the folder that ls read: the listing is the ls's own, not an unnamed
// process's table (which, with fds 0-2 and three more, would pass for a healthy one). Real lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { procFd } from '../../src/sources/proc-fd.js';

const LISTING = [
  'total 0',
  'dr-x------ 2 martin martin  7 Jun 13 14:45 .',
  'dr-xr-xr-x 9 martin martin  0 Jun 13 14:45 ..',
  'lrwx------ 1 martin martin 64 Jun 13 14:45 0 -> /dev/pts/3',
  'lrwx------ 1 martin martin 64 Jun 13 14:45 1 -> /dev/pts/3',
  'lrwx------ 1 martin martin 64 Jun 13 14:45 2 -> /dev/pts/3',
  'lr-x------ 1 martin martin 64 Jun 13 14:45 3 -> /proc/10073/fd',
  'lrwx------ 1 martin martin 64 Jun 13 14:45 39 -> /home/martin/.local/share/zed/prompts/prompts-library-db.0.mdb/data.mdb',
  'lrwx------ 1 martin martin 64 Jun 13 14:45 70 -> /dev/udmabuf',
  "lrwx------ 1 martin martin 64 Jun 13 14:45 71 -> '/memfd:lp_dma_buf (deleted)'",
];

test('a listing of no pid whose fd 3 is an fd folder of /proc is the listing of the ls that read it', () => {
  const { artifact, warnings } = parseLines(procFd, LISTING, { file: 'transcript.md' });
  assert.equal(artifact.ownListing, true);
  assert.equal(artifact.holders.length, 1);
  assert.equal(artifact.holders[0].fds, 7);
  // It is no unnamed process's table: nothing says its pid is missing.
  assert.ok(!warnings.some((w) => /whose fds these are is not said/.test(w.message)));
});

test('an unnamed listing without such a folder stays an unnamed process, said so', () => {
  const rows = LISTING.filter((l) => !l.includes('/proc/10073/fd'));
  const { artifact, warnings } = parseLines(procFd, rows, { file: 'transcript.md' });
  assert.equal(artifact.ownListing, undefined);
  assert.ok(warnings.some((w) => /whose fds these are is not said/.test(w.message)));
});

test("a listing whose pid is known keeps it, whatever folder of /proc it holds (a process's own table)", () => {
  const { artifact } = parseLines(procFd, LISTING, { file: 'transcript.md', command: 'ls -al /proc/4242/fd' });
  assert.equal(artifact.ownListing, undefined);
  assert.equal(artifact.holders[0].pid, 4242);
});

test('two fd folders of /proc in one unnamed listing name no ls: a tool walking fd folders', () => {
  const rows = [...LISTING, 'lr-x------ 1 martin martin 64 Jun 13 14:45 72 -> /proc/998/fd'];
  const { artifact } = parseLines(procFd, rows, { file: 'transcript.md' });
  assert.equal(artifact.ownListing, undefined);
});
