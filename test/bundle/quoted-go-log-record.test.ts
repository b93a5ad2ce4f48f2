// A Go `log` record quoted in double quotes in an issue's sentence (its date written with slashes)
// is a line of output of its own, as a code span that says it ran out is. Real lines: etcd-io/etcd#2743
// (test/accuracy/cases/gh-etcd-proxy-2743-lsof-grep-close-wait-head, round 101).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord, quotedErrors } from '../../src/bundle/code-spans.js';

const SENTENCE =
  'I\'m seeing an issue where the the number of open files by etcd slowly climbs (leaking?) until it hits the file limit and then stops serving requests with "2015/04/22 03:59:10 http: Accept error: accept tcp [::]:2379: too many open files; retrying in 1s"';

test("Go's log record (date with slashes) that says it ran out is a bare log record", () => {
  assert.equal(bareLogRecord('2015/04/22 03:59:10 http: Accept error: accept tcp [::]:2379: too many open files; retrying in 1s'), true);
  assert.equal(bareLogRecord('2015/04/22 03:59:10 http: served'), false);
  assert.equal(bareLogRecord('15/04/22 03:59:10 too many open files'), false);
});

test('a sentence that quotes such a record in double quotes gives the record; a quote of prose does not', () => {
  assert.deepEqual(quotedErrors(SENTENCE), [
    '2015/04/22 03:59:10 http: Accept error: accept tcp [::]:2379: too many open files; retrying in 1s',
  ]);
  assert.deepEqual(quotedErrors('it says, "Failed to create pipe (Too many open files)"'), []);
  assert.deepEqual(quotedErrors('the error “Too many open files” again'), []);
  assert.deepEqual(quotedErrors('`open x: too many open files` and "2015/04/22 03:59:10 dial: too many open files"'), [
    'open x: too many open files',
    '2015/04/22 03:59:10 dial: too many open files',
  ]);
});
