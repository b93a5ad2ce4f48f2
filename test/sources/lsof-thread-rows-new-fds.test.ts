// Threads share their process's fd table, so lsof without -p repeats each fd for every thread;
// in an excerpt, though, a thread's row may be the only one that shows an fd (the process's own
// rows of it cut away). Real rows: Koenkk/zigbee2mqtt#18074
// (test/accuracy/cases/gh-zigbee2mqtt-lsof-grep-deleted-log2-copies): `lsof | grep deleted`, the
// process's row of fd 19, then thread 1071's rows of fds 26-33 from further down the listing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string) {
  return analyzeTranscript(text, 'transcript.md', now);
}

const OWN =
  'node         1070                            openhab   19w      REG                8,2 5792236400    1048841 /opt/zigbee2mqtt/data/log/2023-05-14.08-37-02/log2.txt (deleted)';
const THREAD = [
  'node         1070    1071 node               openhab   26w      REG                8,2 5202117488    1050987 /opt/zigbee2mqtt/data/log/2023-05-14.08-37-02/log2.txt (deleted)',
  'node         1070    1071 node               openhab   27w      REG                8,2 5032076144    1050849 /opt/zigbee2mqtt/data/log/2023-05-14.08-37-02/log2.txt (deleted)',
  'node         1070    1071 node               openhab   29w      REG                8,2 4411933552    1050993 /opt/zigbee2mqtt/data/log/2023-05-14.08-37-02/log2.txt (deleted)',
];

test("a thread's rows of fds the process's own rows did not show are fds of the process", async () => {
  const text = `\`\`\`\n$ lsof | grep deleted\n${OWN}\n\`\`\`\n\nFurther down:\n\n\`\`\`\n${THREAD.join('\n')}\n\`\`\`\n`;
  const result = await analyzeText(text);
  const p = result.suspects[0];
  assert.equal(p?.pid, 1070);
  assert.equal(p?.leak?.kind, 'deleted-file');
  assert.equal(p?.leak?.count, 4);
});

test("a thread's row of an fd the process's own row showed is that fd again, not another", async () => {
  const again = (THREAD[0] ?? '').replace(' 1071 ', ' 1074 ');
  const own26 = OWN.replace('   19w', '   26w');
  const text = `\`\`\`\n${own26}\n${THREAD[0]}\n${again}\n\`\`\`\n`;
  const result = await analyzeText(text);
  assert.equal(result.suspects[0]?.leak?.count, 1);
});
