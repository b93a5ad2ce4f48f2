// `date -u` typed at its own prompt before each `lsof -p PID` (or `ls -l /proc/PID/fd`): the listings
// are timed samples of the process's fds. Real lines: py-jobd-dated-lsof-p-three-listings-pipe-pairs
// and py-pollsrv-dated-ls-l-proc-fd-flat-healthy (captured here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateLineAt, datedCommands } from '../../src/bundle/dated-commands.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const JOBD = readFileSync(join(CASES_DIR, 'py-jobd-dated-lsof-p-three-listings-pipe-pairs', 'transcript.md'), 'utf8');
const POLLSRV = readFileSync(join(CASES_DIR, 'py-pollsrv-dated-ls-l-proc-fd-flat-healthy', 'bundle', 'fd-listings.txt'), 'utf8');

test("date(1)'s default line, UTC or a zone, is a local time; other lines are not", () => {
  assert.equal(dateLineAt('Tue Dec  8 00:46:17 UTC 2026'), '2026-12-08T00:46:17');
  assert.equal(dateLineAt('Thu Aug 25 08:53:01 EDT 2016'), '2016-08-25T08:53:01');
  assert.equal(dateLineAt('python3 8379 root  cwd    DIR  254,0     4096 2163463 /tmp/r327-work/A'), undefined);
  assert.equal(dateLineAt('Foo Bar  8 00:46:17 UTC 2026'), undefined);
});

test('each `date -u` folds into the listing after it: three lsof listings, each shown at its time', () => {
  const items = datedCommands(splitTranscript(JOBD.split('\n')));
  assert.deepEqual(
    items.filter((i) => i.command?.startsWith('lsof')).map((i) => i.shownAt),
    ['2026-12-08T00:46:17', '2026-12-08T00:46:27', '2026-12-08T00:46:37'],
  );
  assert.equal(items.filter((i) => i.command === 'date -u').length, 0);
});

test('a date with no command after it stays a date of its own', () => {
  const items = datedCommands(splitTranscript(['```', '$ date -u', 'Tue Dec  8 00:46:17 UTC 2026', '```']));
  assert.deepEqual(
    items.map((i) => i.command),
    ['date -u'],
  );
});

test('three dated whole lsof listings of a pipe pile growing: a leak, fd-growth from the listings', async () => {
  const r = await analyzeTranscript(JOBD, 'transcript.md');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 8379);
  assert.equal(r.suspects[0].growth?.samples, 3);
  assert.ok(r.findings.some((f) => f.id === 'fd-growth' && f.status === 'fail'));
  assert.ok(!r.sources.some((s) => s.warnings?.some((w) => /not an lsof row/.test(w))));
});

test('three dated whole `ls -l /proc/PID/fd` listings of the same 15 fds: steady, no leak', async () => {
  const r = await analyzeTranscript(POLLSRV, 'fd-listings.txt');
  assert.equal(r.suspects[0]?.growth?.gained ?? 0, 0);
  assert.notEqual(r.verdict, 'leak');
});
