// A terminal paste left outside a code block, the text going on under it with a lead-in
// sentence ending in a colon (accuracy round 245), on the real lines of Supervisor/supervisor#1704:
// `A few seconds later:` and `There is only one process, with:` are none of the ls output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProseLeadIn } from '../../src/bundle/lead-in.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const ROW = (mode: string, time: string, fd: string) =>
  `${mode} 1 root root 64 Dec  5 ${time} ${fd} -> /home/telsasoft/server/log/log.eric_eutran`;

test('a lead-in of plain words is prose; trace lines and program lines ending in a colon are not', () => {
  assert.equal(isProseLeadIn('A few seconds later:'), true);
  assert.equal(isProseLeadIn('There is only one process, with:'), true);
  assert.equal(isProseLeadIn('During handling of the above exception, another exception occurred:'), false);
  assert.equal(isProseLeadIn('The above exception was the direct cause of the following exception:'), false);
  assert.equal(isProseLeadIn('Traceback (most recent call last):'), false);
  assert.equal(isProseLeadIn('Listening on 0.0.0.0:80 pid 4242 fds 1024:'), false);
  assert.equal(isProseLeadIn(ROW('lr-x------', '20:34', '15')), false);
});

test('supervisor#1704: the first ls -l | grep listing ends at the lead-in captioning the second', () => {
  const items = splitTranscript([
    '$ sudo ls -l /proc/`pgrep supervisord`/fd |grep eutr',
    ROW('lr-x------', '20:34', '15'),
    ROW('l-wx------', '20:34', '17'),
    ROW('lr-x------', '20:36', '83'),
    '',
    'A few seconds later:',
    '$ sudo ls -l /proc/`pgrep supervisord`/fd |grep eutr',
    ROW('lr-x------', '20:34', '15'),
    ROW('l-wx------', '20:34', '17'),
    '',
    'There is only one process, with:',
    'stdout_logfile = /home/telsasoft/server/log/log.%(program_name)s',
  ]);
  const listings = items.filter((it) => it.command?.includes('ls -l') === true);
  assert.equal(listings.length, 2);
  assert.equal(listings[0].output.filter((o) => o.text.trim() !== '').length, 3);
  // Under the second, the lead-in is over a config line, not a prompt: it stays with that output.
  assert.equal(listings[1].output.filter((o) => o.text.trim() !== '').length, 4);
});

test('gevent#18: a lead-in over a log line, not a prompt, stays with the output above it', () => {
  const items = splitTranscript([
    '$ time curl &quot;http://.../tracker.gif&quot;',
    'GIF89a????????!??,D;',
    'real    0m6.366s',
    '',
    'The service runs fine for like 30 seconds then it just starts spitting out: ',
    '',
    '&quot;[warn] accept_socket: bad accept: Too many open files&quot;',
  ]);
  assert.equal(items.length, 1);
  assert.equal(items[0].output.at(-1)?.text, '&quot;[warn] accept_socket: bad accept: Too many open files&quot;');
});

test('a Python traceback pasted outside a code block keeps its chained part', () => {
  const items = splitTranscript([
    '$ python app.py',
    'Traceback (most recent call last):',
    '  File "app.py", line 3, in <module>',
    "OSError: [Errno 24] Too many open files: 'x'",
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "app.py", line 5, in <module>',
    "OSError: [Errno 24] Too many open files: 'y'",
  ]);
  assert.equal(items.length, 1);
  assert.equal(items[0].output.filter((o) => o.text.trim() !== '').length, 7);
});
