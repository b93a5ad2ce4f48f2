// Odoo's log format names the writer's pid after the time (accuracy round 275, on the real lines of
// odoo/odoo#6390: test/accuracy/cases/gh-odoo-6390-fetchmail-traceback-errno24-pid-1167).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { odooPid } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const HEADER =
  '2015-04-20 10:55:09,364 1167 ERROR db_name openerp.addons.fetchmail.fetchmail: General failure when trying to fetch mail from imap server example@example.com.';

test("Odoo's prefix: the number after the comma time, before a level, database and logger, is the pid", () => {
  assert.equal(odooPid(HEADER), 1167);
  // No database selected: Odoo prints `?`.
  assert.equal(odooPid('2023-01-05 08:00:01,002 42 INFO ? odoo.service.server: HTTP service (werkzeug) running on 0.0.0.0:8069'), 42);
  // Not log4net's bracketed thread, nor a line without the logger's colon, nor a pid of 0.
  assert.equal(odooPid('2017-01-12 14:48:43,088 [12] ERROR Foo.Bar - x'), undefined);
  assert.equal(odooPid('2015-04-20 10:55:09,364 1167 ERROR something happened'), undefined);
  assert.equal(odooPid('2015-04-20 10:55:09,364 0 ERROR db_name odoo.x: y'), undefined);
  assert.deepEqual(syslogSource(HEADER), { pid: 1167 });
});

test("the traceback under an Odoo record is its pid's: 1167 ran out", async () => {
  const text = [
    '``` python',
    HEADER,
    'Traceback (most recent call last):',
    '  File "/home/andrius/odoo/8.0/odoo/addons/fetchmail/fetchmail.py", line 196, in fetch_mail',
    '    imap_server = server.connect()',
    '  File "/usr/lib/python2.7/socket.py", line 553, in create_connection',
    '    for res in getaddrinfo(host, port, 0, SOCK_STREAM):',
    'error: [Errno 24] Too many open files',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 1167);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /\[Errno 24\] Too many open files/);
});
