// Log shapes of self-hosted web apps (accuracy round 51), on the real lines:
// a journal line pasted without its host (PostgREST/postgrest#2042:
// test/accuracy/cases/gh-postgrest-journal-accept-resource-exhausted-log-only), NestJS's logger
// prefix with the pid (immich-app/immich#8592: gh-immich-microservices-nest-pid-scandir-emfile-log),
// Node's report of the uncaught exception that killed it (immich-app/immich#5271:
// gh-immich-cli-upload-open-emfile-no-pid).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogShaped, syslogSource, withoutWriterPrefix } from '../../src/sources/log-pids.js';
import { nestPid } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string, name: string) {
  return analyzeTranscript(text, name, now);
}

const POSTGREST = 'Nov 23 03:54:41 postgrest[11475]: Network.Socket.accept: resource exhausted (Too many open files)';

test('a journal line without its host: the program and pid in brackets after the time', () => {
  assert.deepEqual(syslogSource(POSTGREST), { program: 'postgrest', pid: 11475 });
  assert.deepEqual(syslogSource('Nov 23 04:13:51 systemd[1]: Stopped PostgREST.'), { program: 'systemd', pid: 1 });
  assert.equal(syslogShaped(POSTGREST), true);
  assert.equal(withoutWriterPrefix(POSTGREST).rest, 'Network.Socket.accept: resource exhausted (Too many open files)');
  // With a host, the host is no program; without a pid, no host-less form is read.
  assert.deepEqual(syslogSource('Nov 23 03:54:41 db1 postgrest[11475]: x'), { program: 'postgrest', pid: 11475 });
  assert.equal(syslogSource('Nov 23 03:54:41 postgrest: x'), null);
  assert.equal(syslogSource('Nov 23 03:54:41 fd[0]: x'), null);
});

test("PostgREST's journal without hosts: the process that ran out is the suspect, the restart is not", async () => {
  const text = [
    '```',
    'Nov 23 01:36:27 postgrest[11475]: 23/Nov/2021:01:36:27 +0000: Schema cache loaded',
    POSTGREST,
    'Nov 23 03:55:17 postgrest[11475]: 127.0.0.1 - - [23/Nov/2021:03:55:16 +0000] "POST /<redacted> HTTP/1.1" 503',
    'Nov 23 04:13:51 systemd[1]: Stopped PostgREST.',
    'Nov 23 04:13:51 systemd[1]: Started PostgREST.',
    'Nov 23 04:13:51 postgrest[15073]: 23/Nov/2021:04:13:51 +0000: Listening on port 3000',
    '```',
    '',
  ].join('\n');
  const result = await analyzeText(text, 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 11475);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /resource exhausted \(Too many open files\)/);
});

const NEST =
  "immich_microservices     | [Nest] 7  - 04/07/2024, 4:57:29 AM   ERROR [JobService] Error: EMFILE: too many open files, scandir '/mnt/media/cold/Lytro/2011/20110520_evt2_dongguan'";

test("NestJS's prefix names the writer's pid", () => {
  assert.equal(nestPid("[Nest] 7  - 04/07/2024, 4:57:29 AM   ERROR [JobService] Error: EMFILE: too many open files, scandir '/x'"), 7);
  assert.equal(nestPid('[Nest] 19520   - 09/12/2021, 10:00:00 AM   [ExceptionsHandler] EMFILE'), 19520);
  assert.equal(nestPid('[Nest] - 04/07/2024'), undefined);
  assert.equal(nestPid('[Nest] 0  - 04/07/2024'), undefined);
  // Behind docker compose's `service | ` prefix too.
  assert.deepEqual(syslogSource(NEST), { pid: 7 });
});

test('an Immich microservices log: [Nest] 7 ran out', async () => {
  const text = [
    NEST,
    "immich_microservices     | [Nest] 7  - 04/07/2024, 4:57:29 AM   ERROR [JobService] Error: EMFILE: too many open files, scandir '/mnt/media/cold/Lytro/2011/20110520_evt2_dongguan'",
    '',
  ].join('\n');
  const result = await analyzeText(text, 'immich.log');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 7);
});

test("Node's report of the uncaught EMFILE that killed it is read as its log", async () => {
  const text = [
    'node:events:493',
    "      throw er; // Unhandled 'error' event",
    '      ^',
    '',
    "Error: EMFILE: too many open files, open '/mnt/media/Photos/Immich/library/eric/1985/01/Dec84-May86 (216)+1.jpg'",
    "Emitted 'error' event on ReadStream instance at:",
    '    at emitErrorNT (node:internal/streams/destroy:151:8)',
    '    at emitErrorCloseNT (node:internal/streams/destroy:116:3)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {',
    '  errno: -24,',
    "  code: 'EMFILE',",
    "  syscall: 'open',",
    "  path: '/mnt/media/Photos/Immich/library/eric/1985/01/Dec84-May86 (216)+1.jpg'",
    '}',
    '',
    'Node.js v21.0.0',
    '',
  ].join('\n');
  const result = await analyzeText(text, 'upload.txt');
  assert.equal(result.verdict, 'inconclusive');
  const quoted = result.suspects[0]?.ranOut?.message ?? result.unownedRanOut?.message ?? '';
  assert.match(quoted, /^Error: EMFILE: too many open files, open/);
});
