import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// mailcow/mailcow-dockerized#453: Dovecot warns in its own words when inotify_init() fails with
// EMFILE (lib/ioloop-notify-inotify.c), relayed by docker-compose with its syslog prefix.
const MAILCOW =
  'dovecot-mailcow_1    | Jul 11 12:16:31 webarch dovecot: imap(user@example.org.uk): Warning: Inotify instance limit for user 5000 (UID vmail) exceeded, disabling. Increase /proc/sys/fs/inotify/max_user_instances';
// the-djmaze/snappymail#1429: the same warning pasted bare.
const BARE =
  'Warning: Inotify instance limit for user 0 (UID snappymaildemo) exceeded, disabling. Increase /proc/sys/fs/inotify/max_user_instances';
// A uid with no passwd entry: Dovecot prints `UID N` alone.
const NO_NAME = 'imap(u): Warning: Inotify instance limit for user UID 1000 exceeded, disabling.';

test("Dovecot's inotify instance limit warning is an EMFILE line; the sysctl and its watch limit are not", () => {
  assert.equal(ranOutErrno(MAILCOW), 'EMFILE');
  assert.equal(ranOutErrno(BARE), 'EMFILE');
  assert.equal(ranOutErrno(NO_NAME), 'EMFILE');
  assert.equal(ranOutErrno('cat /proc/sys/fs/inotify/max_user_instances'), null);
  assert.equal(ranOutErrno('Warning: Inotify watch limit for user exceeded, disabling.'), null);
  assert.equal(ranOutErrno('the Inotify instance limit for user accounts can be raised'), null);
  assert.equal(ranOutErrno(`Inotify instance limit for user ${'9'.repeat(5000)} exceeded`), null);
});

test('mailcow#453: the Dovecot line is its ran-out line, about inotify; no pid to blame', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-mailcow-453-dovecot-inotify-instance-limit-vmail-128', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  const message = result.suspects[0]?.ranOut?.message ?? result.unownedRanOut?.message ?? '';
  assert.match(message, /Inotify instance limit for user 5000 \(UID vmail\) exceeded/);
  assert.equal(result.suspects[0]?.pid ?? null, null);
});
