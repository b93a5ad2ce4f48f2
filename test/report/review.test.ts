// What a reviewer found reading the rendered reports of the samples and of corpus cases of different
// shapes: each test holds one finding to its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';
import { buildView } from '../../src/report/view.js';
import { chartSvg } from '../../src/report/charts.js';
import { renderMarkdownSummary } from '../../src/report/markdown.js';
import { renderHtml } from '../../src/report/html.js';
import { loadResult } from './results.js';
import { CASES_DIR, readCase } from '../accuracy/score.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const analysed = new Map<string, Promise<AnalysisResult>>();

/** A corpus case's analysis, once per run. */
function corpus(id: string): Promise<AnalysisResult> {
  let r = analysed.get(id);
  if (!r) {
    r = analyzeBundle(join(CASES_DIR, id, readCase(id).input), { now: NOW }).then((a) => a.result);
    analysed.set(id, r);
  }
  return r;
}

test('root cause not established: the strace asked for names the suspect as the bundle does, never PID', async () => {
  // dockerd is known by its pid file only: the capture runs the lookup, as every other capture asked for it.
  const docker = buildView(await corpus('gh-dockerd-journald-deleted-count'));
  assert.equal(docker.rootCause.capture, 'timeout -s INT 60 strace -f -tt -T -y -s 256 -p $(cat /var/run/docker.pid) -o strace-docker.txt');
  assert.match(docker.rootCause.statement, /the process named docker/);
  // A pid: as before.
  const xapi = buildView(await corpus('gh-xapi-squeezed-fd-count-1023'));
  assert.equal(xapi.rootCause.capture, 'timeout -s INT 60 strace -f -tt -T -y -s 256 -p 1590 -o strace-1590.txt');
});

test('root cause not established and no suspect: nothing to trace, no strace of PID asked for', async () => {
  // bpftrace ran out under `ulimit -n 10`: no process leaks, the limit explains it.
  const result = await corpus('gh-bpftrace-emfile-at-ulimit-10');
  assert.equal(result.suspects.length, 0);
  const view = buildView(result);
  assert.equal(view.rootCause.capture, null);
  assert.doesNotMatch(view.rootCause.statement, /suspect/);
  assert.match(view.summary.rootCause!.statement, /no process leaking/);
  const md = renderMarkdownSummary(result);
  assert.doesNotMatch(md, /-p PID/);
});

test('root cause not established with a strace of the suspect in the bundle: the report does not ask for one as if there were none', async () => {
  // agentd's strace now gives the root cause (the fd its children kept): without one, as a result
  // may be, the view still says what the strace caught.
  const view = buildView({ ...(await corpus('c-agentd-cloexec-children')), rootCause: null });
  assert.match(view.rootCause.statement, /step 8 shows what its strace caught/);
  assert.match(view.rootCause.capture!, /-p 22317 /);
});

test('the table of processes by open fds shows the suspect, however far down the host it ranks', async () => {
  // agentd holds 5 fds, 72nd of 152 processes: its children hold its fds.
  const result = await corpus('c-agentd-cloexec-children');
  const step4 = buildView(result).steps.find((s) => s.step === 4)!;
  const table = step4.findings[0].details.find((d) => d.type === 'table');
  assert.ok(table && table.type === 'table');
  const row = table.rows.find((r) => r.cells[0] === '22317');
  assert.ok(row, 'the suspect is a row of the table');
  assert.equal(row.highlight, true);
  assert.equal(table.rows.length, 6);
  const chart = step4.findings[0].details.find((d) => d.type === 'chart' && d.chart === 'fd-by-process');
  assert.ok(chart && chart.type === 'chart' && chart.data.some((p) => p.pid === 22317 && p.suspect === true), 'and a bar of the chart');
});

test('a count of one takes the singular: "1 inherited fd", "(lsof, 1 record)"', async () => {
  const result = await corpus('gh-sdorfehs-devnull-inherited-by-shell');
  const view = buildView(result);
  assert.equal(view.summary.rows.find((r) => r.label === 'Leaking')?.value, '1 inherited fd');
  const html = await renderHtml(result);
  assert.doesNotMatch(html, /\b1 records\b/);
  assert.match(html, /\(app-log, 1 record\)/);
  assert.equal(
    buildView(loadResult('tomcat')).summary.rows.find((r) => r.label === 'Leaking')?.value,
    '64,214 sockets in no connection table',
  );
});

