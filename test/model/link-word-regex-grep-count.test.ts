// A grep whose pattern is link-target words joined by `.*` (`grep 'memfd.*deleted'`) picks fd link
// rows only: neither `ls -l`'s "total" line nor `ls -a`'s `.` and `..` rows, which hold no such
// words. So every row it kept is an fd, none to take off (accuracy round 185). Real lines:
// pop-os/cosmic-comp#2073 (test/accuracy/cases/gh-cosmic-comp-memfd-screencopy-deleted-tally).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsAddedLinesPicked } from '../../src/model/row-counts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test("link-target words joined by '.*' pick no line ls adds", () => {
  assert.equal(lsAddedLinesPicked('la', ['memfd.*deleted']), 0);
  assert.equal(lsAddedLinesPicked('la', ['socket.*pipe']), 0);
  // A regex of other words may pick `total` and, with -a, the `.` and `..` rows (owner, date).
  assert.equal(lsAddedLinesPicked('la', ['mar.*2026']), 3);
  // An empty piece (`.*deleted.*` starts with one) says nothing of the rows: as before.
  assert.equal(lsAddedLinesPicked('la', ['.*deleted']), 3);
  assert.equal(lsAddedLinesPicked('la', ['deleted']), 0);
});

test('the tally of the memfds a grep picked counts all 388 of them as fds of pid 1695', async () => {
  const text = [
    '```',
    "ls -la /proc/1695/fd/ | grep 'memfd.*deleted' | sed 's/.*memfd://' | sed 's/ (deleted)//' | sort | uniq -c | sort -r",
    '',
    '      5 smithay-dmabuffeedback-format-table',
    '    356 pipewire-screencopy',
    '      2 xwayland-shared',
    '      2 wayland-cursor',
    '     21 smithay-client-toolkit',
    '      1 smithay-keymap',
    '      1 gdk-wayland',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  const p = result.processes?.find((x) => x.pid === 1695);
  assert.equal(p?.fdCount, 388);
  assert.equal(p?.fdCountMeasure, 'at-least');
});
