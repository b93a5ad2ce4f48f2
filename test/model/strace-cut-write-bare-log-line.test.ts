// strace -s cuts a write's string ("Failed to get journal fd: Too ma"...): the message the process
// wrote is the bundle's line that begins with it, also when that line is a bare error with no
// timestamp (a program's stderr pasted above its strace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// kdecherf.com, "systemd and the fd exhaustion" (2015-09-12): journalctl -f under strace.
const LINES = [
  'Failed to get journal fd: Too many open files',
  '',
  '~ # strace -f journalctl -fn',
  'execve("/usr/host/bin/journalctl", ["journalctl", "-fn"], [/* 26 vars */]) = 0',
  '[...]',
  'openat(AT_FDCWD, "/run/log/journal/c961e28ba6f74af6b63ba50efdb053ba", O_RDONLY|O_NONBLOCK|O_DIRECTORY|O_CLOEXEC) = 4',
  'getdents(4, /* 3 entries */, 32768) = 88',
  'open("/run/log/journal/c961e28ba6f74af6b63ba50efdb053ba/system.journal", O_RDONLY|O_CLOEXEC) = 5',
  '[...]',
  'inotify_init1(O_NONBLOCK|O_CLOEXEC) = -1 EMFILE (Too many open files)',
  '[...]',
  'writev(2, [{"Failed to get journal fd: Too ma"..., 45}, {"\\n", 1}], 2) = 46',
  'close(5)                = 0',
  'exit_group(1)           = ?',
  '+++ exited with 1 +++',
];

const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

test("journalctl's cut writev is matched to its whole bare error line", async () => {
  const result = await analyzeLines(LINES);
  const ranOut = result.suspects[0]?.ranOut;
  assert.equal(ranOut?.message, 'Failed to get journal fd: Too many open files');
  assert.ok(ranOut?.evidence.some((e) => e.line === 1));
});

test('without the pasted line the cut write is all there is', async () => {
  const result = await analyzeLines(LINES.slice(2));
  assert.equal(result.suspects[0]?.ranOut?.message, 'Failed to get journal fd: Too ma');
});
