// A reply quoting a sentence wrapped around the error it cites, the error a code span on its own
// quoted line: that line is a block of one line, as it is unquoted, not the output of a command the
// sentence's first line was taken for. Real lines: a sayaka (NetBSD) thread's quoted post.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const CASE = join(process.cwd(), 'test/accuracy/cases/gh-sayaka-netbsd-ulimit-nofiles-128-fetch-image-emfile-ja/transcript.md');

const QUOTE = [
  'https://social.mikutter.hachune.net/@tsutsuii/117088710165492885',
  '( https://misskey.io/notes/apv6u1e8t0uw03j3 )',
  '> LUNA の NetBSD/luna68k -current NEW_PMAP_68K 耐久で半日 sayakaさんを動かしていたら ',
  '> `show_image: fetch_image failed: Too many open files`',
  '> で失敗し続けているようなんですが、接続失敗時の fd リークとかありますかね？',
];

test('the quoted span line is an output of its own', () => {
  const items = splitTranscript(QUOTE);
  const own = items.find((it) => it.output.length === 1 && it.output[0].text === 'show_image: fetch_image failed: Too many open files');
  assert.ok(own, JSON.stringify(items));
  assert.equal(own.output[0].line, 4);
});

test('it is where fds ran out, before a quoted sentence that names the error in its words', async () => {
  const r = await analyzeTranscript(readFileSync(CASE, 'utf8'), 'transcript.md');
  const ran = r.suspects[0]?.ranOut ?? r.unownedRanOut;
  assert.equal(ran?.message, 'show_image: fetch_image failed: Too many open files');
});
