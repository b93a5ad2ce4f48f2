// Counts people print per process without lsof, and counts of one kind of fd. Real lines:
// c-watchd-inotify-per-reload and py-popen-history-transcript-counts (captured here, program/ in each case):
//   find /proc/*/fd -lname anon_inode:inotify 2>/dev/null | cut -d/ -f3 | xargs … ps … | uniq -c | sort -nr
//   for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/}"; done | sort -n | tail -5
//   ls -l /proc/31617/fd | grep -c pipe
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStderrLine, programsOf } from '../../src/bundle/stderr-notices.js';
import { linkTallyPerPid } from '../../src/model/kind-tallies.js';
import { interpretCount } from '../../src/model/pipeline.js';
import { kindOfGrep } from '../../src/model/row-counts.js';
import { INOTIFY_PILE } from '../../src/model/piles.js';
import { PARSERS } from '../../src/sources/registry.js';
import { fdCountLoop, loopKey } from '../../src/sources/proc-fd-count-loop.js';
import { ref } from '../../src/types.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const FIND =
  "find /proc/*/fd -lname anon_inode:inotify 2>/dev/null | cut -d/ -f3 | xargs -I '{}' -- ps --no-headers -o '%p %U %c' -p '{}' | uniq -c | sort -nr";
const LOOP_KEY_LAST = 'for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/}"; done | sort -n | tail -5';
const LOOP_PROC_KEY = 'for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) $p"; done | sort -n | tail -4';
const row = (count: number, key: string) => ({ count, key, ev: ref('transcript.md', 3) });

function winner(head: string[], command: string): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'transcript.md', command }) })).sort(
    (a, b) => b.score - a.score,
  );
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('a loop printing each process fd count: which word is the count comes from the echo', () => {
  assert.deepEqual(fdCountLoop(LOOP_KEY_LAST), { countFirst: true });
  assert.deepEqual(fdCountLoop(LOOP_PROC_KEY), { countFirst: true });
  assert.deepEqual(fdCountLoop('for pid in $(pgrep java); do echo "$pid $(ls /proc/$pid/fd | wc -l)"; done'), { countFirst: false });
  assert.deepEqual(fdCountLoop('for pid in $(pgrep java); do echo "${pid}: $(ls -l /proc/${pid}/fd | wc -l)"; done'), {
    countFirst: false,
  });
  assert.deepEqual(fdCountLoop('for p in /proc/[0-9]*; do echo "$(basename $p) $(ls $p/fd | wc -l)"; done'), { countFirst: false });
  // A loop of another count, or no loop at all.
  assert.equal(fdCountLoop('for t in /proc/9/task/*; do echo "$(basename $t) $(cat $t/comm)"; done'), null);
  assert.equal(fdCountLoop('for p in $(pgrep java); do echo "$(cat /proc/$p/status | wc -l) $p"; done'), null);
  assert.equal(fdCountLoop('ls /proc/9/fd | wc -l'), null);
  assert.equal(fdCountLoop(`for p in x; do echo "$(ls $p/fd | wc -l) ${'('.repeat(50_000)}`), null);
  assert.deepEqual(loopKey('/proc/31617'), { pid: 31617 });
  assert.deepEqual(loopKey('24383'), { pid: 24383 });
  assert.deepEqual(loopKey('2897 bash'), { pid: 2897, name: 'bash' });
  assert.equal(loopKey('java'), undefined);
  // fdleak collect's fd-counts.txt prints with printf, and fdleak's own advice adds each process's comm.
  assert.deepEqual(
    fdCountLoop("for p in /proc/[0-9]*; do printf '%7d %s\\n' $(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/}; done | sort -nr"),
    {
      countFirst: true,
    },
  );
});

