// A line that is one quoted string and nothing else, quoting an error that says the process ran out:
// the error, an output of its own, in a fenced write-up as in a plain one. Real lines:
// locustio/locust#92 (the Locust slaves' requests failure as Python's repr, in single quotes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedErrors } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const ERROR =
  "ConnectionError(MaxRetryError(\"HTTPConnectionPool(host=\\'rewresnwww6ld\\', port=80): Max retries exceeded with url: /api/activities (Caused by <class \\'socket.error\\'>: [Errno 24] Too many open files)\",),)";

const LINES = [
  "When using locust with 1 master and 4 slaves, running a 50,000 users at 200 hatched per second I'm receiving the following error:",
  '',
  `'${ERROR}'`,
  '',
  "This seems to be coming from the requests library. My ulimit is unlimited and I've applied the other settings below from this post: ",
  '',
  '```',
  'echo “10152 65535″ > /proc/sys/net/ipv4/ip_local_port_range',
  'sysctl -w fs.file-max=128000',
  'ulimit -n 10240',
  '```',
];

test('a line that is one single-quoted error is that error', () => {
  assert.deepEqual(quotedErrors(`'${ERROR}'`), [ERROR]);
  assert.deepEqual(quotedErrors(`“${ERROR}”`), [ERROR]);
});

test('a fenced write-up reads the quoted line as an output of its own', () => {
  const items = splitTranscript(LINES);
  assert.deepEqual(items[0], { command: null, commandLine: 3, output: [{ text: ERROR, line: 3 }] });
});

test('a quoted sentence, the bare error words, or a quote inside a sentence are no such line', () => {
  assert.deepEqual(quotedErrors("'Then the server started to fail with too many open files in the evening.'"), []);
  assert.deepEqual(quotedErrors("'Too many open files'"), []);
  assert.deepEqual(quotedErrors("I get 'ConnectionError: [Errno 24] Too many open files' sometimes"), []);
});
