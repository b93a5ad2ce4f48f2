import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isStackLine } from '../../src/sources/stack-lines.js';
import { isBareJavaFrame } from '../../src/bundle/bare-traces.js';
import { appLog } from '../../src/sources/app-log.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// Stack Overflow 2485424 as a copy of the page holds it: Tomcat's trace with its frames' tabs lost.
const TOMCAT = [
  'SEVERE: Socket accept failed',
  'java.net.SocketException: Too many open files',
  'at java.net.PlainSocketImpl.socketAccept(Native Method)',
  'at java.net.PlainSocketImpl.accept(PlainSocketImpl.java:390)',
  'at java.net.ServerSocket.implAccept(ServerSocket.java:453)',
  'at java.net.ServerSocket.accept(ServerSocket.java:421)',
  'at org.apache.tomcat.util.net.DefaultServerSocketFactory.acceptSocket(DefaultServerSocketFactory.java:61)',
  'at org.apache.tomcat.util.net.JIoEndpoint$Acceptor.run(JIoEndpoint.java:310)',
  'at java.lang.Thread.run(Thread.java:619)',
];

test('a Java frame without its indentation is a stack line; prose starting with "at" is not', () => {
  for (const l of TOMCAT.slice(2)) assert.ok(isBareJavaFrame(l), l);
  assert.ok(isStackLine('at weblogic.t3.srvr.ListenThread.run(Compiled Code)'));
  assert.ok(isStackLine('at java.lang.UNIXProcess.forkAndExec(Unknown Source)'));
  assert.ok(!isStackLine('at least (for now) it works'));
  assert.ok(!isStackLine('at the end of the day(s)'));
  assert.ok(!isStackLine('at foo.bar(baz)'));
});

test("the unindented trace under Tomcat's SEVERE line reads as a log that ran out", () => {
  const head = TOMCAT;
  assert.ok(appLog.detect({ head, name: 'paste.txt' }) > 0);
});

test('the SO case: inconclusive, nobody blamed, the EMFILE line quoted', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'so-tomcat-jioendpoint-accept-emfile-log-only', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files/);
});