test("the loop's output is a count per process, not a list of thread names (whose loop looks the same)", () => {
  // Lines 9-13 of c-watchd-inotify-per-reload's transcript.
  const head = ['27 26699', '28 26093', '134 24383', '329 1', '331 26132'];
  assert.equal(winner(head, LOOP_KEY_LAST), 'count-table');
  assert.equal(winner(['41 /proc/29390', '163 /proc/29338', '328 /proc/1', '1020 /proc/31617'], LOOP_PROC_KEY), 'count-table');
  // With no command to say what printed them, rising `N word` lines are still read as the thread-name loop.
  assert.equal(winner(['4730 java', '4731 GC Thread#0', '4783 http-nio-8080-e'], ''), 'task-comm');
});

test('a find of /proc fd links by -lname, tallied per pid: each pid its fds of that kind, named by ps', () => {
  const tally = linkTallyPerPid(FIND, interpretCount(FIND), [row(128, '24383 root     watchd')]);
  assert.deepEqual(
    tally.map((t) => [t.pid, t.count, t.grep, t.tool, t.name]),
    [[24383, 128, ['anon_inode:inotify'], 'find', 'watchd']],
  );
  // Runs of one pid that uniq -c counted apart (unsorted input) add up; a key that is no pid voids the table.
  assert.equal(linkTallyPerPid(FIND, interpretCount(FIND), [row(100, '7 root a'), row(28, '7 root a')])[0].count, 128);
  assert.deepEqual(linkTallyPerPid(FIND, interpretCount(FIND), [row(128, 'watchd')]), []);
  // Not a search of fd links: no tally.
  const other = 'find /var/log -name "*.log" | xargs -n1 dirname | uniq -c';
  assert.deepEqual(linkTallyPerPid(other, interpretCount(other), [row(3, '12 x')]), []);
});

// go-jobwatch-inotify-init1-find-printf-tally: find's `-printf '%h\n'` prints each link's folder,
// `/proc/PID/fd`, and the tally is keyed by it.
const FIND_FOLDER = "find /proc/*/fd -lname anon_inode:inotify -printf '%h\\n' 2>/dev/null | sort | uniq -c | sort -rn | head -5";

test('a find of /proc fd links tallied by the folder -printf %h prints: each /proc/PID/fd key is that pid', async () => {
  const rows = [row(94, '/proc/11356/fd'), row(1, '/proc/7882/fd'), row(1, '/proc/7820/fd')];
  assert.deepEqual(
    linkTallyPerPid(FIND_FOLDER, interpretCount(FIND_FOLDER), rows).map((t) => [t.pid, t.count, t.grep, t.tool]),
    [
      [11356, 94, ['anon_inode:inotify'], 'find'],
      [7882, 1, ['anon_inode:inotify'], 'find'],
      [7820, 1, ['anon_inode:inotify'], 'find'],
    ],
  );
  // A folder that is no process's fd folder names no pid: no tally.
  assert.deepEqual(linkTallyPerPid(FIND_FOLDER, interpretCount(FIND_FOLDER), [row(94, '/proc/self/fd')]), []);
  assert.deepEqual(linkTallyPerPid(FIND_FOLDER, interpretCount(FIND_FOLDER), [row(94, '/proc/11356/fdinfo')]), []);
  const cases = join(CASES_DIR, 'go-jobwatch-inotify-init1-find-printf-tally', 'transcript.md');
  const r = await analyzeTranscript(readFileSync(cases, 'utf8'), 'transcript.md', now);
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 11356);
});

// sublime_text#1195 (gh-sublime-text-inotify-readlink-ps-uniq-127): the same tally by a loop that
// resolves every fd link and a grep that keeps the inotify ones.
const READLINK =
  "for foo in /proc/*/fd/*; do readlink -f $foo; done |grep inotify |cut -d/ -f3 |xargs -I '{}' -- ps --no-headers -o '%p %U %a' -p '{}' |uniq -c |sort -n";

