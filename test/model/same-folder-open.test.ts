// One folder opened again and again as a directory stream (opendir(3) without closedir) is the
// same file open many times, as `ls -l /proc/PID/fd` shows it; an inotify instance old lsof prints
// as a DIR row named by no path is none. On the captured lsof of c-procstatd (accuracy corpus).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';
import { fileEntries } from '../../src/model/signals/places.js';
import { analyzeBundle } from '../../src/analysis.js';

const CASE = 'c-procstatd-proc-fd-dir-per-scan-lsof-emfile';

function entries(lines: string[]) {
  const holders = parseLines(lsof, lines, { file: 'lsof.txt' }).artifact.holders;
  assert.equal(holders.length, 1);
  return holders[0].entries;
}

test('DIR rows of a path are file entries; a DIR row named inotify is not', () => {
  const list = entries([
    'COMMAND     PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
    'procstatd 21902 root    1w   REG  254,0    19404 1499153 /var/log/r303-procstatd/procstatd.log',
    'procstatd 21902 root    3r   DIR   0,21        3   65359 /proc/21900/fd',
    'procstatd 21902 root    4r   DIR   0,21        3   65364 /proc/21901/fd',
    'ruby      21902 root   18r   DIR   0,10        0       1 inotify',
  ]);
  assert.deepEqual(
    fileEntries(list).map((i) => list.name(i)),
    ['/var/log/r303-procstatd/procstatd.log', '/proc/21900/fd', '/proc/21901/fd'],
  );
});

test('procstatd: two /proc/PID/fd folders opened 253 times over are a leak of files', async () => {
  const r = (await analyzeBundle(`test/accuracy/cases/${CASE}/bundle`, { now: new Date('2026-12-07T22:00:00Z') })).result;
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 21902);
  assert.equal(r.suspects[0]?.leak.kind, 'file');
  assert.ok(r.suspects[0]?.reasons.some((s) => s.signal === 'same-file-open' && s.weight === 3));
});
