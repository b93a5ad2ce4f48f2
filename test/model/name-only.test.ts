// A process the bundle names without its pid — `ls -l /proc/$(cat /var/run/docker.pid)/fd | grep
// deleted | wc -l`, `ls -l /proc/\`pgrep rsyslogd\`/fd` — is a suspect with pid null, named by how
// the bundle names it; never given a made-up pid. With its pid in the bundle it joins that process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { lookupText, pidLookup } from '../../src/model/pid-lookups.js';
import { formatSummary } from '../../src/cli/summary.js';
import { renderMarkdownFull } from '../../src/report/markdown.js';
import { contradictions } from '../accuracy/consistency.js';
import { diffResults } from '../../src/diff/diff.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const DOCKERD = join(CASES_DIR, 'gh-dockerd-journald-deleted-count', 'transcript.md');
const RSYSLOG = join(CASES_DIR, 'gh-rsyslog-imfile-rotated-fds', 'transcript.md');

test('a pid lookup: the name it gives, how a report names it, and the command that prints the pid', () => {
  const file = pidLookup('ls -l /proc/$(cat /var/run/docker.pid)/fd |grep deleted |wc -l');
  assert.deepEqual(file, { name: 'docker', by: 'pid-file', file: '/var/run/docker.pid' });
  assert.deepEqual(lookupText(file!), { namedBy: 'the pid file /var/run/docker.pid', pidCommand: 'cat /var/run/docker.pid' });
  const pgrep = pidLookup('ls -l /proc/`pgrep rsyslogd`/fd');
  assert.deepEqual(lookupText(pgrep!), { namedBy: 'pgrep rsyslogd', pidCommand: 'pgrep rsyslogd' });
  assert.equal(lookupText(pidLookup('ls /proc/$(pidof -s nginx)/fd | wc -l')!).pidCommand, 'pidof -s nginx');
  // A path from the bundle is one quoted shell word in the command shown to run.
  assert.equal(lookupText(pidLookup('cat /proc/$(cat /run/a;b/app.pid)/limits')!).pidCommand, "cat '/run/a;b/app.pid'");
  assert.equal(pidLookup('ls -l /proc/1234/fd'), undefined);
});

test('a pid file not named NAME.pid names its process by the file (rootlesskit#156: `$(cat /tmp/foo/child_pid)`)', () => {
  const child = pidLookup('ls /proc/$(cat /tmp/foo/child_pid)/fd | wc -l');
  assert.deepEqual(child, { name: 'child_pid', by: 'pid-file', file: '/tmp/foo/child_pid' });
  assert.deepEqual(lookupText(child!), { namedBy: 'the pid file /tmp/foo/child_pid', pidCommand: 'cat /tmp/foo/child_pid' });
  assert.equal(pidLookup('ls -l /proc/$(cat target/universal/stage/RUNNING_PID)/fd')?.name, 'RUNNING_PID');
  assert.equal(pidLookup('ls /proc/$(cat /run/app/pidfile)/fd')?.name, 'pidfile');
  // A file whose name says nothing of a pid, or two files, name no process.
  assert.equal(pidLookup('ls /proc/$(cat /tmp/foo/state)/fd'), undefined);
  assert.equal(pidLookup('ls /proc/$(cat /tmp/rapid)/fd'), undefined);
  assert.equal(pidLookup('cat /proc/$(cat /tmp/x y.pid)/limits'), undefined);
});

