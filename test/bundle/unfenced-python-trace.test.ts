// A Python traceback pasted as plain text (no fence, no prompt), above commands pasted the same
// way, each under its own line with its one value under it. Real lines: rockstor/rockstor-core#2020
// (test/accuracy/cases/gh-rockstor-django-hostnamectl-errno24-ulimit-file-max).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareTraceEnd } from '../../src/bundle/bare-traces.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const ROCKSTOR = [
  '            Traceback (most recent call last):',
  '  File "/opt/rockstor/src/rockstor/rest_framework_custom/generic_view.py", line 41, in _handle_exception',
  '    yield',
  '  File "/opt/rockstor/src/rockstor/system/osi.py", line 113, in run_command',
  "    'Exception while running command({}): {}'.format(cmd, e))",
  "Exception: Exception while running command(['/usr/bin/hostnamectl', '--static']): [Errno 24] Too many open files",
  '',
  'cat /proc/sys/fs/file-max',
  '651676',
  'ulimit -Hn',
  '4096',
  'ulimit -Sn',
  '1024',
];

test("an unfenced Python traceback ends after its exception's line, which says it ran out", () => {
  assert.equal(bareTraceEnd(ROCKSTOR, 0), 6);
  // Not such a trace: a head with no frame, an exception that is not running out, prose.
  assert.equal(bareTraceEnd(['Traceback (most recent call last):', 'OSError: [Errno 24] Too many open files'], 0), 0);
  assert.equal(bareTraceEnd(['Traceback (most recent call last):', '  File "a.py", line 1, in f', 'KeyError: x'], 0), 0);
  assert.equal(bareTraceEnd(ROCKSTOR, 7), 7);
});

test('the trace is one output, and each bare command under another one value is its own item', () => {
  const items = splitTranscript(ROCKSTOR);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.filter((o) => o.text.trim() !== '').length]),
    [
      [null, 6],
      ['cat /proc/sys/fs/file-max', 1],
      ['ulimit -Hn', 1],
      ['ulimit -Sn', 1],
    ],
  );
  assert.equal(items[3].output[0].text, '1024');
});
