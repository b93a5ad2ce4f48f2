// Many distinct files of one folder or one name pattern (a lock file per job, a memfd per render)
// are a pile of files, as one file open many times is; a program's code, files unlinked while
// open, and one path listed again are not. Read from whole lsof listings of the corpus's cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitLines } from '../../src/bundle/lines.js';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';
import { filesOfOnePlace } from '../../src/model/signals/places.js';
import { analyzeBundle } from '../../src/analysis.js';

function entries(lines: string[]) {
  const holders = parseLines(lsof, lines, { file: 'lsof.txt' }).artifact.holders;
  assert.equal(holders.length, 1);
  return holders[0].entries;
}

const caseLines = (path: string) => splitLines(readFileSync(`test/accuracy/cases/${path}`, 'utf8'));

test('a lock file per job, each open once, is a pile of files of one name pattern (perl jobd)', () => {
  const found = filesOfOnePlace(entries(caseLines('perl-jobd-lock-per-job-emfile/bundle/lsof-p-14157.txt')));
  assert.equal(found?.count, 508);
  assert.equal(found?.what, 'files named /tmp/accn/perl-jobd/locks/job-N.lock (N a number)');
});

test('a memfd per render, shown (deleted) by lsof, is a pile of its name pattern, not skipped as unlinked (rust thumbd)', () => {
  const found = filesOfOnePlace(entries(caseLines('rust-thumbd-memfd-per-render/bundle/lsof-p-26293.txt')));
  assert.equal(found?.count, 1020);
  assert.match(found?.what ?? '', /\/memfd:thumb-N/);
});

const HEAD = 'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME';
const row = (fd: number, name: string) => `java    4242 app  ${fd}r   REG  254,0     4096 ${1000 + fd} ${name}`;

test('near misses: jars of a classpath, files unlinked while open, one path again and again', () => {
  // A classpath names each jar after its library (the version's numbers aside).
  const lib = (i: number) => `${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}lib`;
  const jars = [HEAD, ...Array.from({ length: 60 }, (_, i) => row(i + 3, `/opt/app/lib/${lib(i)}-1.${i}.jar`))];
  assert.equal(filesOfOnePlace(entries(jars)), null);
  // Jars that differ only in their numbers are one opened per lookup (a ZipFile never closed): files.
  const numbered = [HEAD, ...Array.from({ length: 60 }, (_, i) => row(i + 3, `/opt/app/plugins/plugin-${i}.jar`))];
  assert.equal(filesOfOnePlace(entries(numbered))?.count, 60);
  const deleted = [HEAD, ...Array.from({ length: 60 }, (_, i) => row(i + 3, `/var/tmp/upload-${i}.part (deleted)`))];
  assert.equal(filesOfOnePlace(entries(deleted)), null);
  const same = [HEAD, ...Array.from({ length: 60 }, (_, i) => row(i + 3, '/var/lib/app/state.db'))];
  assert.equal(filesOfOnePlace(entries(same))?.count, 1);
});

const signalsOf = async (bundle: string) =>
  (await analyzeBundle(`test/accuracy/cases/${bundle}`, { now: new Date('2026-12-06T00:00:00Z') })).result.suspects[0]?.reasons ?? [];

test('the pile speaks of a process that ran out, not of a store keeping its shards within its limit', async () => {
  const jobd = await signalsOf('perl-jobd-lock-per-job-emfile/bundle');
  assert.equal(jobd.find((x) => x.signal === 'file-pile')?.weight, 2);
  // py-shardd keeps 170 shard files open by design, 200 of 256 fds, flat: no pile, no suspect.
  const shardd = await signalsOf('py-shardd-healthy-low-limit/bundle');
  assert.ok(!shardd.some((x) => x.signal === 'file-pile'));
});
