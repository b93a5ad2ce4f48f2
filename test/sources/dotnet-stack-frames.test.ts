// .NET's exception report (src/sources/stack-lines.ts DOTNET). Real lines: Duplicati's RecoveryTool
// under Mono, duplicati/duplicati#4044
// (test/accuracy/cases/gh-duplicati-4044-recoverytool-ioexception-emfile-log-only), and Duplicati
// 1.3's wrapped exception, duplicati/duplicati#524.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStackLine } from '../../src/sources/stack-lines.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const RECOVERY_TOOL = [
  'Failed to read Blocklist hash: dyJVHkdVVfs+RKNXzvCkVwi8ZbFGMjoLDYq5OjguwIY=',
  'System.IO.IOException: Too many open files',
  '  at System.IO.FileStream..ctor (System.String path, System.IO.FileMode mode, System.IO.FileAccess access, System.IO.FileShare share, System.Int32 bufferSize, System.Boolean anonymous, System.IO.FileOptions options) [0x0019e] in <d2ec5c92492f4d6b',
  'a8c422bdf574b786>:0',
];

test(".NET's exception type and frames are stack lines (Mono's and .NET Core's)", () => {
  assert.ok(isStackLine(RECOVERY_TOOL[1]));
  assert.ok(isStackLine(RECOVERY_TOOL[2]));
  // duplicati#524's frame, pasted with a blank after it.
  assert.ok(
    isStackLine(
      '  at System.IO.File.Copy (System.String sourceFileName, System.String destFileName, Boolean overwrite) [0x00000] in <filename unknown>:0 ',
    ),
  );
  assert.ok(
    isStackLine(
      '  at Duplicati.Library.Main.BackendWrapper.GetInternal (Duplicati.Library.Main.BackupEntryBase remote, Duplicati.Library.Main.Manifestfile manifest, System.String filename, Duplicati.Library.Main.HashEntry hash) [0x00000] in <filename unknown>:0',
    ),
  );
  assert.ok(isStackLine('   at App.Worker.Run(String path) in /src/App/Worker.cs:line 42'));
  assert.ok(isStackLine('  --- End of inner exception stack trace ---'));
  assert.ok(isStackLine('Unhandled Exception: System.IO.IOException: Too many open files'));
  assert.ok(isStackLine(' ---> System.IO.IOException: Too many open files'));
  assert.ok(!isStackLine(RECOVERY_TOOL[0]));
  assert.ok(!isStackLine('Look at the Exception: it says nothing'));
  assert.ok(!isStackLine('  at home (after work) we ran it again'));
});

test("duplicati#4044: the RecoveryTool's IOException under Mono is a log that says a process ran out, of no pid", async () => {
  const text = ['lots of error messages like this:', '', '```', ...RECOVERY_TOOL, ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /System\.IO\.IOException: Too many open files/);
});
