// A candidate with no listing takes its kind from what counted its fds (docs/diagnosis.md, "Adding
// up a case"): a count of the rows a grep picked by a word of their path — a folder's or a file's
// name, not a kind's or a type's word, nor the process's own name — counts files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// storj-archived/core#667: the farmer's fds under its .storjshare folder, counted five times.
const STORJ = [
  '```',
  ...[350, 398, 427, 450, 469].flatMap((n) => ["root@storj:~# ls -l /proc/416/fd | grep 'storjshare' | wc -l", String(n)]),
  '```',
];

test("reruns of `ls -l /proc/416/fd | grep 'storjshare' | wc -l` climb: a leak of files (storj)", async () => {
  const r = await analyzeTranscript(STORJ, 'transcript.md', now);
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 416);
  assert.equal(r.suspects[0].leak.kind, 'file');
});

// Icinga/icinga2#1884: its log says it ran out opening its command fifo; the rows of that path counted.
const ICINGA = [
  "I'm having an issue where Icinga logs",
  '`[2014-08-14 12:22:16 +0200] critical/ExternalCommandListener: open() for fifo path \'/var/run/icinga2/cmd/icinga2.cmd\' failed with error code 24, "Too many open files"',
  '`',
  'It turns out, that Icinga opens the icinga.cmd very often:',
  '',
  "root@localhost:\\# lsof -p 4311 | grep 'icinga2.cmd' | wc -l",
  '16373',
];

test("`lsof -p 4311 | grep 'icinga2.cmd' | wc -l` beside its EMFILE: the candidate's kind is `file` (icinga2)", async () => {
  const r = await analyzeTranscript(ICINGA, 'transcript.md', now);
  assert.equal(r.suspects[0]?.pid, 4311);
  assert.equal(r.suspects[0].leak.kind, 'file');
});

test('a count of rows a grep picked by a type word (`grep REG`) or by the process name says no kind', async () => {
  for (const word of ['REG', 'icinga2']) {
    const r = await analyzeTranscript(
      ICINGA.map((l) => l.replace("'icinga2.cmd'", word)),
      'transcript.md',
      now,
    );
    assert.equal(r.suspects[0]?.pid, 4311, word);
    assert.equal(r.suspects[0].leak.kind, 'other', word);
  }
});

test('a count of connection rows a grep picked (`netstat -anp | grep 4311/icinga2`) counts no files', async () => {
  const r = await analyzeTranscript(
    ICINGA.map((l) => l.replace("lsof -p 4311 | grep 'icinga2.cmd' | wc -l", 'netstat -anp | grep 4311/icinga2 | wc -l')),
    'transcript.md',
    now,
  );
  assert.notEqual(r.suspects[0]?.leak.kind, 'file');
});
