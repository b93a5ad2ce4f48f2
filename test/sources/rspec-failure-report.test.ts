// RSpec's failure report: the failing line under `Failure/Error: `, the exception's class alone on
// its line and the message under it, then the frames behind `# `. Real lines: socketry/async-io#4
// (test/accuracy/cases/gh-async-io-ruby-rspec-enfile-socket-ulimit-10000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStackLine } from '../../src/sources/stack-lines.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const RSPEC = `\`\`\`
Failures:

  1) echo client/server should send/receive 10,000 messages
     Failure/Error: socket = ::Socket.new(*args)
     
     Errno::ENFILE:
       Too many open files in system - socket(2)
     # ./lib/async/io/socket.rb:88:in \`initialize'
     # ./lib/async/io/socket.rb:88:in \`new'
     # ./lib/async/io/socket.rb:88:in \`build'
     # ./lib/async/io/socket.rb:108:in \`connect'
     # ./spec/async/io/c10k_spec.rb:66:in \`block in echo_client'

Finished in 3.74 seconds (files took 0.88211 seconds to load)
24 examples, 1 failure

Failed examples:

rspec ./spec/async/io/c10k_spec.rb:112 # echo client/server should send/receive 10,000 messages
\`\`\`
`;

test("RSpec's `Failure/Error:` line and its `# path:N:in` frames are stack lines", () => {
  assert.ok(isStackLine('     Failure/Error: socket = ::Socket.new(*args)'));
  assert.ok(isStackLine("     # ./lib/async/io/socket.rb:88:in `initialize'"));
  assert.ok(isStackLine("     # ./spec/async/io/c10k_spec.rb:66:in `block in echo_client'"));
  // A shell comment or a Markdown heading is no frame.
  assert.ok(!isStackLine('# Waiting a couple of seconds'));
  assert.ok(!isStackLine('# Before fix'));
});

test('an RSpec failure that met a full file table is a log; its message is the line under the class', async () => {
  const result = await analyzeTranscript(RSPEC, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  const ranOut = result.unownedRanOut;
  assert.ok(ranOut, 'the ENFILE line is read, tied to no process');
  assert.match(ranOut.message ?? '', /^\s*Too many open files in system - socket\(2\)/);
});
