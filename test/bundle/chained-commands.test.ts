// Commands chained with `&&` or `;` on one command line print their outputs in turn. Real lines:
// gh-loraserver-redis-sockets-lsof-i-a-p-wc-727-tail (brocaar/chirpstack-network-server#313:
// `date && sudo lsof -i -a -p 1927 | wc -l && sudo lsof -i -a -p 1927 | tail -n 1`, then the
// date, `727` and lsof's last row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainedCounts } from '../../src/bundle/chained-commands.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const LORASERVER = readFileSync(join(CASES_DIR, 'gh-loraserver-redis-sockets-lsof-i-a-p-wc-727-tail', 'transcript.md'), 'utf8');

test("a timed count chained before a listing: the date and the count are the count's, the row is the listing's", () => {
  const items = splitTranscript(LORASERVER.split('\n'));
  const of = (c: string) => items.find((i) => i.command === c)?.output.map((o) => o.text);
  assert.deepEqual(of('date && sudo lsof -i -a -p 1927 | wc -l'), ['Thursday 5 April  16:03:39 AEST 2018', '727']);
  assert.deepEqual(of('sudo lsof -i -a -p 1927 | tail -n 1'), [
    'loraserve 1927 loraserver  729u  IPv4  73013      0t0  TCP localhost:40698->localhost:6379 (ESTABLISHED)',
  ]);
});

test('two counts chained: one number each, the second no longer an output of no command', () => {
  const items = splitTranscript(['```', '$ ls /proc/1927/fd | wc -l && lsof -p 1927 | wc -l', '730', '758', '```']);
  assert.deepEqual(
    items.map((i) => [i.command, i.output.map((o) => o.text)]),
    [
      ['ls /proc/1927/fd | wc -l', ['730']],
      ['lsof -p 1927 | wc -l', ['758']],
    ],
  );
});

test("lsof's warnings printed beside a chained count stay with it; the number is still the count's", () => {
  const items = splitTranscript([
    '```',
    '$ lsof -p 1927 | wc -l; lsof -p 1927 | tail -n 1',
    "lsof: WARNING: can't stat() fuse.gvfsd-fuse file system /run/user/1000/gvfs",
    '      Output information may be incomplete.',
    '758',
    'loraserve 1927 loraserver  729u  IPv4  73013      0t0  TCP localhost:40698->localhost:6379 (ESTABLISHED)',
    '```',
  ]);
  const count = items.find((i) => i.command === 'lsof -p 1927 | wc -l');
  assert.equal(count?.output.at(-1)?.text, '758');
  assert.equal(items.find((i) => i.command === 'lsof -p 1927 | tail -n 1')?.output[0]?.text.startsWith('loraserve 1927'), true);
});

test('a chain is split only when every command but the last prints a known number of lines', () => {
  assert.deepEqual(chainedCounts('date && sudo lsof -i -a -p 1927 | wc -l && sudo lsof -i -a -p 1927 | tail -n 1'), [
    'date && sudo lsof -i -a -p 1927 | wc -l',
    'sudo lsof -i -a -p 1927 | tail -n 1',
  ]);
  assert.equal(chainedCounts('date && lsof -p 1927 | wc -l'), null);
  assert.equal(chainedCounts('lsof -p 1927 | tail -n 3 && lsof -p 1927 | wc -l'), null);
  assert.equal(chainedCounts('cd /proc/1927/fd && ls -l'), null);
  assert.equal(chainedCounts('ls /proc/1927/fd | wc -l || echo gone'), null);
  assert.equal(chainedCounts("bash -c 'ls /proc/1/fd | wc -l; lsof -p 1'"), null);
});

// docker-library/elasticsearch#102 (gh-docker-es-102-ulimit-host-98304-container-4096-1024): the
// hard and soft open-files limits asked in one line, in a code span over a fence of their numbers.
const DOCKER_ES = readFileSync(join(CASES_DIR, 'gh-docker-es-102-ulimit-host-98304-container-4096-1024', 'transcript.md'), 'utf8');

test('two queries of the open-files limit chained: each its own number, the hard limit first', () => {
  assert.deepEqual(chainedCounts('ulimit -Hn && ulimit -Sn'), ['ulimit -Hn', 'ulimit -Sn']);
  const items = splitTranscript(DOCKER_ES.split('\n'));
  const of = (c: string) => items.filter((i) => i.command === c).map((i) => i.output.map((o) => o.text));
  // The host's pair; the container's (a span typed after `docker run ... bash`'s span) is not split.
  assert.deepEqual(of('ulimit -Hn'), [['98304']]);
  assert.deepEqual(of('ulimit -Sn'), [['98304']]);
});

test('a limit query chained before a listing is not a count of it: ulimit -a prints many lines', () => {
  assert.equal(chainedCounts('ulimit -a && ulimit -n'), null);
});
