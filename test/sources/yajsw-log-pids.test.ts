// YAJSW, the Java service wrapper, puts its application's pid before each line of the output it
// relays (src/sources/yajsw-log.ts, read in src/sources/log-pids.ts). Real lines: traccar/traccar#3143
// (test/accuracy/cases/gh-traccar-jetty-yajsw-wrapper-accept-emfile), Jetty's acceptor running out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource, withoutServicePrefix } from '../../src/sources/log-pids.js';
import { yajswRelay } from '../../src/sources/yajsw-log.js';

const yajswPid = (line: string) => yajswRelay(line)?.pid;

const HEAD = 'FINEST|1911/0|Service traccar|17-05-02 18:07:52|';
const EMFILE = `${HEAD}java.io.IOException: Too many open files`;
const FRAME = `${HEAD}\tat sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)`;

test("YAJSW's prefix names the application's pid, not a program", () => {
  assert.equal(yajswPid(EMFILE), 1911);
  assert.equal(yajswPid(FRAME), 1911);
  assert.deepEqual(syslogSource(EMFILE), { pid: 1911 });
});

test('the line without the prefix is what the application printed', () => {
  assert.equal(withoutServicePrefix(EMFILE), 'java.io.IOException: Too many open files');
  assert.equal(withoutServicePrefix(FRAME), '\tat sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)');
});

test("the wrapper's own lines and other pipes name no pid", () => {
  assert.equal(yajswPid('INFO|wrapper|Service traccar|17-05-02 18:07:50|start launched'), undefined);
  // Tanuki's wrapper prints a JVM instance number, no pid.
  assert.equal(yajswPid('INFO   | jvm 1    | 2016/08/09 17:57:26 | java.io.IOException: Too many open files'), undefined);
  assert.equal(yajswPid('a|1911/0|b|17-05-02 18:07:52|x'), undefined);
});
