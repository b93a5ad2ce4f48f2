// A JVM's lsof excerpt holds its classpath (distinct jars, each open once) beside what leaks: the
// code is no part of the sample, so the share of one kind is taken of the other fds listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// A5H73Y/Parkour#336: two stretches of the Pufferfish server's lsof listing.
const ROOT = '/home/pufferpanel/servers/736ae9c2';
const JARS = [
  `java    14245 pufferpanel  239r      REG              253,2    931047 2312290164 ${ROOT}/plugins/LuckPerms/libs/caffeine-2.9.0-remapped.jar`,
  `java    14245 pufferpanel  240r      REG              253,2     23076 2312290163 ${ROOT}/plugins/LuckPerms/libs/commodore-2.2-remapped.jar`,
  `java    14245 pufferpanel  241r      REG              253,2    122004 2313934705 ${ROOT}/plugins/nCore/dependencies/cached/asm-9.2.jar`,
  `java    14245 pufferpanel  242r      REG              253,2     15351 2313934689 ${ROOT}/plugins/nCore/dependencies/cached/jar-relocator-1.5.jar`,
  `java    14245 pufferpanel  243r      REG              253,2     72642 2313934688 ${ROOT}/plugins/nCore/dependencies/cached/asm-commons-9.2.jar`,
  `java    14245 pufferpanel  244r      REG              253,2     71720 1159243299 ${ROOT}/plugins/nCore/dependencies/relocated/nlogin/json-20210307.jar`,
  `java    14245 pufferpanel  245r      REG              253,2    212413 1159243294 ${ROOT}/plugins/nCore/dependencies/relocated/nlogin/zip4j-2.9.0.jar`,
  `java    14245 pufferpanel  246r      REG              253,2    341849 1159243296 ${ROOT}/plugins/nCore/dependencies/relocated/nlogin/snakeyaml-1.30.jar`,
];
const JSON_FILE = `${ROOT}/plugins/Parkour/players/f2debfd8-f080-437d-b12a-ee16e7ea6fca.json`;
const PLAYER = [483, 484, 485, 486, 487, 488, 489].map(
  (fd) => `java    14245 pufferpanel  ${fd}r      REG              253,2       165 1199779360 ${JSON_FILE}`,
);

const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

test('jars on fds 239-246 and one player file on fds 483-489: the file is the share of the non-code fds', async () => {
  const result = await analyzeLines(['```', ...JARS, '```', '', 'Further down:', '', '```', ...PLAYER, '```']);
  const s = result.suspects[0];
  assert.equal(s?.pid, 14245);
  assert.equal(s?.leak.kind, 'file');
  const share = s?.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 1);
  assert.match(share?.statement ?? '', /7 of the 7 fds listed in transcript\.md besides its code are the same file/);
  assert.notEqual(result.verdict, 'leak');
});

test('distinct jars alone, each open once, make no share: they are the program, not a pile', async () => {
  const result = await analyzeLines(['```', ...JARS, '```']);
  assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'listed-kind-share'));
});
