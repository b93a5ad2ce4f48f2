// Node prints an error object with util.inspect: its head line says the error, and its fields
// under it repeat the errno's name (`code: 'EMFILE',`). Shiny Server's log4js record in
// rstudio/shiny-server#25 (gh-shiny-server-25-killall-r-log4js-emfile-app-log-open, accuracy
// round 328) was counted as three reports of running out where it holds two: the object and
// Node's own print of the error under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { isNodeErrnoField } from '../../src/sources/crash-reports.js';
import { parseLines } from '../../src/sources/run.js';

const SHINY = [
  "[2013-06-28 17:39:21.808] [ERROR] shiny-server - { [Error: EMFILE, open '/home/jcheng/ShinyApps/log/06_tabsets-jcheng-20130628-173918-80323b65188e.log']",
  '  errno: 20,',
  "  code: 'EMFILE',",
  "  path: '/home/jcheng/ShinyApps/log/06_tabsets-jcheng-20130628-173918-80323b65188e.log' }",
  "Error: EMFILE, open '/home/jcheng/ShinyApps/log/06_tabsets-jcheng-20130628-173918-80323b65188e.log'",
  "[2013-06-28 17:39:26.521] [ERROR] shiny-server - Uncaught exception: TypeError: Cannot read property 'data' of undefined",
];

test("an error object's errno field is no report of its own", () => {
  const { artifact } = parseLines(appLog, SHINY);
  assert.equal(artifact.exhaustion.emfile, 2);
  assert.deepEqual(
    artifact.exhaustion.samples.map((x) => x.ev.line),
    [1, 5],
  );
});

test('the errno field shapes Node prints, and what is none', () => {
  assert.ok(isNodeErrnoField("  code: 'EMFILE',"));
  assert.ok(isNodeErrnoField("  errno: 'EMFILE',"));
  assert.ok(isNodeErrnoField("  code: 'ENFILE' }"));
  assert.ok(isNodeErrnoField("code: 'EMFILE'"));
  assert.equal(isNodeErrnoField("{ errno: -24, code: 'EMFILE', syscall: 'open' }"), false);
  assert.equal(isNodeErrnoField('  code: EMFILE'), false);
  assert.equal(isNodeErrnoField("  syscall: 'open',"), false);
});

test('a field line far from any report, or alone, still counts', () => {
  const alone = ["  code: 'EMFILE',"];
  assert.equal(parseLines(appLog, alone).artifact.exhaustion.emfile, 1);
  const far = [
    SHINY[0],
    ...Array.from({ length: 30 }, (_, i) => `[2013-06-28 17:39:2${i % 10}.000] [INFO] shiny-server - tick ${i}`),
    "  code: 'EMFILE',",
  ];
  assert.equal(parseLines(appLog, far).artifact.exhaustion.emfile, 2);
});
