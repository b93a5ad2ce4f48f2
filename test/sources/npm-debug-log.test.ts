// npm's numbered debug log is a log, not thread names (round 58's real lines).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { taskComm } from '../../src/sources/task-comm.js';
import { npmLogLine } from '../../src/sources/npm-debug-log.js';

// npm/npm#8679: npm 3.0.0's npm-debug.log.
const NPM_LOG = [
  '0 info it worked if it ends with ok',
  "1 verbose cli [ 'node',",
  "1 verbose cli   '/usr/local/var/nvm/v0.10.36/bin/npm',",
  "1 verbose cli   'install',",
  '2 info using npm@3.0.0',
  '4 silly loadCurrentTree Starting',
  "12 verbose stack Error: EMFILE, readdir '/Users/steveng/repo/cordova/cordova-amazon-fireos/node_modules/shelljs'",
  '13 verbose cwd /Users/steveng',
  '14 error Darwin 14.3.0',
  '19 error code EMFILE',
  '20 error errno 20',
  "21 error EMFILE, readdir '/Users/steveng/repo/cordova/cordova-amazon-fireos/node_modules/shelljs'",
  '22 error If you need help, you may report this error at:',
  '22 error     <https://github.com/npm/npm/issues>',
  '23 verbose exit [ 20, true ]',
];

test("npm's debug log is a log, not the `TID name` loop of thread names (npm/npm#8679)", () => {
  assert.equal(npmLogLine(NPM_LOG[6]), true);
  assert.equal(npmLogLine('5740 java'), false);
  assert.equal(taskComm.detect({ head: NPM_LOG, name: 'f' }), 0);
  assert.ok(appLog.detect({ head: NPM_LOG, name: 'f' }) >= 0.9);
  // The loop's own output still reads as thread names.
  assert.ok(taskComm.detect({ head: ['5740 java', '5742 java', '5743 GC Thread#0', '5749 Reference Handl'], name: 'f' }) > 0);
});
