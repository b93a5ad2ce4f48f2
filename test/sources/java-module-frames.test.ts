// A Java 9+ stack names each frame's module and class loader before its class (`at
// java.base/sun.nio.fs.UnixException.translateToIOException(`, `at deployment.demo.war//org.…(`):
// such frames are stack lines, so a pasted exception with its stack is a log that says the process
// ran out. Real lines: eclipse-store/store#338 (a WildFly deployment's FileSystemException).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStackLine } from '../../src/sources/stack-lines.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// https://github.com/eclipse-store/store/issues/338 (issue description), the first frames.
const STORE = [
  'java.nio.file.FileSystemException: robert2/channel_1/channel_1_911.dat: Too many open files',
  '     at java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:100)',
  '     at java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:106)',
  '     at java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:111)',
  '     at java.base/sun.nio.fs.UnixFileSystemProvider.newByteChannel(UnixFileSystemProvider.java:261)',
  '     at java.base/java.nio.file.Files.newByteChannel(Files.java:379)',
  '     at java.base/java.nio.file.Files.createFile(Files.java:657)',
  '     at deployment.demo.war//org.eclipse.store.afs.nio.types.NioIoHandler$Default.specificCreate(NioIoHandler.java:320)',
  '     at deployment.demo.war//org.eclipse.store.afs.nio.types.NioIoHandler$Default.specificCreate(NioIoHandler.java:81)',
];

test('Java frames with a module, a versioned module or a class loader before the class are stack lines', () => {
  for (const l of [
    ...STORE.slice(1),
    '\tat java.base@11.0.2/java.lang.Thread.run(Thread.java:834)',
    '\tat app//com.example.App.main(App.java:12)',
    '\tat sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)',
  ])
    assert.ok(isStackLine(l), l);
  for (const l of ['     at home/work we saw it (twice)', 'at the end of the day', '     at 10:05 the server stopped'])
    assert.ok(!isStackLine(l), l);
});

test('a pasted Java 11 exception and its stack say a process ran out (it was no capture fdleak could read)', async () => {
  const r = await analyzeTranscript(['Root cause:', '', '```', ...STORE, '```', ''].join('\n'), 'issue.md', now);
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.unownedRanOut?.message ?? '', /channel_1_911\.dat: Too many open files$/);
});
