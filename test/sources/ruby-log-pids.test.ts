// Ruby's stdlib Logger and Sidekiq's log formats name the writer's pid (src/sources/ruby-log.ts).
// Real lines: anycable/anycable-rails#79 (test/accuracy/cases/gh-anycable-rails-ruby-logger-accept-emfile)
// and ruby-shoryuken/shoryuken#171 (gh-shoryuken-ruby-getaddrinfo-emfile-log-pid); the Sidekiq 6
// and 7 lines are mastodon/mastodon#18064's and #39343's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { rubyLogPid } from '../../src/sources/ruby-log.js';

const LOGGER = 'E, [2019-02-09T02:36:48.280051 #17304] ERROR -- : Errno::EMFILE: Too many open files - accept(2)';
const LOGGER_INFO =
  'I, [2019-02-09T02:36:47.888116 #17304]  INFO -- : [AnyCable sid=RtYAn2no_65qw9Pj83lp8F] [ActionCable] [8777] SessionChannel is transmitting the subscription confirmati';
const SHORYUKEN = '2016-01-13T13:42:28Z 489 TID-4p5zg ERROR: Error fetching message: Too many open files - getaddrinfo';
const SIDEKIQ5 = '2014-08-21T11:13:16.973Z 12491 TID-8bgvjyutw WARN: Too many open files';
const SIDEKIQ6 =
  '2022-04-21T15:18:51.667Z pid=811 tid=mpa77 class=ActivityPub::DeliveryWorker jid=ff310e77011c542ff9c9be72 elapsed=17.072 INFO: done';
const SIDEKIQ7 = "WARN  2026-06-11T14:28:07.155Z pid=1311742 tid=s4yu: <internal:thread_sync>:18:in 'Thread::Queue#pop'";

test("Ruby Logger's `#PID` and Sidekiq's pid field name the writer", () => {
  assert.equal(rubyLogPid(LOGGER), 17304);
  assert.equal(rubyLogPid(LOGGER_INFO), 17304);
  assert.equal(rubyLogPid(SHORYUKEN), 489);
  assert.equal(rubyLogPid(SIDEKIQ5), 12491);
  assert.equal(rubyLogPid(SIDEKIQ6), 811);
  assert.equal(rubyLogPid(SIDEKIQ7), 1311742);
  assert.deepEqual(syslogSource(LOGGER), { pid: 17304 });
  assert.deepEqual(syslogSource(SHORYUKEN), { pid: 489 });
});

test('not a pid: a time and a number without TID-, a Logger line without #, a backtrace line', () => {
  assert.equal(rubyLogPid('2016-01-13T13:42:28Z 489 ERROR: x'), undefined);
  assert.equal(rubyLogPid('E, [2019-02-09T02:36:48.280051] ERROR -- : x'), undefined);
  assert.equal(rubyLogPid("        /usr/lib/ruby/2.5.0/socket.rb:1313:in `__accept_nonblock'"), undefined);
  assert.equal(rubyLogPid('E, [2019-02-09T02:36:48.280051 #0] ERROR -- : x'), undefined);
});
