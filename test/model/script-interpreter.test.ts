// A program started at the prompt that is a script runs under its interpreter's name: mitmdump's
// Python traceback beside lsof's `Python 1817` row (mitmproxy/mitmproxy#329). The output's own
// stack frames say which interpreter ran it; a native program's output, or frames of another
// interpreter, tie nothing to the listed process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'session.txt', now);

// mitmproxy/mitmproxy#329, as pasted.
const MITMDUMP = [
  '$ mitmdump -w /tmp/testtraffic --anticache -p 8080',
  '...',
  '53.203.15.63 GET http://s3-media4.ak.yelpcdn.com/assets/2/www/img/e41bc8917803/structural/happy_footer.png',
  ' << 502: Error connecting to "s3-media4.ak.yelpcdn.com": [Errno 24] Too many open files',
  'Exception in thread Thread-1:',
  'Traceback (most recent call last):',
  '  File "/System/Library/Frameworks/Python.framework/Versions/2.7/lib/python2.7/threading.py", line 808, in __bootstrap_inner',
  '    self.run()',
  '  File "/Library/Python/2.7/site-packages/netlib/tcp.py", line 394, in serve_forever',
  '    request, client_address = self.socket.accept()',
  'error: [Errno 24] Too many open files',
];
const PYTHON_ROW = [
  '$ lsof -n -p 1817 | grep TCP | head -1',
  'Python  1817 terrylong   10u   IPv4 0x841c0e2f4ab85a1d       0t0     TCP 53.203.112.60:51956->205.180.175.183:http (ESTABLISHED)',
];

test("a script's traceback beside the one listed process of its interpreter: that process ran out", async () => {
  const r = await analyzeText([...MITMDUMP, '', ...PYTHON_ROW]);
  assert.equal(r.verdict, 'inconclusive');
  const s = r.suspects[0];
  assert.equal(s.pid, 1817);
  assert.equal(s.command, 'Python');
  assert.match(s.reason, /Python's stack frames/);
  assert.ok(!r.suspects.some((x) => x.command === 'mitmdump'));
});

test('without frames of its interpreter the command names its own program, the listed process none', async () => {
  // The same output without its traceback: nothing says mitmdump ran as Python.
  const plain = MITMDUMP.slice(0, 4);
  let r = await analyzeText([...plain, '', ...PYTHON_ROW]);
  assert.equal(r.suspects[0].pid, null);
  assert.equal(r.suspects[0].command, 'mitmdump');
  // A node process listed: Python's frames are not its.
  const nodeRow = [PYTHON_ROW[0], PYTHON_ROW[1].replace('Python ', 'node   ')];
  r = await analyzeText([...MITMDUMP, '', ...nodeRow]);
  assert.equal(r.suspects[0].pid, null);
  assert.equal(r.suspects[0].command, 'mitmdump');
});
