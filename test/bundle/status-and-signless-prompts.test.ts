// Two prompts of a customised PS1 (src/bundle/prompts.ts): a user@host prompt that shows the last
// command's exit status before its sign, blank when it was 0 (PROMPT), and bash's `[\u@\h \W]` with
// no sign after it, glued to the command (SIGNLESS_BRACKET, only before a known command). Real lines:
// moby/moby#6318 (test/accuracy/cases/gh-moby-docker-events-docker-sock-host-lsof-rise) and
// coredns/coredns#3191 (test/accuracy/cases/gh-coredns-lsof-grep-zone-dir-wc-420).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const MOBY = [
  '```',
  'root@docker-01:~ 2 # lsof 2>&1|grep docker.sock|wc -l',
  '35',
  'root@docker-01:~  # docker events',
  '^Croot@docker-01:~ 2 # docker events',
  '^Croot@docker-01:~ 2 # lsof 2>&1|grep docker.sock|wc -l',
  '56',
  '```',
];

const COREDNS = ['information:', "[root@coredns.a1-60-55.pub.unp /data/coredns/conf]lsof | grep '/data/coredns/zone/' |wc -l", '420'];

test('a user@host prompt with the exit status before its sign, or a blank where it was 0, is a prompt', () => {
  assert.equal(promptCommand(MOBY[1]), 'lsof 2>&1|grep docker.sock|wc -l');
  assert.equal(promptCommand(MOBY[3]), 'docker events');
  assert.equal(promptCommand(MOBY[5]), 'lsof 2>&1|grep docker.sock|wc -l');
  assert.equal(promptCommand('root@int-build-systems:~  # lsof 2>&1|grep docker.sock|wc -l'), 'lsof 2>&1|grep docker.sock|wc -l');
  // A status is a number of at most three digits: a longer number before a sign is no prompt's.
  assert.equal(promptCommand('root@docker-01:~ 12345 # lsof'), null);
});

test('a bracketed user@host place with no sign is a prompt only glued to a known command', () => {
  assert.equal(promptCommand(COREDNS[1]), "lsof | grep '/data/coredns/zone/' |wc -l");
  assert.equal(promptCommand('[root@coredns.a1-60-55.pub.unp /data/coredns/conf] cat /proc/1/limits'), 'cat /proc/1/limits');
  // Near misses: a bracketed tag, a mail address in brackets before prose, a known word with no user@host.
  assert.equal(promptCommand('[INFO]lsof shows 420 handles'), null);
  assert.equal(promptCommand('[bob@example.com wrote]I have 31 zone files'), null);
  assert.equal(promptCommand('[root@coredns /data]420'), null);
});

test('moby#6318: the counts at the exit-status prompt are read (host-wide rows, nobody named)', async () => {
  const result = await analyzeTranscript(`${MOBY.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.ok(result.sources.length > 0);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});

test('coredns#3191: the count at the signless bracketed prompt is read (host-wide rows, nobody named)', async () => {
  const result = await analyzeTranscript(`${COREDNS.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.ok(result.sources.length > 0);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});
