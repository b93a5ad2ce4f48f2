// A journal reader (fail2ban's systemd backend, sd-journal) opens every file of its journal folder,
// each once: live archives are how it reads, not a pile, as a classpath's jars are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// fail2ban/fail2ban#4175: fail2ban-server's archived user-1092 journals, fds 92-101.
const ROWS = [
  'fail2ban- 2913855 root   92r      REG              252,1 134217728 4048610763 /var/log/journal/2565b24c05644e3eb3bf66e268191597/user-1092@b52f0f8612914d358ab4608b4407c6c7-00000000539105b5-00064fc29c7b0541.journal',
  'fail2ban- 2913855 root   93r      REG              252,1 125829120 4048618911 /var/log/journal/2565b24c05644e3eb3bf66e268191597/user-1092@b52f0f8612914d358ab4608b4407c6c7-0000000053d495c2-00064fe16407b326.journal',
  'fail2ban- 2913855 root   96r      REG              252,1 134217728 4048611578 /var/log/journal/2565b24c05644e3eb3bf66e268191597/user-1092@b52f0f8612914d358ab4608b4407c6c7-0000000053e1e2dc-00064fe7df7ee4b9.journal',
  'fail2ban- 2913855 root   99r      REG              252,1 134217728 4048727681 /var/log/journal/2565b24c05644e3eb3bf66e268191597/user-1092@b52f0f8612914d358ab4608b4407c6c7-0000000053a9bbf1-00064fd2b79f74fb.journal',
  'fail2ban- 2913855 root  101r      REG              252,1 134217728 4048618913 /var/log/journal/2565b24c05644e3eb3bf66e268191597/user-1092@b52f0f8612914d358ab4608b4407c6c7-00000000539d6d2a-00064fcb385ba39f.journal',
];

const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

test('archived journals open once each on fds 92-101 make no share and blame nobody', async () => {
  const result = await analyzeLines(['```', ...ROWS, '```']);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
});

test('the same archives deleted under the reader still count: journald removed them, it never closed them', async () => {
  const result = await analyzeLines(['```', ...ROWS.map((r) => `${r} (deleted)`), '```']);
  const s = result.suspects[0];
  assert.equal(s?.pid, 2913855);
  assert.equal(s?.leak.kind, 'deleted-file');
});