test('a readlink loop over /proc fd links, grep-picked and tallied per pid, counts each pid its fds of that kind', () => {
  const rows = [row(127, '11460 marco    /opt/sublime_text/sublime_text'), row(20, '11472 marco    /opt/sublime_text/plugin_host 11460')];
  assert.deepEqual(
    linkTallyPerPid(READLINK, interpretCount(READLINK), rows).map((t) => [t.pid, t.count, t.grep, t.tool]),
    [
      [11460, 127, ['inotify'], 'readlink'],
      [11472, 20, ['inotify'], 'readlink'],
    ],
  );
  // A loop over something else, a grep that drops rows, or no grep at all: no tally of one kind.
  const tasks = 'for t in /proc/*/task/*; do readlink -f $t/exe; done | grep java | cut -d/ -f3 | uniq -c';
  assert.deepEqual(linkTallyPerPid(tasks, interpretCount(tasks), rows), []);
  const dropped = READLINK.replace('grep inotify', 'grep -v inotify');
  assert.deepEqual(linkTallyPerPid(dropped, interpretCount(dropped), rows), []);
  const bare = 'for foo in /proc/*/fd/*; do readlink -f $foo; done | cut -d/ -f3 | uniq -c';
  assert.deepEqual(linkTallyPerPid(bare, interpretCount(bare), rows), []);
});

test('the readlink tally of sublime_text#1195 is a leak of inotify instances by pid 11460', async () => {
  const dir = join(CASES_DIR, 'gh-sublime-text-inotify-readlink-ps-uniq-127');
  const r = await analyzeTranscript(readFileSync(join(dir, 'transcript.md'), 'utf8'), 'transcript.md', now);
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 11460);
  assert.equal(r.suspects[0].leak?.kind, 'anon-inode');
});

test('a grep pattern names a kind of fd only when every alternative is a word of that kind', () => {
  assert.equal(kindOfGrep('pipe'), 'pipe');
  assert.equal(kindOfGrep('pipe|FIFO'), 'pipe');
  assert.equal(kindOfGrep('(pipe|fifo)'), 'pipe');
  assert.equal(kindOfGrep('anon_inode:inotify'), 'anon');
  assert.equal(kindOfGrep('eventfd'), 'anon');
  assert.equal(kindOfGrep('\\[eventpoll\\]'), 'anon');
  assert.equal(kindOfGrep('UDP'), 'socket-udp');
  assert.equal(kindOfGrep('pipe|socket'), undefined);
  assert.equal(kindOfGrep('pipeline.log'), undefined);
  assert.equal(kindOfGrep('java'), undefined);
});

/** A case's transcript with `edit` applied to its text, analysed. */
async function caseWith(id: string, edit: (text: string) => string) {
  return analyzeTranscript(edit(readFileSync(join(CASES_DIR, id, 'transcript.md'), 'utf8')), 'transcript.md', now);
}

test("a count of one kind of the process's fd links is a pile of that kind, against its fd count", async () => {
  const r = await caseWith('py-popen-history-transcript-counts', (t) => t);
  const s = r.suspects[0];
  assert.equal(s.pid, 31617);
  assert.equal(s.fdCount, 1020);
  assert.deepEqual(s.leak, { kind: 'pipe', count: 1015 });
  const pile = s.reasons.find((x) => x.signal === 'pipe-pile');
  assert.equal(pile?.weight, 3);
  // Line 7: the count `ls -l /proc/31617/fd | grep -c pipe` printed.
  assert.deepEqual(
    pile?.evidence.map((e) => e.line),
    [7],
  );
  // The count says what 1,015 of its 1,020 fds are: they are not "unexplained".
  assert.ok(!s.reasons.some((x) => x.signal === 'fds-unexplained'));
  // A grep -v leaves every other kind: no pile.
  const inverted = await caseWith('py-popen-history-transcript-counts', (t) => t.replace('| grep -c pipe', '| grep -vc pipe'));
  assert.ok(!inverted.suspects[0]?.reasons.some((x) => x.signal === 'pipe-pile'));
});

