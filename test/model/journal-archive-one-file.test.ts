// A journald archive held deleted on several fds is one file: each sd-journal context opens every
// file of its folder once, so two readers (fluentd's two systemd inputs) hold one vacuumed archive
// on two fds. It counts once as rotated away: a pointer, not the two files that make a leak.
// Rows: fluent-plugin-systemd#81 (a host-wide lsof, its TID rows repeating fds 125 and 159).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const ROWS = [
  'fluentd    2472                  root  125r      REG              252,1 134217728     539602 /var/log/journal/a87d37f9c4d74e9eb672b97b5dd0c818/system@d059ec38963543fb95c6390453c1f247-0000000007057712-00059fa76e02b10d.journal (deleted)',
  'fluentd    2472                  root  159r      REG              252,1 134217728     539602 /var/log/journal/a87d37f9c4d74e9eb672b97b5dd0c818/system@d059ec38963543fb95c6390453c1f247-0000000007057712-00059fa76e02b10d.journal (deleted)',
  'fluentd    2472  2497            root  125r      REG              252,1 134217728     539602 /var/log/journal/a87d37f9c4d74e9eb672b97b5dd0c818/system@d059ec38963543fb95c6390453c1f247-0000000007057712-00059fa76e02b10d.journal (deleted)',
  'fluentd    2472  2497            root  159r      REG              252,1 134217728     539602 /var/log/journal/a87d37f9c4d74e9eb672b97b5dd0c818/system@d059ec38963543fb95c6390453c1f247-0000000007057712-00059fa76e02b10d.journal (deleted)',
  'fluentd    2472  2498            root  125r      REG              252,1 134217728     539602 /var/log/journal/a87d37f9c4d74e9eb672b97b5dd0c818/system@d059ec38963543fb95c6390453c1f247-0000000007057712-00059fa76e02b10d.journal (deleted)',
];

test('one journal archive on two fds is one file rotated away: deleted-files-held weighs 1', async () => {
  const r = await analyzeTranscript(['```', ...ROWS, '```'], 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  const s = r.suspects[0];
  assert.equal(s.pid, 2472);
  const held = s.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(held?.weight, 1);
  assert.match(held?.statement ?? '', /all, one file on 2 fds, were rotated away/);
});

test('two journal archives held deleted are two files rotated away: decisive', async () => {
  const other = ROWS[0]
    .replace('539602', '539777')
    .replace('125r', '126r')
    .replace('0000000007057712-00059fa76e02b10d', '0000000007157712-00059fa86e02b10d');
  const r = await analyzeTranscript(['```', ROWS[0], other, '```'], 'transcript.md');
  const held = r.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(held?.weight, 3);
});
