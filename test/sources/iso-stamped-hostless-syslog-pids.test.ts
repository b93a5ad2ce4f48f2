// `YYYY-MM-DD HH:MM:SS prog[pid]: message`: a program's own log that tags its records as syslog does,
// with an ISO date and no host (also journalctl's `-o short-iso` with its host cut). Round 223's
// Perl statsd sender ran out of fds under `ulimit -n 128`; its log names it and its pid
// (test/accuracy/cases/perl-statsd-push-udp-emfile-sockstat-before-after).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const LINE = '2026-12-07 13:06:21 statsd-push[2338]: cannot open UDP socket: Too many open files';

test('an ISO-stamped line without a host names its program and pid', () => {
  assert.deepEqual(syslogSource(LINE), { program: 'statsd-push', pid: 2338 });
  assert.deepEqual(syslogSource('2026-12-06T16:28:14 jobd[14157]: job 100 done'), { program: 'jobd', pid: 14157 });
  assert.deepEqual(syslogSource('2026-12-07T13:06:21+0000 statsd-push[2338]: x'), { program: 'statsd-push', pid: 2338 });
  // The pid in brackets and the colon are required: an index (`fd[0]`) or a bare word is no pid.
  assert.equal(syslogSource('2026-12-07 13:06:21 fd[0]: closed'), null);
  assert.equal(syslogSource('2026-12-07 13:06:21 statsd-push[2338] sent'), null);
});

test('the log names the process that ran out: the suspect, though sockstat alone names none', async () => {
  const text = [
    'web4 stops sending metrics soon after the metrics pusher starts.',
    '',
    '```',
    '[oncall@web4 ~]$ cat /proc/net/sockstat',
    'sockets: used 353',
    'TCP: inuse 7 orphan 0 tw 1 alloc 7 mem 0',
    'UDP: inuse 125 mem 0',
    '[oncall@web4 ~]$ tail -4 /tmp/w223/c2/var/statsd-push.log',
    '2026-12-07 13:06:21 statsd-push[2338]: cannot open UDP socket: Too many open files',
    '2026-12-07 13:06:22 statsd-push[2338]: cannot open UDP socket: Too many open files',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 2338);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});