test('fd kinds are named in words, never by their ids, in step 7 and in the chart of what the suspect holds', async () => {
  const tomcat = loadResult('tomcat');
  const step7 = tomcat.findings.find((f) => f.step === 7 && f.status === 'fail')!;
  const table = step7.details!.find((d) => d.type === 'table');
  assert.ok(table && table.type === 'table');
  assert.deepEqual(table.rows.at(-1)!.slice(0, 3), ['lsof (pid 25204)', 'sockets in no connection table', 64214]);
  // relay's listing shows its kinds: the chart's bars say what they are.
  const relay = await corpus('c-relay-unix-ff-and-merged');
  const kinds = relay.findings.flatMap((f) => f.details ?? []).find((d) => d.type === 'chart' && d.chart === 'fd-kinds');
  assert.ok(kinds && kinds.type === 'chart');
  assert.deepEqual(kinds.data.map((d) => d.kind).sort(), ['devices', 'regular files', 'unix sockets']);
  const ids = /\b(?:socket-(?:unconnected|tcp|udp|unix|other)|deleted-file|anon-inode)\b/;
  for (const r of [tomcat, relay])
    for (const f of r.findings)
      for (const d of f.details ?? [])
        if (d.type === 'table' || d.type === 'chart') assert.doesNotMatch(JSON.stringify(d.type === 'table' ? d.rows : d.data), ids, f.id);
});

test('a finding that opens with a process known without its pid opens with a capital: "The process named bpftrace may open only 10 files"', async () => {
  for (const id of ['gh-bpftrace-emfile-at-ulimit-10', 'gh-tio-devnull-strace-emfile', 'gh-dockerd-journald-deleted-count']) {
    for (const f of (await corpus(id)).findings) {
      if (f.status === 'missing-evidence') continue;
      assert.doesNotMatch(f.title, /^[a-z]/, `${id} ${f.id}: ${f.title}`);
      assert.doesNotMatch(f.detail, /^the /, `${id} ${f.id}: ${f.detail}`);
    }
  }
  const limit = (await corpus('gh-bpftrace-emfile-at-ulimit-10')).findings.find((f) => f.step === 6 && f.status === 'fail')!;
  assert.match(limit.detail, /^The process named bpftrace may open only 10 files/);
});

test('a strace without a tid column shows no tid 0 in its tables: the thread is the traced thread', async () => {
  // tio and bpftrace were traced with `strace PROG`: their lines carry no pid or tid.
  for (const id of ['gh-tio-devnull-strace-emfile', 'gh-bpftrace-emfile-at-ulimit-10']) {
    const f = (await corpus(id)).findings.find((x) => x.step === 8 && x.details?.some((d) => d.type === 'table'))!;
    for (const d of f.details!)
      if (d.type === 'table') for (const row of d.rows) assert.deepEqual(row.slice(0, 2), [null, 'the traced thread'], id);
    const html = await renderHtml(await corpus(id));
    assert.doesNotMatch(html, /<td class="num">0<\/td><td[^>]*>—<\/td>/, `${id}: no tid 0 without a thread name`);
  }
});

test('a basis said in parentheses has none of its own: "(transcript.md: ulimit -n 10, typed in …)", "(lines of `netstat -nat |wc -l`, headers included)"', async () => {
  const bpftrace = await corpus('gh-bpftrace-emfile-at-ulimit-10');
  assert.match(
    bpftrace.summary,
    /under a limit of 10 \(transcript\.md: ulimit -n 10, typed in the shell that then started bpftrace under strace\),/,
  );
  const netstat = loadResult('tomcat').findings.find((f) => f.step === 1)!;
  assert.match(netstat.detail, /^netstat shows 881 \(lines of `netstat {2}-nat \|wc -l`, headers included\) but/);
  for (const r of [bpftrace, loadResult('tomcat')]) {
    for (const text of [r.summary, ...r.findings.map((f) => f.detail)]) assert.doesNotMatch(text, /\([^()]*\([^()]*\)\)/, text);
  }
});

