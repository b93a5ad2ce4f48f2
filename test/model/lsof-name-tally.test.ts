// lsof's rows counted by NAME (`awk '{print $9}' | sort | uniq -c`), of an lsof of one process or
// of one saved to a file: a process's fds by what they are — lsof's `pipe`, `[eventpoll]` and
// `inotify` say it, which no path does. Auditbeat's tally (gh-auditbeat-daemonset-lsof-name-tally-
// inotify-pipes) is read as a whole table of the process the bundle is about, its inotify rows as
// instances; a host-wide lsof's, a grep's or a `head`'s are no process's make-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { lsofNameTally, nameCountHolder } from '../../src/model/type-counts.js';
import { interpretCount } from '../../src/model/pipeline.js';

const now = new Date('2026-01-01T00:00:00Z');

// The thread's block, copied exactly.
const COMMAND = "$ awk '{print $9;}' /tmp/auditbeat-c2dws.txt | sort | uniq -c | sort -nr";
const AUDITBEAT = [' 452 pipe', ' 225 [eventpoll]', ' 224 inotify', '   2 (path'];

function rows(lines: string[]) {
  return lines.map((text, i) => {
    const m = /^\s*(\d+) +(.*)$/.exec(text)!;
    return { count: Number(m[1]), key: m[2], ev: { file: 't.md', line: i + 1, text } };
  });
}

test("an awk of lsof's NAME column over a saved file, or over `lsof -p`, is a NAME tally", () => {
  const r = rows(AUDITBEAT);
  assert.deepEqual(lsofNameTally(COMMAND, interpretCount(COMMAND), r), {});
  const ofPid = "lsof -p 4242 | awk '{print $NF}' | sort | uniq -c";
  assert.deepEqual(lsofNameTally(ofPid, interpretCount(ofPid), r), { pid: 4242 });
  // Every process's rows (one per thread), the rows a grep picked: none.
  for (const c of ["lsof | awk '{print $9}' | sort | uniq -c", "lsof -p 4242 | grep -v REG | awk '{print $9}' | sort | uniq -c"])
    assert.equal(lsofNameTally(c, interpretCount(c), r), null, c);
  // The largest keys only: the process's rows still, an excerpt of them.
  const cut = `${COMMAND} | head`;
  assert.deepEqual(lsofNameTally(cut, interpretCount(cut), r), { partial: true });
  // Keys with no word of lsof's for a pipe or an anonymous inode: another column, or paths only.
  assert.equal(lsofNameTally(COMMAND, interpretCount(COMMAND), rows([' 12 /var/log/app.log', ' 3 REG'])), null);
});

test('its holder: pipes, anonymous inodes, the inotify rows named; `(path` counts no fd', () => {
  const h = nameCountHolder('t.md', rows(AUDITBEAT));
  assert.deepEqual(h.byKind, { pipe: 452, anon: 449 });
  assert.equal(h.fds, 901);
  assert.equal(h.entries.ofKind('anon').filter((i) => h.entries.name(i) === 'inotify').length, 224);
});

test('auditbeat: a leak of anonymous inodes — 224 inotify instances — of the process the tally is of', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-auditbeat-daemonset-lsof-name-tally-inotify-pipes', 'transcript.md'), {
    now,
  });
  assert.equal(r.verdict, 'leak');
  const lead = r.suspects[0];
  assert.equal(lead.pid, null);
  assert.equal(lead.leak.kind, 'anon-inode');
  assert.match(r.summary, /the process whose pid is not in the bundle/i);
});

// hermes-agent#72782: the dashboard's lsof tallied by NAME, its pid a placeholder and its user
// redacted (the writer's `<- ~118 leaked …` note is the transcript's to strip). Copied exactly.
const HERMES_COMMAND = "$ lsof -p <dashboard pid> | awk 'NR>1 && $4 ~ /^[0-9]+/ {print $NF}' | sort | uniq -c | sort -rn";
const HERMES = [
  ' 119  /Users/<user>/.hermes/state.db',
  ' 113  /Users/<user>/.hermes/state.db-wal',
  '   5  (ESTABLISHED)',
  '   3  PIPE',
  '   1  /Users/<user>/.hermes/state.db-shm',
];

test('after `lsof -p`, a NAME tally of paths alone is the process’s; a placeholder pid leaves it unnamed', () => {
  const r = rows(HERMES);
  assert.deepEqual(lsofNameTally(HERMES_COMMAND, interpretCount(HERMES_COMMAND), r), {});
  const ofPid = "lsof -p 4242 | awk '{print $NF}' | sort | uniq -c";
  assert.deepEqual(lsofNameTally(ofPid, interpretCount(ofPid), r), { pid: 4242 });
  // The whole host's lsof, or paths with no `-p` and no lsof word: no process's.
  for (const c of ["lsof | awk '{print $NF}' | sort | uniq -c", "awk '{print $9}' saved.txt | sort | uniq -c"])
    assert.equal(lsofNameTally(c, interpretCount(c), r), null, c);
});

test('hermes: one file open 119 times of 236 tallied — a file leak of the process whose pid is not shown', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-hermes-dashboard-lsof-awk-uniq-c-state-db-119', 'transcript.md'), { now });
  assert.equal(r.verdict, 'leak');
  const lead = r.suspects[0];
  assert.equal(lead.pid, null);
  assert.equal(lead.leak.kind, 'file');
  assert.equal(lead.leak.count, 119);
});

// eclipse-che#2962: the Docker daemon's rows by NAME and the word after it (`$9 $10`), the largest
// ten kept by `tail`; its pid a lookup (`$(cat /run/docker.pid)`) that a later grep of the same
// lookup's rows numbers. Copied exactly.
const CHE_COMMAND = "# lsof -P -p $(cat /run/docker.pid) | awk '{print $9 $10}' | sort | uniq -c | sort -n | tail -n 10";
const CHE = [
  '     13 protocol:TCP',
  '     19 protocol:UDP',
  '     82 inotify',
  '     83 [eventpoll]',
  '    164 pipe',
  '    215 /var/lib/docker/containers/b8e6386a37e5105cc3770d70d34df317ec5fd0b4d338a061a38483711dc7e201/b8e6386a37e5105cc3770d70d34df317ec5fd0b4d338a061a38483711dc7e201-json.log',
  '   1001 protocol:NETLINK',
];

test('`print $9 $10` is the NAME column too; a `tail` of the tally is a partial one', () => {
  const r = rows(CHE);
  assert.deepEqual(lsofNameTally(CHE_COMMAND, interpretCount(CHE_COMMAND), r), { partial: true });
  for (const printed of ['$9,$10', '$9" "$10'])
    assert.deepEqual(lsofNameTally(`lsof -p 4242 | awk '{print ${printed}}' | sort | uniq -c`, null, r), {});
  // Another column beside NAME is no NAME tally.
  assert.equal(lsofNameTally("lsof -p 4242 | awk '{print $5 $9}' | sort | uniq -c", null, r), null);
});

test('che: one container log open 215 times in the daemon’s cut tally — a file leak of pid 23785', async () => {
  const { result: r } = await analyzeBundle(join(CASES_DIR, 'gh-che-2962-dockerd-json-log-opened-215-times-uniq', 'transcript.md'), {
    now,
  });
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 23785);
  assert.equal(r.suspects[0].leak.kind, 'file');
  assert.equal(r.suspects[0].leak.count, 215);
});