test('inotify instances: a pile by how many a user may have, not by their share of the fds', async () => {
  const r = await caseWith('c-watchd-inotify-per-reload', (t) => t);
  const s = r.suspects[0];
  assert.equal(r.verdict, 'leak');
  assert.equal(s.pid, 24383);
  assert.equal(s.command, 'watchd');
  assert.equal(s.fdCount, 134);
  const signal = s.reasons.find((x) => x.signal === 'inotify-instances');
  assert.equal(signal?.weight, 3);
  assert.equal(signal?.count, 128);
  // The leak is said as what its fds are: inotify instances, not "eventfd / epoll / inotify fds".
  assert.deepEqual(s.leak, { kind: 'anon-inode', count: 128, what: 'inotify instances' });
  assert.match(r.summary, /128 of them inotify instances/);
  // The same 128 fds are a pile of anonymous inodes too: told once, by the stronger signal.
  assert.ok(!s.reasons.some((x) => x.signal === 'anon-inode-pile'));
  // A few instances are how programs use inotify; more than a handful only points.
  const few = await caseWith('c-watchd-inotify-per-reload', (t) => t.replace('    128 24383 root', `     ${INOTIFY_PILE.weak} 24383 root`));
  assert.equal(few.suspects[0]?.reasons.find((x) => x.signal === 'inotify-instances')?.weight, 1);
  const one = await caseWith('c-watchd-inotify-per-reload', (t) => t.replace('    128 24383 root', '      2 24383 root'));
  assert.ok(!one.suspects.some((x) => x.reasons.some((y) => y.signal === 'inotify-instances')));
});

test("what the pipeline's own programs wrote to stderr among the rows is not a row, and does not hide the table", () => {
  // The first capture of c-watchd-inotify-per-reload, without 2>/dev/null (this machine's pid 1 is
  // another user namespace's: one line per fd of it), and the two processes that exited meanwhile.
  const head = [
    'find: ‘/proc/1/fd/0’: Permission denied',
    'find: ‘/proc/1/fd/1’: Permission denied',
    'find: ‘/proc/1/fd/327’: Permission denied',
    'find: ‘/proc/22965/fd’: No such file or directory',
    'find: ‘/proc/22966/fd’: No such file or directory',
    '    128  5400 root     python3        ',
  ];
  const command = FIND.replace(' 2>/dev/null', '');
  assert.equal(winner(head, command), 'count-table');
  assert.ok(isStderrLine(head[0], command));
  assert.ok(!isStderrLine(head[5], command));
  // A program the command does not run, or a line that is no error, is output.
  assert.ok(!isStderrLine("lsof: WARNING: can't stat() fuse.gvfsd-fuse file system /run/user/1000/gvfs", command));
  assert.ok(!isStderrLine('find: 12 matches', command));
  assert.deepEqual([...programsOf(command)].sort(), ['cut', 'find', 'ps', 'sort', 'uniq', 'xargs']);
});

test("the per-process count loops fdleak itself prints (its advice, with each comm) and runs (collect's fd-counts.txt, printf) are read", async () => {
  // Captured on this machine: the advice's loop, then collect's.
  const t3 = [
    '$ for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/} $(cat $p/comm 2>/dev/null)"; done | sort -nr | head -5',
    '316 1 process_api',
    '134 20010 watchd',
    '10 2896 memfd:sealed-91',
    '9 2897 bash',
    '7 6680 memfd:sealed-91',
    "$ for p in /proc/[0-9]*; do printf '%7d %s\\n' $(ls $p/fd 2>/dev/null | wc -l) ${p#/proc/}; done | sort -nr | head -5",
    '    316 1',
    '    134 20010',
    '     10 2896',
    '      9 2897',
    '      7 6680',
  ];
  const result = await analyzeTranscript(`${t3.join('\n')}\n`, 'counts.txt', now);
  const byPid = new Map(result.processes?.map((p) => [p.pid, p]));
  assert.deepEqual([byPid.get(20010)?.command, byPid.get(20010)?.fdCount], ['watchd', 134]);
  assert.deepEqual([byPid.get(1)?.command, byPid.get(1)?.fdCount], ['process_api', 316]);
});
