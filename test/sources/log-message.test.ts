// The message of a log line, as a root cause quotes it: without the journal's who-and-when prefix,
// the docker compose service column or the application's own time stamp. Lines from the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog, exhaustionQuote, logMessage } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';

test('a journal line: the message after `host program[pid]: `, with or without its time', () => {
  assert.equal(
    logMessage(
      'May 14 21:31:15 zenzen dbus-broker-launch[2844]: ERROR sockopt_get_peerpidfd @ ../dbus-broker-37/src/util/sockopt.c +244: Too many open files',
    ),
    'ERROR sockopt_get_peerpidfd @ ../dbus-broker-37/src/util/sockopt.c +244: Too many open files',
  );
  assert.equal(
    logMessage(
      'nixos NetworkManager[5261]: <warn>  [1750876680.7697] platform-linux: do-change-link[2]: failure 23 (Too many open files in system) (assume success changing address)',
    ),
    '<warn>  [1750876680.7697] platform-linux: do-change-link[2]: failure 23 (Too many open files in system) (assume success changing address)',
  );
});

test('an application line keeps its text after its own stamp; nginx after its pid#tid', () => {
  assert.equal(
    logMessage('2018/10/19 16:05:32 [crit] 42#42: accept4() failed (24: Too many open files)'),
    'accept4() failed (24: Too many open files)',
  );
});

// gh-promtail-inotify-user-instances-negative: the words come after a 200-character key.
const PROMTAIL =
  'level=error ts=2021-10-28T11:35:44.792212392Z caller=filetargetmanager.go:263 msg="Failed to create target" key="{container_id=\\"c517dad0337ef4991ed311d1c0efd2ab008102af1b730b8da31b4f3ffa3fe050\\", container_name=\\"elegant_meninsky\\", container_status=\\"exited\\", instance=\\"play64\\"}" error="filetarget.fsnotify.NewWatcher: too many open files"';

test("a long line's quote keeps its start and the words that say it ran out, past the 300 characters a quote holds", () => {
  const q = exhaustionQuote(PROMTAIL);
  assert.ok(PROMTAIL.length > 300);
  assert.ok(q.length <= 300);
  assert.ok(q.startsWith('level=error ts=2021-10-28T11:35:44.792212392Z caller=filetargetmanager.go:263'));
  assert.ok(q.endsWith('error="filetarget.fsnotify.NewWatcher: too many open files"'));
  assert.ok(q.includes(' … '));
  assert.match(logMessage(q), /fsnotify\.NewWatcher: too many open files/);
});

test('a line that says it within the quote, or a short one, is quoted as it is', () => {
  const early = `accept4: too many open files; retrying in 1s ${'x'.repeat(400)}`;
  assert.equal(exhaustionQuote(early), early);
  assert.equal(exhaustionQuote('accept4: too many open files'), 'accept4: too many open files');
});

// gh-bandit-elixir-code-server-emfile-log (https://github.com/mtrudel/bandit/issues/209): the BEAM
// names the errno as an atom, in lower case, inside its own error terms.
const BEAM_EMFILE = [
  '[error] [label: {:erl_prim_loader, :file_error}, report: ~c"File operation error: emfile. Target: /Users/herman/.local/share/rtx/installs/erlang/26.0.2/lib/crypto-5.2/ebin. Function: list_dir. Process: code_server."]',
  '[error] [label: {:erl_prim_loader, :file_error}, report: ~c"File operation error: emfile. Target: ./io_lib_pretty.beam. Function: get_file. Process: code_server."]',
];

test("the BEAM's `emfile` atom in its error terms is EMFILE; a file or folder named emfile is not", () => {
  assert.equal(appLog.detect({ head: BEAM_EMFILE, name: 'x.log' }) > 0, true);
  const log = parseLines(appLog, BEAM_EMFILE, { file: 'x.log' }).artifact;
  assert.equal(log.exhaustion.emfile, 2);
  assert.equal(log.exhaustion.enfile, 0);
  // {stop,{file_error,"./data/…_log3",emfile}} (AntidoteDB), {error,enfile}.
  const terms = parseLines(appLog, ['exit with reason {stop,{file_error,"./data/x_log3",emfile}}', '{error,enfile}'], {
    file: 'y.log',
  }).artifact;
  assert.equal(terms.exhaustion.emfile, 1);
  assert.equal(terms.exhaustion.enfile, 1);
  const names = parseLines(appLog, ['2024-01-01 10:00:00 INFO loaded emfile.py', '2024-01-01 10:00:01 INFO cd /srv/enfile/'], {
    file: 'z.log',
  }).artifact;
  assert.equal(names.exhaustion.emfile + names.exhaustion.enfile, 0);
});
