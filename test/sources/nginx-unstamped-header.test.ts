// nginx's error-log header quoted without its date (guwi.ru's note on nginx running out: the line
// starts at its level): the pid#tid after the level still names the worker that wrote it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource, withoutWriterPrefix } from '../../src/sources/log-pids.js';

const LINE = '[alert] 24315#24315: *380953159 socket() failed (24: Too many open files) while connecting to upstream';

test('an nginx error-log line without its date names its pid', () => {
  assert.deepEqual(syslogSource(LINE), { program: 'nginx', pid: 24315 });
  assert.deepEqual(withoutWriterPrefix(LINE), {
    rest: '*380953159 socket() failed (24: Too many open files) while connecting to upstream',
    timeCut: false,
  });
});

test('only nginx levels and a pid#tid header read so', () => {
  assert.equal(syslogSource('[fatal] 24315#24315: x'), null);
  assert.equal(syslogSource('[alert] 24315: socket() failed'), null);
  assert.equal(syslogSource('[error] 12#0 no colon'), null);
});
