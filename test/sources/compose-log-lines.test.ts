// A `docker compose up` paste (clusterzx/intellissh#15, accuracy round 27): each line carries its
// service's `name  | ` prefix, and compose's own `name exited with code 1` follows the service's
// last line — here nodemon's EMFILE, the error that stopped it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { lastOutputLine } from '../../src/sources/ran-out-shapes.js';
import { parseLines } from '../../src/sources/run.js';

const COMPOSE = [
  'intellissh  | ',
  'intellissh  | > webssh-control-server@1.0.0 start',
  'intellissh  | > nodemon src/app.js',
  'intellissh  | ',
  'intellissh  | [nodemon] 3.1.10',
  'intellissh  | [nodemon] to restart at any time, enter `rs`',
  'intellissh  | [nodemon] watching path(s): *.*',
  'intellissh  | [nodemon] watching extensions: js,mjs,cjs,json',
  'intellissh  | [nodemon] starting `node src/app.js`',
  "intellissh  | [nodemon] Internal watch failed: EMFILE: too many open files, watch '/app/server'",
  'intellissh exited with code 1',
];

test("compose's exit line is not the service's last output", () => {
  assert.equal(lastOutputLine(COMPOSE), "[nodemon] Internal watch failed: EMFILE: too many open files, watch '/app/server'");
  assert.equal(lastOutputLine(['done']), 'done');
  assert.equal(lastOutputLine([]), undefined);
});

test('a compose log that ends with the EMFILE that stopped its service is a log', () => {
  const lines = COMPOSE.filter((l) => l.trim() !== '');
  assert.ok(appLog.detect({ head: lines, name: 'f' }) > 0);
  const { artifact } = parseLines(appLog, COMPOSE);
  assert.equal(artifact.exhaustion.emfile, 1);
  // Without the failing line, a service's chatter is no log of running out.
  assert.equal(appLog.detect({ head: lines.slice(0, -2).concat(lines.slice(-1)), name: 'f' }), 0);
});