test('the better strace a capture note asks for traces the process the bundle traced, by its pid or its lookup, not PID', async () => {
  const relay = (await corpus('c-relay-unix-ff-and-merged')).findings.find((f) => f.id === 'capture-quality')!;
  const table = relay.details!.find((d) => d.type === 'table');
  assert.ok(table && table.type === 'table');
  const straces = table.rows.map((r) => String(r[1])).filter((c) => c.includes('strace'));
  assert.ok(straces.length > 0);
  for (const c of straces) assert.equal(c, 'timeout -s INT 60 strace -f -tt -T -y -s 256 -p 30613 -o strace-30613.txt');
  const bpftrace = (await corpus('gh-bpftrace-emfile-at-ulimit-10')).findings.find((f) => f.id === 'capture-quality')!;
  assert.match(bpftrace.command!, /-p \$\(pgrep bpftrace\) /);
});

test('a root cause whose calls worked (connect = 0) is no failure path: its window is printed as the reasons print it, and the fix sends no one to a dependency', async () => {
  const relay = await corpus('c-relay-unix-ff-and-merged');
  assert.match(relay.rootCause!.statement, /in the 5 s window/);
  assert.ok(relay.suspects[0].reasons.some((r) => / in 5 s /.test(r.statement)));
  assert.match(relay.rootCause!.statement, /, and around its leaks it wrote "ERROR publish 1053: socket: Too many open files"/);
  const fix = relay.remedies.fix.map((r) => r.map((p) => ('text' in p ? p.text : p.code)).join(''));
  assert.ok(!fix.some((f) => /dependency/.test(f)), fix.join('\n'));
  // A connect that fails is one: tomcat's root cause and remedy are as they were.
  const tomcat = loadResult('tomcat');
  assert.match(tomcat.rootCause!.statement, /in the 61\.3 s window .*, and around each failure it wrote/);
  assert.ok(tomcat.remedies.fix.some((r) => r.some((p) => 'text' in p && /the dependency it tries to reach/.test(p.text))));
});

test("the missing list asks for a process's limit once, the way every other place asks for it", async () => {
  // sdorfehs's shell has no limits file: step 6 and what would decide both ask for it.
  const view = buildView(await corpus('gh-sdorfehs-devnull-inherited-by-shell'));
  const step6 = view.missing.find((m) => m.step === 6)!;
  const limits = step6.commands.filter((c) => c.includes('/proc/470913/limits'));
  assert.deepEqual(limits, ['cat /proc/470913/limits > proc-470913-limits.txt']);
  assert.equal(step6.what.split('; ').filter((w) => w.startsWith('the open-files limit of pid 470913')).length, 1, step6.what);
});

test('a chart of counts ticks whole numbers: no 0.5 of an fd on a short axis', async () => {
  const labels = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  for (const view of [
    {
      chart: 'fd-kinds' as const,
      data: [
        { kind: 'inherited fds', count: 1 },
        { kind: 'other fds', count: 4 },
      ],
    },
    {
      chart: 'fd-by-process' as const,
      data: [
        { pid: 470913, command: 'bash', fds: 5, limit: null, suspect: true },
        { pid: null, command: 'sdorfehs', fds: 7, limit: null, suspect: false },
      ],
    },
    { chart: 'socket-counts' as const, data: [{ source: 'ss -s', measure: 'closed', value: 3 }] },
    {
      chart: 'leaks-over-time' as const,
      data: [
        { time: '2019-07-21 23:13:00.8', tid: 1, thread: null, count: 1 },
        { time: '2019-07-21 23:13:02.8', tid: 1, thread: null, count: 2 },
      ],
    },
  ]) {
    const svg = await chartSvg(view);
    assert.ok(svg, view.chart);
    const ticks = labels(svg).filter((t) => /^[\d,.]+$/.test(t));
    assert.ok(ticks.length > 1, `${view.chart}: ticks ${ticks.join(' ')}`);
    assert.deepEqual(
      ticks.filter((t) => t.includes('.')),
      [],
      `${view.chart}: ${ticks.join(' ')}`,
    );
    // One tick at 0: ticks at 0.2 and 0.4 printed as whole numbers would repeat it.
    assert.equal(ticks.filter((t) => t === '0').length, 1, `${view.chart}: ${ticks.join(' ')}`);
  }
  // A large axis keeps its round steps.
  const big = labels((await chartSvg({ chart: 'fd-kinds', data: [{ kind: 'sockets', count: 64214 }] }))!);
  assert.ok(big.includes('60,000'), big.join(' '));
});