test("rootlesskit#156: the child's counts 7, 9, 11 through its pid file join one process known by that file", async () => {
  const transcript = [
    '```console',
    '$ ls /proc/$(cat /tmp/foo/child_pid)/fd | wc -l',
    '7',
    '$ curl -s http://localhost:8000 > /dev/null',
    '$ ls /proc/$(cat /tmp/foo/child_pid)/fd | wc -l',
    '9',
    '$ curl -s http://localhost:8000 > /dev/null',
    '$ ls /proc/$(cat /tmp/foo/child_pid)/fd | wc -l',
    '11',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(transcript, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, null);
  assert.equal(result.suspects[0]?.namedBy, 'the pid file /tmp/foo/child_pid');
});

test('dockerd through its pid file: 6,250 deleted fds are a leak of the process named docker, pid null', async () => {
  const { result } = await analyzeBundle(DOCKERD, { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.command, 'docker');
  assert.equal(s.namedBy, 'the pid file /var/run/docker.pid');
  assert.equal(s.pidCommand, 'cat /var/run/docker.pid');
  assert.deepEqual(s.leak, { kind: 'deleted-file', count: 6250 });
  assert.deepEqual(
    s.evidence.map((e) => e.line),
    [11],
  );
  assert.equal(
    result.summary,
    'The process named docker (its pid is not in the bundle; named by the pid file /var/run/docker.pid) leaks file descriptors: at least 6,250 fds, 6,250 of them deleted files still held open.',
  );
  assert.deepEqual(contradictions(result), []);
  // What would settle it asks for the pid first, then runs each capture through the pid file.
  const commands = result.missing.map((m) => m.command);
  assert.ok(commands.includes('cat /var/run/docker.pid'));
  assert.ok(commands.includes('cat /proc/$(cat /var/run/docker.pid)/limits > proc-docker-limits.txt'));
  assert.equal((result.processes ?? []).length, 1);
  assert.equal(result.processes![0].pid, null);
  assert.equal(result.processes![0].namedBy, 'the pid file /var/run/docker.pid');
  // Nothing stands in for the pid anywhere.
  const text = [JSON.stringify(result), formatSummary(result), renderMarkdownFull(result)].join('\n');
  assert.doesNotMatch(text, /pid -\d|\/proc\/-\d|-p -\d|--pid -\d|pid null/);
  assert.match(
    formatSummary(result),
    /Suspect the process named docker \(its pid is not in the bundle; named by the pid file \/var\/run\/docker\.pid\)/,
  );
});

test('rsyslogd through pgrep: its rotated copies held are a leak of kind file, pid null', async () => {
  const { result } = await analyzeBundle(RSYSLOG, { now });
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.namedBy, 'pgrep rsyslogd');
  assert.equal(s.leak.kind, 'file');
  assert.equal(s.reasons.find((r) => r.signal === 'rotated-files-held')?.weight, 3);
  assert.ok(result.missing.some((m) => m.command === 'cat /proc/$(pgrep rsyslogd)/limits > proc-rsyslogd-limits.txt'));
  assert.doesNotMatch(JSON.stringify(result), /pid -\d|\/proc\/-\d/);
});

test('with its pid in the bundle (pgrep printed it), the listing joins that pid as before', async () => {
  const text = readFileSync(RSYSLOG, 'utf8').replace(
    '# ls -l /proc/`pgrep rsyslogd`/fd',
    '# pgrep rsyslogd\n2316\n# ls -l /proc/`pgrep rsyslogd`/fd',
  );
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0].pid, 2316);
  assert.equal(result.suspects[0].namedBy, undefined);
  assert.ok((result.processes ?? []).every((p) => p.pid !== null));
});

test('a log is not tied to a process known by name alone by elimination: Elasticsearch at its limit blames nobody', async () => {
  // https://github.com/logsearch/logsearch-boshrelease/issues/93: `ls -l /proc/$( cat .../elasticsearch.pid )/fd | grep
  // logstash-2014.11.30 | wc -l` = 104 and a Lucene "Too many open files": legitimate demand, no suspect.
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-logsearch-es-low-limit-negative', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
});

test('fdleak diff: a process without a pid is named, never paired by a missing pid, and its captures run the lookup', async () => {
  const { result: a } = await analyzeBundle(DOCKERD, { now });
  const { result: b } = await analyzeBundle(RSYSLOG, { now });
  const d = diffResults(a, a, { now });
  assert.match(
    d.conclusions[0].text,
    /^the process named docker \(its pid is not in the bundle; named by the pid file \/var\/run\/docker\.pid\)/,
  );
  assert.doesNotMatch(JSON.stringify(d), /pid null|pid -\d|\/proc\/-\d/);
  // Two processes without pids are not the same one.
  const other = diffResults(a, b, { now });
  assert.ok(other.pairs.every((p) => p.a === null || p.b === null));
});

test('a syslog tag without a pid names its program: octo_parser ran out of fds, its pid not in the bundle', async () => {
  // https://github.com/Octopussy-Project/Octopussy/issues/227: `octo_parser: [CRITICAL] Unable to create new inotify object ...`
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-octopussy-inotify-emfile-syslog', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, null);
  assert.equal(s.command, 'octo_parser');
  assert.equal(s.namedBy, 'its log lines in transcript.md, which name their writer');
  assert.equal(s.pidCommand, 'pidof octo_parser');
  assert.match(
    s.ranOut?.statement ?? '',
    /^the process named octo_parser \(its pid is not in the bundle; named by its log lines in transcript.md/,
  );
  assert.doesNotMatch(JSON.stringify(result), /pid -\d|"pid":-\d/);
});

test("an unnamed listing (the shell's /proc/$$/fd) is not a process known by name alone by elimination", async () => {
  // https://github.com/jcs/sdorfehs/pull/68: `lsa /proc/$$/fd` (the shell, fds 0-2, 4, 255) and
  // `lsa /proc/\`pgrep -P1 sdorfehs\`/fd` (sdorfehs, fds 0-6).
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-sdorfehs-devnull-inherited-by-shell', 'transcript.md'), { now });
  const named = (result.processes ?? []).filter((p) => p.command === 'sdorfehs');
  assert.equal(named.length, 1);
  assert.equal(named[0].pid, null);
  assert.equal(named[0].fdCount, 7);
});
