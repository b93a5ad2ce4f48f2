// A log whose "Too many open files" lines are a Java exception's, with no pid or program: the only
// java process the bundle shows threw them. Real lines of gh-spring-boot-webflux-favicon-emfile-
// ulimit-ps (spring-projects/spring-boot#37354): reactor-netty's log, then `ps -aux` in the container:
//   java.nio.file.FileSystemException: /usr/local/webapps/BOOT-INF/classes/static/favicon.ico: Too many open files
//   root          1  1.2  2.3 28527044 1563068 pts/0 Ssl+ 08:37   6:27 java org.springframework.boot.loader.JarLauncher
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { javaThrown } from '../../src/model/log-owners.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test('a Java exception class on the line says a JVM threw it', () => {
  assert.equal(
    javaThrown('java.nio.file.FileSystemException: /usr/local/webapps/BOOT-INF/classes/static/favicon.ico: Too many open files'),
    true,
  );
  assert.equal(javaThrown('java.io.IOException: Too many open files'), true);
  assert.equal(javaThrown('accept4(): Too many open files'), false);
  assert.equal(javaThrown(undefined), false);
});

test('Spring Boot in Docker: its EMFILE log is pid 1’s, the only java process ps shows', async () => {
  const file = join(CASES_DIR, 'gh-spring-boot-webflux-favicon-emfile-ulimit-ps', 'transcript.md');
  const { result } = await analyzeBundle(file, { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 1);
  assert.match(result.suspects[0].ranOut?.message ?? '', /Too many open files/);
});

test('two java processes: the lines stay nobody’s', async () => {
  const text = [
    '```',
    'java.nio.file.FileSystemException: /usr/local/webapps/BOOT-INF/classes/static/favicon.ico: Too many open files',
    '```',
    '',
    'root@9c0c64a43b0f:/usr/local/webapps# ps -aux',
    'USER        PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
    'root          1  1.2  2.3 28527044 1563068 pts/0 Ssl+ 08:37   6:27 java org.springframework.boot.loader.JarLauncher',
    'root         41  1.2  2.3 28527044 1563068 pts/0 Sl   08:37   6:27 java -jar other.jar',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.suspects.length, 0);
});
