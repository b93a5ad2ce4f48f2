// The message of a log line, as a root cause quotes it: without the journal's who-and-when prefix,
// the docker compose service column or the application's own time stamp. Lines from the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logMessage } from '../../src/sources/app-log.js';

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