test('a process whose fds the bundle does not list by kind is not said to hold "fds of another kind"; a lower bound is "among at least 5 fds"', async () => {
  // squeezed: 1,023 fds by `ls /proc/1590/fd | wc -l`, no listing.
  const xapi = await corpus('gh-xapi-squeezed-fd-count-1023');
  const table = xapi.findings.find((f) => f.step === 4)!.details!.find((d) => d.type === 'table');
  assert.ok(table && table.type === 'table');
  assert.equal(table.rows[0].at(-1), 'kinds not in the bundle');
  assert.doesNotMatch(await renderHtml(xapi), /fds of another kind/);
  const sdorfehs = await corpus('gh-sdorfehs-devnull-inherited-by-shell');
  const captions = sdorfehs.findings.flatMap((f) => f.details ?? []).map((d) => d.caption ?? '');
  assert.ok(captions.includes('What pid 470913 holds: its inherited fds among at least 5 fds'), captions.join('\n'));
  assert.ok(!captions.some((c) => /its at least/.test(c)));
});

test("what to monitor is the suspect's own kind of fd, with its pid (or lookup) in the commands, never PID when the bundle knows it", async () => {
  const text = (r: AnalysisResult) => r.remedies.monitor.map((m) => m.map((p) => ('text' in p ? p.text : `\`${p.code}\``)).join(''));
  // dockerd holds deleted files: TCP sockstat and netstat watch nothing that leaks there.
  const docker = text(await corpus('gh-dockerd-journald-deleted-count'));
  assert.equal(
    docker[0],
    "Deleted files it still holds open (disk space not freed): `ls -l /proc/$(cat /var/run/docker.pid)/fd | grep -c '(deleted)'`; alert when the count keeps growing.",
  );
  assert.ok(!docker.some((m) => /sockstat|netstat/.test(m)), docker.join('\n'));
  assert.ok(docker.some((m) => m.includes('`ls /proc/$(cat /var/run/docker.pid)/fd | wc -l`')));
  assert.ok(!docker.some((m) => /\bPID\b/.test(m)));
  // The Tomcat leak is of TCP sockets: sockstat and netstat stay, and the count is pid 25204's.
  const tomcat = text(loadResult('tomcat'));
  assert.ok(tomcat.some((m) => m.startsWith('`alloc - inuse`')));
  assert.ok(tomcat.some((m) => m.includes('`ls /proc/25204/fd | wc -l`')));
  assert.ok(tomcat.some((m) => m.startsWith('Not netstat')));
  // agentd's children hold its fds: their counts are what grows.
  const agentd = text(await corpus('c-agentd-cloexec-children'));
  assert.equal(
    agentd[0],
    'The fds its children hold (copies that crossed execve): `for c in $(pgrep -P 22317); do echo "$c $(ls /proc/$c/fd | wc -l)"; done`; alert when their counts keep growing.',
  );
  // No process: every process, PID as the placeholder of a command to adapt.
  const healthy = text(loadResult('no-leak'));
  assert.ok(healthy.some((m) => m.includes('`ls /proc/PID/fd | wc -l`')));
});

test('a process that ran out under a limit too small for any program: the fix is the limit, not "the evidence does not show which process leaks"', async () => {
  const bpftrace = await corpus('gh-bpftrace-emfile-at-ulimit-10');
  assert.match(bpftrace.summary, /the limit explains it, not a leak/);
  const fix = bpftrace.remedies.fix.map((r) => r.map((p) => ('text' in p ? p.text : p.code)).join(''));
  assert.equal(fix.length, 1);
  assert.match(
    fix[0],
    /^Nothing in the code to fix yet: the process named bpftrace ran out of fds under a limit of 10, too small for any program\. Start it under a usual limit/,
  );
  assert.doesNotMatch(fix[0], /does not show which process leaks/);
  // An inconclusive with a candidate keeps its "capture what would decide".
  const xapi = (await corpus('gh-xapi-squeezed-fd-count-1023')).remedies.fix.map((r) =>
    r.map((p) => ('text' in p ? p.text : p.code)).join(''),
  );
  assert.match(xapi[0], /^Nothing to fix yet: the evidence does not show which process leaks/);
});

