// A FIFO row named by a path is a named pipe (mkfifo), opened by its path as a file is: `ls -l
// /proc/PID/fd` shows it as that path, a file, and so does lsof's row here (src/sources/lsof-row-kind.ts,
// fd-kind.ts lsofKind). An anonymous pipe is `FIFO … pipe` on Linux, `PIPE 0x…` on macOS. Real rows:
// realm/realm-swift#4435, an iOS app's Realms, each with its own `.note` and `new_commit.cv` FIFOs
// (test/accuracy/cases/gh-realm-swift-4435-nw-socket-emfile-log-lsof-simulator).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';
import { lsofKind } from '../../src/sources/fd-kind.js';

const D =
  '/Users/matias/Library/Developer/CoreSimulator/Devices/1DB7AD55-1262-48BC-9375-8A6EE9CA48A6/data/Containers/Data/Application/430EE381-F4F6-4827-B292-013ABB3A0809';
const ROS = `${D}/Documents/realm-object-server`;
const ROWS = [
  `MyApp- 43339 matias   45r    FIFO                         0t0 54701773 ${D}/tmp/F558DD74-693F-4E12-9225-EE5E7597A294.management/access_control.new_commit.cv`,
  'MyApp- 43339 matias   46u  KQUEUE                                      count=0, state=0xa',
  `MyApp- 43339 matias   47u    FIFO                        0t23 54701774 ${D}/tmp/F558DD74-693F-4E12-9225-EE5E7597A294.note`,
  'MyApp- 43339 matias   48     PIPE 0x4857c0faf863715d    16384          ->0x4857c0faf863991d',
  'MyApp- 43339 matias   49     PIPE 0x4857c0faf863991d    16384          ->0x4857c0faf863715d',
  `MyApp- 43339 matias   50u     REG                1,4     1160 54701768 ${D}/tmp/F558DD74-693F-4E12-9225-EE5E7597A294.lock`,
  `MyApp- 43339 matias  214r    FIFO                         0t0 54701789 ${ROS}/5eded385d6296c392a7f2dbe216d0bc8/realm%3A%2F%2F127.0.0.1%3A9080%2F%7E%2Fh.management/access_control.new_commit.cv`,
  `MyApp- 43339 matias  215u     REG                1,4     1160 54701793 ${ROS}/53fb7cd6ef5ef19a3f7d0e045a0cc81b/realm%3A%2F%2F127.0.0.1%3A9080%2F%7E%2Fh.lock`,
  `MyApp- 43339 matias  216u    FIFO                         0t0 54701797 ${ROS}/53fb7cd6ef5ef19a3f7d0e045a0cc81b/realm%3A%2F%2F127.0.0.1%3A9080%2F%7E%2Fh.management/access_control.new_commit.cv`,
  `MyApp- 43339 matias  250u     REG                1,4     1160 54701845 ${ROS}/09d3af80d0798b9d305d67b509b16665/realm%3A%2F%2F127.0.0.1%3A9080%2F%7E%2Fh.lock`,
  `MyApp- 43339 matias  251u    FIFO                         0t0 54701849 ${ROS}/09d3af80d0798b9d305d67b509b16665/realm%3A%2F%2F127.0.0.1%3A9080%2F%7E%2Fh.management/access_control.new_commit.cv`,
  `MyApp- 43339 matias  252r    FIFO                         0t0 54701849 ${ROS}/09d3af80d0798b9d305d67b509b16665/realm%3A%2F%2F127.0.0.1%3A9080%2F%7E%2Fh.management/access_control.new_commit.cv`,
];

test('a FIFO row named by a path is a file; one named pipe, or none, is a pipe', () => {
  assert.equal(lsofKind('FIFO', '54701773', `${D}/tmp/F558DD74-693F-4E12-9225-EE5E7597A294.note`), 'file');
  assert.equal(lsofKind('FIFO', '7524723', 'pipe'), 'pipe');
  assert.equal(lsofKind('FIFO', '12', '/run/app/ctl.fifo (deleted)'), 'deleted-file');
});

test("Realm's named FIFOs across many Realms' folders are no pile of pipes", async () => {
  const r = await analyzeTranscript(`\`\`\`\n${ROWS.join('\n')}\n\`\`\`\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.notEqual(r.verdict, 'leak');
  const me = r.suspects.find((s) => s.pid === 43339);
  assert.notEqual(me?.leak?.kind, 'pipe');
});
