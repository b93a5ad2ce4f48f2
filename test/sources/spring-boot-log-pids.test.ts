// Spring Boot's default log pattern names the writer's pid (accuracy round 112, on the real lines of
// master-coder-ll/v2ray-web-manager#223: test/accuracy/cases/gh-v2ray-web-manager-springboot-log-pid-22380-accept-emfile-zh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { springBootPid } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const WARN =
  '2022-03-13 08:46:07.897  WARN 22380 --- [boss-1-1] io.netty.channel.DefaultChannelPipeline  : An exceptionCaught() event was fired, and it reached at the tail of the pipeline. It usually means the last handler in the pipeline did not handle the exception.';

test("Spring Boot's prefix: the number before `--- [thread]` is the pid", () => {
  assert.equal(springBootPid(WARN), 22380);
  // Quoted from the level on, as the first paragraph does.
  assert.equal(springBootPid('WARN 22380 --- [boss-1-1] io.netty.channel.DefaultChannelPipeline  : An exceptionCaught() event'), 22380);
  // Boot 3: ISO time with its offset, the application's name before the thread.
  assert.equal(springBootPid('2023-11-02T10:00:00.123+01:00 ERROR 4711 --- [myapp] [           main] o.s.b.SpringApplication : x'), 4711);
  // Not without the dashes (log4j's `%d %5p %t` prints a thread there), nor a pid of 0.
  assert.equal(springBootPid('2022-03-13 08:46:07.897  WARN 22380 [boss-1-1] x'), undefined);
  assert.equal(springBootPid('2022-03-13 08:46:07.897  WARN 0 --- [boss-1-1] x'), undefined);
  assert.deepEqual(syslogSource(WARN), { pid: 22380 });
});

test("the exception under a Spring Boot record is its pid's: 22380 ran out", async () => {
  const text = [
    '## 相关日志 java服务日志位于/opt/jar/logs',
    '',
    WARN,
    '',
    'java.io.IOException: Too many open files',
    '\tat sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)',
    '\tat sun.nio.ch.ServerSocketChannelImpl.accept(ServerSocketChannelImpl.java:421)',
    '\tat io.netty.channel.socket.nio.NioServerSocketChannel.doReadMessages(NioServerSocketChannel.java:147)',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 22380);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});
