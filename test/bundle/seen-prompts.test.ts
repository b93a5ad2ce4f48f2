// A loose prompt (macOS bash's `host:dir user$ `) starts a command only before a known command; once
// the paste has shown it so, the same prompt starts a command whatever its first word
// (LearnBoost/cluster#106: `ab … & for((…)) do …; done;` and `nohup node error.js &`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { afterSeenPrompt, promptsSeen } from '../../src/bundle/seen-prompts.js';

const SESSION = [
  'matti:examples no$ nohup node error.js &',
  '[1] 12598',
  'matti:examples no$ lsof -p 12598 | grep unix -c',
  '8',
  'matti:examples no$ ab -v 0 -d -S -c 10 -n 10000 http://127.0.0.1:3000/ & for((i=0;i<=10;i++)) do sleep 1; lsof -p 12598 | grep unix -c; done;',
  '[2] 12608',
  '34',
  '58',
  'matti:examples no$ ulimit -n ',
  '256',
];

test('a prompt seen before a known command starts a command whatever its first word', () => {
  const items = splitTranscript(SESSION);
  assert.deepEqual(
    items.map((i) => i.command),
    [
      'nohup node error.js &',
      'lsof -p 12598 | grep unix -c',
      'ab -v 0 -d -S -c 10 -n 10000 http://127.0.0.1:3000/ & for((i=0;i<=10;i++)) do sleep 1; lsof -p 12598 | grep unix -c; done;',
      'ulimit -n',
    ],
  );
  assert.deepEqual(
    items[2].output.map((o) => o.text),
    ['[2] 12608', '34', '58'],
  );
});

test('only a prompt with a host, place or user is remembered, never a bare sign', () => {
  const seen = promptsSeen(['# lsof -p 1 | wc -l', '$ ulimit -n', 'matti:examples no$ ulimit -n'], promptCommand);
  assert.deepEqual([...seen], ['matti:examples no$ ']);
  assert.equal(afterSeenPrompt('# A heading of the write-up', seen), null);
  assert.equal(afterSeenPrompt('matti:examples no$ ab -n 10 http://x/', seen), 'ab -n 10 http://x/');
});

test('a loose prompt never seen before a known command stays output', () => {
  assert.equal(splitTranscript(['matti:examples no$ ab -n 10 http://x/', 'done'])[0]?.command ?? null, null);
});

// linux.org.ru/forum/admin/13585805: the user changed folder between two commands; `nginx -v` is no
// command fdleak knows, so only the prompt seen before `service`/`ulimit` says it starts one.
const MOVED = [
  'root@host-88 ~ # service nginx reload',
  'Error: Too many open files',
  'root@host-88 /etc/nginx # nginx -v',
  'nginx version: nginx/1.12.1',
  'root@host-88 ~ # ulimit -a',
  'open files (-n) 131070',
];

test('the same user@host prompt at another place starts a command', () => {
  const items = splitTranscript(MOVED);
  assert.deepEqual(
    items.map((i) => i.command),
    ['service nginx reload', 'nginx -v', 'ulimit -a'],
  );
  assert.deepEqual(
    items[0].output.map((o) => o.text),
    ['Error: Too many open files'],
  );
});

test('a moved prompt needs the same user, host and sign', () => {
  const seen = new Set(['root@host-88 ~ # ']);
  assert.equal(afterSeenPrompt('root@host-88 /etc/nginx # nginx -v', seen), 'nginx -v');
  assert.equal(afterSeenPrompt('root@host-88 /etc/nginx $ nginx -v', seen), null);
  assert.equal(afterSeenPrompt('admin@host-88 /etc/nginx # nginx -v', seen), null);
  assert.equal(afterSeenPrompt('root@host-88 etc # nginx -v', seen), null);
  assert.equal(afterSeenPrompt('matti:examples no$ ab', new Set(['matti:other no$ '])), null);
});
