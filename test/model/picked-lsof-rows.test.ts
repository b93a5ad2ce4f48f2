// lsof rows of a process that show neither lsof's own rows for it (cwd, rtd, txt) nor its
// standard streams 0-2 were picked out of its listing: an excerpt, never a listing in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// https://git.centos.org/rpms/dnf/blob/c8/f/SOURCES/0023-Base.reset-plug-temporary-leak-of-libsolv-s-page-fil.patch,
// as in test/accuracy/cases/distro-centos-dnf-libsolv-pagefd-quoted-lsof-rows: the patch mail
// quotes two rows of python3 6500 with `> `.
const QUOTED = [
  'The dup() calls create the following file descriptors (output from',
  '"lsof"):',
  '',
  '> COMMAND  PID USER FD  TYPE DEVICE SIZE/OFF   NODE NAME',
  '> python3 6500 root  7r  REG    8,1 25320727 395438 /var/tmp/imgcreate-mytcghah/install_root/var/cache/dnf/fedora.solv (deleted)',
  '> python3 6500 root  8r  REG    8,1 52531426 395450 /var/tmp/imgcreate-mytcghah/install_root/var/cache/dnf/fedora-filenames.solvx',
  '',
];

async function analyse(lines: readonly string[]) {
  return analyzeTranscript([...lines, ''].join('\n'), 'transcript.md', now);
}

test('python3 6500: fds 7 and 8 with no cwd/rtd/txt row and no stdio — rows picked out, not its table (inconclusive, not no-leak)', async () => {
  const r = await analyse(QUOTED);
  assert.equal(r.verdict, 'inconclusive');
  assert.deepEqual(r.suspects, []);
  assert.equal(r.processes?.find((p) => p.pid === 6500)?.kindsFrom, 'partial-listing');
});

test("the same rows under lsof's cwd and txt rows: the process's listing as lsof prints it", async () => {
  const r = await analyse([
    ...QUOTED.slice(0, 4),
    '> python3 6500 root cwd  DIR    8,1     4096      2 /',
    '> python3 6500 root txt  REG    8,1     6272 262199 /usr/bin/python3.10',
    ...QUOTED.slice(4),
  ]);
  assert.equal(r.processes?.find((p) => p.pid === 6500)?.kindsFrom, 'listing');
});

test('the same rows beside fds 0-2: a listing whose process rows were left out, still read as in full', async () => {
  const row = (fd: string) => `> python3 6500 root  ${fd}  CHR  136,0      0t0      3 /dev/pts/0`;
  const r = await analyse([...QUOTED.slice(0, 4), row('0u'), row('1u'), row('2u'), ...QUOTED.slice(4)]);
  assert.equal(r.processes?.find((p) => p.pid === 6500)?.kindsFrom, 'listing');
});
