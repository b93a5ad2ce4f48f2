// Two log shapes of web-application stacks: Celery's default format, whose time ends with a colon
// and whose level sits before `/` and the process name (Python logging's CRITICAL among them), and
// Ruby's uncaught-exception output, whose frames start with `from`. Real lines: celery/celery#4541
// and sidekiq/sidekiq#5721 (test/accuracy/cases/gh-celery-prefork-256-unrecoverable-oserror-24,
// gh-sidekiq7-redis-getaddrinfo-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logMessage } from '../../src/sources/log-message.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string) {
  return analyzeTranscript(text, 'transcript.md', now);
}

const CELERY = `\`\`\`bash
 -------------- celery@host v4.1.0 (latentcall)
---- **** -----
- *** --- * --- .> concurrency: 256 (prefork)
-- ******* ---- .> task events: OFF (enable -E to monitor tasks in this worker)

[tasks]
  . [...]

[2018-02-15 12:44:20,297: CRITICAL/MainProcess] Unrecoverable error: OSError(24, 'Too many open files')
Traceback (most recent call last):
  File "/usr/lib/foo/lib/python3.4/site-packages/celery/worker/worker.py", line 203, in start
    self.blueprint.start(self)
\`\`\`
`;

test("Celery's `[time: LEVEL/Process]` record is a log record, CRITICAL its FATAL", async () => {
  assert.equal(
    logMessage("[2018-02-15 12:44:20,297: CRITICAL/MainProcess] Unrecoverable error: OSError(24, 'Too many open files')"),
    "CRITICAL/MainProcess] Unrecoverable error: OSError(24, 'Too many open files')",
  );
  const result = await analyzeText(CELERY);
  assert.equal(result.verdict, 'inconclusive');
  const emfile = result.findings.find((f) => f.id === 'emfile-errors');
  assert.ok(emfile, 'the worker banner with its log is read as a log that reports EMFILE');
});

const RUBY = `\`\`\`
Errno::EMFILE: No file descriptors available - getaddrinfo (Errno::EMFILE)
  from socket.rb:231:in \`getaddrinfo'
  from socket.rb:231:in \`foreach'
  from socket.rb:635:in \`tcp'
  from redis-client (0.11.2) lib/redis_client/ruby_connection.rb:49:in \`initialize'
  from redis-client (0.11.2) lib/redis_client.rb:660:in \`new'
\`\`\`
`;

test("Ruby's uncaught exception, its frames under `from`, is read as a log that ran out", async () => {
  const result = await analyzeText(RUBY);
  assert.equal(result.verdict, 'inconclusive');
  assert.ok(result.findings.some((f) => f.id === 'emfile-errors'));
});
