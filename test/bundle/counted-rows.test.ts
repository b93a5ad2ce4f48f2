// A count and a few of the rows it counted, pasted one under the other: the rows are the output of
// the count's pipeline without its `| wc -l`. Real lines: gh-opengrok-tomcat-dtags-eftar-deleted-rows
// (OpenGrok's report, quoted as an imported Bugzilla comment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickedRows } from '../../src/bundle/counted-rows.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const OPENGROK = readFileSync(join(CASES_DIR, 'gh-opengrok-tomcat-dtags-eftar-deleted-rows', 'transcript.md'), 'utf8');

test('`# lsof|grep dtags | wc -l` in a quote: a command, its count, and the rows under it are its listing', () => {
  const items = splitTranscript(OPENGROK.split('\n'));
  const count = items.find((i) => i.command === 'lsof|grep dtags | wc -l');
  assert.deepEqual(
    count?.output.map((o) => o.text).filter((t) => t !== ''),
    ['4448'],
  );
  const rows = items.find((i) => i.command === 'lsof|grep dtags');
  assert.equal(rows?.output.length, 3);
  assert.ok(rows?.output.every((o) => o.text.includes('/OUR/data/index/dtags.eftar (deleted)')));
  // The sentence after a blank line under the rows is not one of them.
  assert.ok(items.some((i) => i.command === null && i.output.some((o) => o.text === 'Above are seen in many numbers.')));
});

test('the words a plain grep-and-count picks rows by; none for -v, -c or a pattern of alternatives', () => {
  assert.deepEqual(pickedRows('lsof|grep dtags | wc -l'), { listing: 'lsof|grep dtags', words: [{ word: 'dtags', ignoreCase: false }] });
  assert.deepEqual(pickedRows("lsof -n | grep -i 'Rundeck' | grep deleted | wc -l")?.words, [
    { word: 'Rundeck', ignoreCase: true },
    { word: 'deleted', ignoreCase: false },
  ]);
  assert.equal(pickedRows('lsof | grep -v deleted | wc -l'), null);
  assert.equal(pickedRows("lsof | grep 'pipe\\|eventpoll' | wc -l"), null);
  assert.equal(pickedRows('lsof -p 42 | wc -l'), null);
});

test('rows that do not all hold the grep word stay an output of their own', () => {
  const text = OPENGROK.replace('/OUR/data/index/dtags.eftar (deleted)', '/OUR/data/index/other.db');
  const items = splitTranscript(text.split('\n'));
  assert.ok(!items.some((i) => i.command === 'lsof|grep dtags'));
});

// gh-opendkim-udp-dns-ss-325 (opendkim#149, round 32): cPanel's prompt, a count whose grep is
// `'53.*opendkim'` with a `sed` trimming trailing blanks, then a caption and the rows between
// `<pre>` and `</pre>`.
const OPENDKIM = [
  "root@aggelos-front1 [/root]# ss -anp | grep '53.*opendkim' | sed 's/ *$//' | wc -l",
  '325',
  '',
  '(Small snippet of the output)',
  '<pre>',
  'udp   ESTAB      0       0                                   172.16.30.189:40403               172.16.0.4:53        users:(("opendkim",pid=81905,fd=83))',
  'udp   ESTAB      0       0                                   172.16.30.189:40673               172.16.0.4:53        users:(("opendkim",pid=81905,fd=512))',
  '</pre>',
];

test("grep 'A.*B' picks rows holding both words; a sed trimming trailing blanks drops no row", () => {
  assert.deepEqual(pickedRows("ss -anp | grep '53.*opendkim' | sed 's/ *$//' | wc -l"), {
    listing: "ss -anp | grep '53.*opendkim' | sed 's/ *$//'",
    words: [
      { word: '53', ignoreCase: false },
      { word: 'opendkim', ignoreCase: false },
    ],
  });
  // A sed that edits the rows otherwise says nothing of them; with -F the pattern is one literal word.
  assert.equal(pickedRows("ss -anp | grep opendkim | sed 's/udp/x/' | wc -l"), null);
  assert.deepEqual(pickedRows("ss -anp | grep -F '53.*opendkim' | wc -l")?.words, [{ word: '53.*opendkim', ignoreCase: false }]);
});

test('rows under a caption, between <pre> and </pre>, are the listing the count above counted', () => {
  const items = splitTranscript(OPENDKIM);
  assert.equal(items[0].command, "ss -anp | grep '53.*opendkim' | sed 's/ *$//' | wc -l");
  assert.deepEqual(
    items[0].output.map((o) => o.text),
    ['325'],
  );
  assert.equal(items[1].command, "ss -anp | grep '53.*opendkim' | sed 's/ *$//'");
  assert.deepEqual(
    items[1].output.map((o) => o.line),
    [6, 7],
  );
});
