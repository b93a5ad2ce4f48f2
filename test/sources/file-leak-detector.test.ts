import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileLeakDetector, leakDetectorEntry, leakDetectorKind } from '../../src/sources/file-leak-detector.js';
import { analyzeTranscript } from '../analyze-transcript.js';

// jenkinsci/cucumber-living-documentation-plugin#32: the agent's report on a Jenkins controller.
const JENKINS = [
  '3127 descriptors are open',
  '#1 /tmp/jruby-1136/jruby3454834155092316185parser.jar by thread:pool-5869-thread-1 on Mon Feb 01 18:13:23 EST 2021',
  '\tat java.util.zip.ZipFile.<init>(ZipFile.java:156)',
  '\tat java.util.jar.JarFile.<init>(JarFile.java:166)',
];
// gradle/gradle#937: on Windows, attached to the Gradle daemon.
const WINDOWS =
  "#1 C:\\Users\\DP1016\\.gradle\\wrapper\\dists\\gradle-5.0-milestone-1-all\\6dyq36h9cpyjh4c7hz2nzqfq6\\gradle-5.0-milestone-1\\lib\\ant-1.9.13.jar by thread:Execution worker for ':' on Mon Oct 08 13:53:08 CEST 2018";
// otros-systems/otroslogviewer#536: a socket entry.
const SOCKET = '#1 socket to /127.0.0.1:7434 by thread:Thread-9 on Tue Aug 23 19:58:14 CEST 2022';

test("the agent's report is known by its count line or by an entry", () => {
  assert.ok(fileLeakDetector.detect({ head: JENKINS, name: 't' }) >= 0.9);
  assert.ok(fileLeakDetector.detect({ head: [WINDOWS], name: 't' }) >= 0.5);
  assert.equal(fileLeakDetector.detect({ head: ['#1 some heading', 'by thread: nothing'], name: 't' }), 0);
});

test('an entry names a file (Unix or Windows path), a socket, or something else', () => {
  assert.deepEqual(leakDetectorEntry(JENKINS[1]), { n: 1, what: '/tmp/jruby-1136/jruby3454834155092316185parser.jar' });
  assert.equal(leakDetectorKind(leakDetectorEntry(WINDOWS)!.what).kind, 'file');
  assert.equal(leakDetectorKind(leakDetectorEntry(SOCKET)!.what).kind, 'socket-other');
  assert.equal(leakDetectorKind('selector').kind, 'anon');
});

test("entries are an unnamed process's fds, an excerpt without fd numbers", () => {
  const sink = fileLeakDetector.sink({ file: 't', warn: () => {} });
  for (const [i, l] of JENKINS.entries()) sink.line(l, i + 1);
  const artifact = sink.end();
  assert.equal(artifact.rows, 1);
  assert.equal(artifact.truncated, true);
  const [h] = artifact.holders;
  assert.equal(h.pid, 0);
  assert.equal(h.byKind.file, 1);
  assert.equal(h.maxFd, undefined, 'the #N of an entry is no fd number');
});

test('one entry is never a process shown healthy, nor its standard streams: no no-leak, nobody blamed', async () => {
  const result = await analyzeTranscript(
    `1 descriptors are open\n${WINDOWS}\n\tat java.util.zip.ZipFile.<init>(ZipFile.java:156)\n`,
    'out.txt',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.doesNotMatch(result.summary, /standard streams/);
});
