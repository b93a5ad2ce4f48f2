// A count of connection-table rows beside the first of them: `netstat -anp | grep rpm-ostree | wc -l`
// (148) and `… | head -3` (three unix LISTENING sockets of pid 2469). Real lines:
// gh-rpm-ostree-netstat-unix-listen-saved-count (coreos/rpm-ostree#725).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';
import { wordsOfPattern } from '../../src/model/bind.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const RPM_OSTREE = readFileSync(join(CASES_DIR, 'gh-rpm-ostree-netstat-unix-listen-saved-count', 'transcript.md'), 'utf8');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test('the count of the rows a grep for the program picked is its unix sockets, when the rows shown are all its unix sockets', async () => {
  const result = await analyzeText(RPM_OSTREE);
  assert.equal(result.suspects[0]?.pid, 2469);
  assert.equal(result.suspects[0]?.leak?.kind, 'socket-unix');
  assert.match(result.summary, /148/);
});

test('a grep for something else than the program (a state) may pick other processes’ rows: no count of its sockets', async () => {
  const result = await analyzeText(RPM_OSTREE.replaceAll('grep rpm-ostree', 'grep LISTENING'));
  assert.equal(result.suspects.length, 0);
});

// gh-opendkim-udp-dns-ss-325 (opendkim#149, round 32): the count's grep is `'53.*opendkim'` (port
// 53, then the program), a `sed` trims the rows' trailing blanks, the prompt is cPanel's and the
// sample rows sit under a caption, between `<pre>` and `</pre>`.
const OPENDKIM = readFileSync(join(CASES_DIR, 'gh-opendkim-udp-dns-ss-325', 'transcript.md'), 'utf8');

test("a count grep'd by 'PORT.*PROGRAM' beside the program's UDP rows is that many of its UDP sockets", async () => {
  const result = await analyzeText(OPENDKIM);
  assert.equal(result.suspects[0]?.pid, 81905);
  assert.equal(result.suspects[0]?.leak?.kind, 'socket-udp');
  assert.equal(result.verdict, 'leak');
});

test('wordsOfPattern: A.*B requires both words; anything else is the pattern itself', () => {
  assert.deepEqual(wordsOfPattern('53.*opendkim'), ['53', 'opendkim']);
  assert.deepEqual(wordsOfPattern('rpm-ostree'), ['rpm-ostree']);
  assert.deepEqual(wordsOfPattern('a.*b.*c'), ['a.*b.*c']);
  assert.deepEqual(wordsOfPattern('(a|b).*c'), ['(a|b).*c']);
});