test("the ticket summary's missing captures start with the suspect's own, unless its summary lists them as what would decide", async () => {
  const missingOf = (md: string) =>
    md
      .slice(md.indexOf('## Missing evidence'))
      .split('\n')
      .filter((l) => l.startsWith('- '));
  // dockerd's deleted files: its own fds, its pid, its limit; not netstat, ss and sockstat.
  const docker = missingOf(renderMarkdownSummary(await corpus('gh-dockerd-journald-deleted-count')));
  assert.deepEqual(
    docker.map((l) => l.slice(0, 9)),
    ['- Step 4:', '- Step 5:', '- Step 6:'],
  );
  assert.match(docker[0], /lsof -n -p \$\(cat \/var\/run\/docker\.pid\)/);
  // squeezed (inconclusive): "What would decide" has its captures; the missing list goes on in step order.
  const xapi = missingOf(renderMarkdownSummary(await corpus('gh-xapi-squeezed-fd-count-1023')));
  assert.match(xapi[0], /^- Step 1: /);
});

test('one process counted is not "none of the 1 counted processes"', async () => {
  const f = (await corpus('gh-bpftrace-emfile-at-ulimit-10')).findings.find((x) => x.step === 4)!;
  assert.match(
    f.detail,
    /^The only process counted is the process named bpftrace \(its pid is not in the bundle; named by the strace in transcript\.md\), with at least 6 fds; it shows no sign of a leak/,
  );
  assert.doesNotMatch(f.detail, /none of the 1 /);
  assert.match(loadResult('no-leak').findings.find((x) => x.step === 4)!.detail, /^The (largest holder|only process counted) is pid 31486/);
});

test('a process named without its pid is named in full once per finding; titles, captions and actions name it briefly', async () => {
  const docker = await corpus('gh-dockerd-journald-deleted-count');
  const tio = await corpus('gh-tio-devnull-strace-emfile');
  for (const f of tio.findings.filter((x) => x.status === 'fail' && x.step > 0)) {
    assert.doesNotMatch(f.title, /its pid is not in the bundle/, f.title);
    for (const d of f.details ?? []) assert.doesNotMatch(d.caption ?? '', /its pid is not in the bundle/, d.caption);
  }
  const step4 = docker.findings.filter((f) => f.step === 4 && f.status === 'fail');
  assert.ok(step4.length > 0);
  for (const f of step4) {
    assert.doesNotMatch(f.title, /its pid is not in the bundle/, f.title);
    for (const d of f.details ?? []) assert.doesNotMatch(d.caption ?? '', /its pid is not in the bundle/, d.caption);
  }
  assert.ok(
    step4.some((f) =>
      /^The process named docker \(its pid is not in the bundle; named by the pid file \/var\/run\/docker\.pid\)/.test(f.detail),
    ),
  );
  const stopGap = docker.remedies.stopGap.map((r) => r.map((p) => ('text' in p ? p.text : p.code)).join(''));
  assert.match(stopGap[0], /^Restart the process named docker in a quiet window/);
  // A process with a pid: as before.
  assert.match(loadResult('tomcat').findings.find((f) => f.step === 4)!.title, /^pid 25204 \(java\) holds the leaked fds$/);
});

test('counts read as sentences: no "(unknown)" program, no "0 more", no "1 fds were", no "0 s" window, no parentheses in parentheses', async () => {
  // bpftune: a pid whose program the bundle does not name.
  assert.match((await corpus('gh-bpftune-at-soft-limit')).summary, /^pid 950 is the likeliest holder/);
  // agentd's own count did not move: its growth is none, and its timeline says the count stayed.
  const agentd = await corpus('c-agentd-cloexec-children');
  assert.match(
    buildView(agentd).summary.rows.find((r) => r.label === 'Growth')!.value,
    /^none \(the same count over 4 s, 5 samples in agentd-fdcount\.txt\)$/,
  );
  assert.ok(agentd.timeline.some((e) => e.label === 'pid 22317: the same fd count as the first'));
  const node = (await corpus('gh-node-cluster-primary-emfile-strace')).findings.find((f) => f.step === 8)!;
  assert.match(node.detail, /^In under 0\.1 s of strace .*\(1 fd was already open before the capture began\)/);
  const containerd = await corpus('gh-cri-containerd-sockets-at-1024');
  assert.equal(
    containerd.suspects[0].fdCountBasis,
    // The reporter's `# containerd` after the command is a shell comment, no part of the command.
    'sudo ls -al /proc/3113/fd | wc -l: minus ls -l\'s "total" line and ls -a\'s . and ..',
  );
});
