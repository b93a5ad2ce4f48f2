// A Java stack trace left outside the fences of a Markdown paste (the trace unfenced under a
// sentence, the code under it fenced) is output of its own: its head, then its frames,
// `Caused by:` and `... N more`. Real lines: zeromq/jeromq#183
// (test/accuracy/cases/gh-jeromq-ctx-per-message-makepipe-emfile-trace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareTraceEnd } from '../../src/bundle/bare-traces.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const JEROMQ = [
  'I am having this issue after some hours of good working:',
  '',
  'zmq.ZError$IOException: java.io.IOException: Too many open files',
  '    at zmq.Signaler.make_fdpair(Signaler.java:87)',
  '    at zmq.Signaler.<init>(Signaler.java:48)',
  '    at ... (my files )',
  '    at java.lang.Thread.run(Thread.java:744)',
  'Caused by: java.io.IOException: Too many open files',
  '    at sun.nio.ch.IOUtil.makePipe(Native Method)',
  '    ... 11 more]]',
  '',
  'My ZMQ code: ',
  '',
  '```',
  '            ZMQ.Context context = ZMQ.context(1);',
  '    sender.close();',
  '        context.term(); ',
  '```',
];

test('an unfenced Java trace whose head says it ran out ends after its last trace line', () => {
  assert.equal(bareTraceEnd(JEROMQ, 2), 10);
  // Not a head: prose, a head without a frame under it, a head that does not say it ran out.
  assert.equal(bareTraceEnd(JEROMQ, 0), 0);
  assert.equal(bareTraceEnd(['java.io.IOException: Too many open files', 'and then it stopped'], 0), 0);
  assert.equal(bareTraceEnd(['java.lang.NullPointerException: x', '    at a.B.c(B.java:1)'], 0), 0);
});

test('the unfenced trace above a fenced block is read as one output', () => {
  const items = splitTranscript(JEROMQ);
  const trace = items.find((it) => it.output.some((o) => o.text.startsWith('zmq.ZError$IOException')));
  assert.ok(trace, 'the trace is an output');
  assert.equal(trace.command, null);
  assert.deepEqual(
    trace.output.map((o) => o.line),
    [3, 4, 5, 6, 7, 8, 9, 10],
  );
});

// .NET's trace left unfenced under a fenced shell block: aspnet/Mvc#7778
// (test/accuracy/cases/gh-aspnet-mvc-staticfiles-ioexception-ulimit-204800).
const MVC = [
  '```c#',
  ':ulimit -n 204800',
  ':ulimit -n',
  '204800',
  '```',
  '',
  'Centos 7.2 above set up, but still reported the following error',
  '',
  'System.IO.IOException: Too many open files',
  '   at Interop.ThrowExceptionForIoErrno(ErrorInfo errorInfo, String path, Boolean isDirectory, Func`2 errorRewriter)',
  '   at Microsoft.Win32.SafeHandles.SafeFileHandle.Open(String path, OpenFlags flags, Int32 mode)',
  '   at Microsoft.AspNetCore.StaticFiles.StaticFileContext.<SendAsync>d__49.MoveNext()',
  '--- End of stack trace from previous location where exception was thrown ---',
  '   at System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw()',
  '',
  'and then it stopped',
];

test('an unfenced .NET trace whose head says it ran out ends after its last frame', () => {
  assert.equal(bareTraceEnd(MVC, 8), 14);
  // Mono's frames (mono/mono#12535) and .NET's error code in the head (dotnet/aspnetcore#12228).
  const mono = [
    'System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached.',
    '  at System.IO.CoreFX.FileSystemWatcher.StartRaisingEvents () [0x0006f] in /builddir/FileSystemWatcher.Linux.cs:61 ',
  ];
  assert.equal(bareTraceEnd(mono, 0), 2);
  const socket = [
    'System.Net.Sockets.SocketException (23): Too many open files in system',
    '   at Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets.SocketTransport.RunAcceptLoopAsync()',
  ];
  assert.equal(bareTraceEnd(socket, 0), 2);
  // Not a head: one that does not say it ran out, or with no frame under it.
  assert.equal(bareTraceEnd(['System.NullReferenceException: x', '   at A.B.C()'], 0), 0);
  assert.equal(bareTraceEnd(['System.IO.IOException: Too many open files', 'and then it stopped'], 0), 0);
});

test('the unfenced .NET trace under a fenced block is read as one output', () => {
  const items = splitTranscript(MVC);
  const trace = items.find((i) => i.output[0]?.text.startsWith('System.IO.IOException'));
  assert.ok(trace);
  assert.equal(trace.command, null);
  assert.equal(trace.output.length, 6);
  assert.equal(trace.output[0].line, 9);
});
