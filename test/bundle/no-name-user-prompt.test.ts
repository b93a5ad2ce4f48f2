// bash's `\u` prints `I have no name!` when the uid has no passwd entry (a container run as an
// arbitrary uid): `I have no name!@host:dir$ ` is a user@host prompt (src/bundle/prompts.ts). Real
// lines: linkerd/linkerd2#1950 (test/accuracy/cases/gh-linkerd2-1950-proxy-5964-sockets-netns-udp-5879-tcp-141).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LINKERD = [
  'Total number of socket file descriptors owned by proxy process:',
  '```',
  'I have no name!@controller-7bfd7cccfb-pxsc4:/linkerd$ ls -la /proc/$(pgrep linkerd2-proxy)/fd | grep "socket" | wc -l',
  '5964',
  '```',
  'Number of TCP socket fds:',
  '```',
  'I have no name!@controller-7bfd7cccfb-pxsc4:/linkerd$ cat  /proc/$(pgrep linkerd2-proxy)/net/tcp | wc -l',
  '141',
  '```',
];

test("a prompt whose user is bash's `I have no name!` is a user@host prompt", () => {
  assert.equal(promptCommand(LINKERD[2]), 'ls -la /proc/$(pgrep linkerd2-proxy)/fd | grep "socket" | wc -l');
  assert.equal(promptCommand(LINKERD[7]), 'cat  /proc/$(pgrep linkerd2-proxy)/net/tcp | wc -l');
  // Glued to a known command, as any user@host prompt.
  assert.equal(promptCommand('I have no name!@6cc07662a201:/$lsof -p 1 | wc -l'), 'lsof -p 1 | wc -l');
  // Near misses: the words in prose, another phrase before the @, no sign.
  assert.equal(promptCommand('I have no name! shows up as the user in the container'), null);
  assert.equal(promptCommand('I have a name!@host:/$ ls'), null);
  assert.equal(promptCommand('I have no name!@controller-7bfd7cccfb-pxsc4:/linkerd ls'), null);
});

test('linkerd2#1950: the socket count typed at an `I have no name!` prompt is read for the process pgrep names', async () => {
  const result = await analyzeTranscript(`${LINKERD.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.ok(result.sources.length > 0);
  const proxy = result.suspects.find((s) => s.command === 'linkerd2-proxy');
  assert.ok(proxy, JSON.stringify(result.suspects.map((s) => s.command)));
  assert.equal(proxy.fdCount, 5964);
});
