import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdownFull, notesMarkdown } from '../../src/report/markdown.js';
import { renderReport, parseFormats, outputPaths, reportName } from '../../src/report/render.js';
import { buildView } from '../../src/report/view.js';
import { EVIL, HOSTILE_NOTES, IMG, RESULTS, SCRIPT, hostileResult, loadResult } from './results.js';

const SECTION_IDS = ['summary', 'incident', 'timeline', 'root-cause', 'remedies', 'appendix'];

/** The JSON embedded in the page, parsed back. */
function embedded(html: string): unknown {
  const m = /<script type="application\/json" id="fdleak-result">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(m, 'result JSON embedded');
  return JSON.parse(m[1]);
}

for (const name of RESULTS) {
  test(`${name}: renders to HTML with every section, a strict CSP and the result embedded`, async () => {
    const result = loadResult(name);
    const html = await renderHtml(result);
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
    );
    for (const id of SECTION_IDS) assert.ok(html.includes(`id="${id}"`), `section ${id}`);
    assert.deepEqual(embedded(html), result);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the JSON script element');
    assert.deepEqual(attributes(html, /^(src|srcset|background)$/), [], 'nothing to fetch');
    assert.deepEqual(
      attributes(html, /^href$/).filter((h) => !h.startsWith('href="#')),
      [],
      'links stay in the page',
    );
    assert.doesNotMatch(html, /<link|@import|url\(/i);
  });

  test(`${name}: renders to Markdown (summary and full) without HTML and to JSON`, async () => {
    const result = loadResult(name);
    for (const format of ['md', 'md-full'] as const) {
      const md = (await renderReport(result, format)) as string;
      assert.match(md, /^# /);
      assert.match(md, /^## Step 12: Remedies$/m);
      if (format === 'md-full') assert.match(md, /^\|---\|/m, 'has a table');
      assert.deepEqual(rawTags(md), [], 'no raw HTML outside code');
    }
    assert.deepEqual(JSON.parse((await renderReport(result, 'json')) as string), result);
  });
}

test('tomcat HTML: summary, step sections, root cause, charts and remedies carry the numbers', async () => {
  const html = await renderHtml(loadResult('tomcat'));
  for (const step of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) assert.ok(html.includes(`id="step-${step}"`), `step ${step}`);
  assert.match(html, /strace -f -tt -T -y -s 256 -p 25204/, "the strace came from pid 4730: the suspect's own is asked for");
  assert.match(html, /pid 25204 \(java\)/);
  assert.match(html, /65,966/);
  assert.match(html, /64,214/);
  assert.match(html, /65,536/);
  assert.match(html, /Cat-ChannelManager/);
  assert.match(html, /\[ERROR\] \[ChannelManager\] Error when try connecting to \/host:2280/);
  assert.match(
    html,
    /<tr class="hl"><td class="ln">14<\/td><td class="tx">4783 {2}23:13:00\.817100 socket\(/,
    'decisive strace line highlighted with its original number',
  );
  assert.equal((html.match(/<svg/g) ?? []).length, 4, 'four charts: fds per process, fd kinds, leaks over time, socket counts');
  assert.match(html, /alloc - inuse/);
  assert.match(html, /id="method"/, 'the lessons are in an appendix by default');
  assert.doesNotMatch(await renderHtml(loadResult('tomcat'), { explain: false }), /id="method"|href="#lesson-/);
});

test('partial evidence: the missing steps list the exact capture commands; no-leak claims no root cause', async () => {
  const partial = await renderHtml(loadResult('partial'));
  assert.ok(partial.includes('id="missing"'));
  assert.match(partial, /<span class="prompt">\$ <\/span>timeout -s INT 60 strace -f -tt -T -y -s 256 -p 4684 -o strace-4684\.txt/);
  const healthy = await renderHtml(loadResult('no-leak'));
  assert.match(healthy, /No leak was found/);
  assert.doesNotMatch(healthy, /class="rootcause"/);
  const warned = loadResult('no-leak');
  for (const s of warned.sources) s.warnings.push(`${s.file}:3: not a count line`);
  const html = await renderHtml(warned);
  assert.equal(html.replace(/<script[\s\S]*<\/script>/, '').match(/not a count line/g)?.length, 1, 'one warning said once for every file');
});

test('hostile text from the bundle and the notes renders as text', async () => {
  const html = await renderHtml(hostileResult(), { notes: HOSTILE_NOTES });
  assert.equal((html.match(/<script/gi) ?? []).length, 1, 'only the JSON script element');
  assert.doesNotMatch(html, /<img|<iframe|<b onmouseover|javascript:/i);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the log line is shown as text');
  assert.ok(html.includes('&lt;img src&#x3D;http://example.invalid/x&gt;'), 'the img tag is shown as text');
  assert.match(html, /\[image: pic\]/, 'images in notes are named, not loaded');
  assert.deepEqual(attributes(html, /^(src|srcset|on\w+)$/i), [], 'no fetching or handler attributes');
  assert.deepEqual(
    attributes(html, /^style$/).filter((a) => a !== 'style="max-width:100%;height:auto"'),
    [],
    'only our own inline styles',
  );
  assert.deepEqual(
    attributes(html, /^href$/).filter((h) => !/href="(#|https?:)/.test(h)),
    [],
    'links keep safe schemes only',
  );
  const json = /id="fdleak-result">([\s\S]*?)<\/script>/.exec(html)![1];
  assert.ok(!json.includes('<') && !json.includes('\u2028'), 'embedded JSON escapes < and U+2028');
  assert.deepEqual(JSON.parse(json), hostileResult());
});

test('hostile Markdown: bundle text and notes cannot inject HTML', () => {
  const md = renderMarkdownFull(hostileResult(), { notes: HOSTILE_NOTES });
  assert.deepEqual(rawTags(md), []);
  assert.ok(md.includes(EVIL.slice(0, 20)) || md.includes('\\<script\\>'), 'the text is still there');
});

test('notesMarkdown turns raw HTML into text but keeps code blocks and Markdown', () => {
  const out = notesMarkdown(`Hi *there* ${SCRIPT}\n\n${IMG}\n\n\`\`\`\n<keep>\n\`\`\`\n`);
  assert.match(out, /Hi \*there\* &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(out, /&lt;img src=http&#58;\/\/example\.invalid\/x&gt;/, 'as text, and not autolinked');
  assert.match(out, /```\n<keep>\n```/);
});

test('analyst notes land next to their step, timeline and actions', async () => {
  const notes =
    '# My notebook\nIntro.\n## Timeline\n- 09:10 pager\n## Step 4: whatever\nThe java pid was obvious.\n## Actions\n- restart\n## Lessons learned\nMore tests.';
  const view = buildView(loadResult('tomcat'), { notes });
  assert.equal(view.steps.find((s) => s.step === 4)!.notes, 'The java pid was obvious.');
  assert.equal(view.timeline.notes, '- 09:10 pager');
  assert.equal(view.remedies.notes, '- restart');
  assert.equal(view.intro, 'Intro.');
  assert.deepEqual(view.otherNotes, [{ heading: 'Lessons learned', body: 'More tests.' }]);
});

test('view: the timeline is the result timeline, in time order', () => {
  const result = loadResult('tomcat');
  const view = buildView(result);
  assert.deepEqual(
    view.timeline.events.map((e) => e.evidence),
    result.timeline.slice(0, view.timeline.events.length).map((e) => `${e.evidence.file}:${e.evidence.line}`),
  );
  const at = result.timeline
    .map((e) => e.at)
    .filter((a): a is string => a !== null)
    .map((a) => Date.parse(a));
  assert.deepEqual(
    at,
    [...at].sort((a, b) => a - b),
  );
});

test('view: identifiers are not digit-grouped, counts are', () => {
  const view = buildView(loadResult('tomcat'));
  const table = view.steps.find((s) => s.step === 4)!.findings[0].details.find((d) => d.type === 'table');
  assert.ok(table && table.type === 'table');
  assert.deepEqual(table.rows[0].cells.slice(0, 3), ['25204', 'java', '65,966']);
  assert.equal(table.rows[0].highlight, true);
});

test('view: without a root cause the report says what to capture, with the suspect pid', () => {
  const view = buildView(loadResult('partial'));
  assert.equal(view.rootCause.known, false);
  assert.equal(view.rootCause.capture, 'timeout -s INT 60 strace -f -tt -T -y -s 256 -p 4684 -o strace-4684.txt');
  assert.deepEqual(
    view.missing.map((m) => m.step),
    [6, 8, 9, 10, 11],
  );
  assert.match(view.summary.rootCause!.statement, /Not established/);
});

test('formats, output paths and report names', () => {
  assert.deepEqual(parseFormats(['html,pdf', 'md', 'html']), ['html', 'pdf', 'md']);
  assert.deepEqual([...outputPaths(['md', 'md-full'], 'x', undefined, '/r').values()], ['/r/reports/x.md', '/r/reports/x.full.md']);
  assert.throws(() => parseFormats('docx'), /unknown report format "docx"/);
  assert.deepEqual([...outputPaths(['pdf'], 'x', 'out/a.pdf', '/r').values()], ['/r/out/a.pdf']);
  assert.deepEqual([...outputPaths(['html', 'md'], 'x', 'dir', '/r').values()], ['/r/dir/x.html', '/r/dir/x.md']);
  assert.deepEqual([...outputPaths(['json'], 'x', undefined, '/r').values()], ['/r/reports/x.json']);
  assert.equal(reportName('samples/tomcat-cat-leak/'), 'tomcat-cat-leak');
  assert.equal(reportName('/tmp/incident-7.tar.gz'), 'incident-7');
  assert.equal(reportName('write-up.md'), 'write-up');
});

/** Attributes (name="value") of real elements whose name matches, ignoring text inside quoted values. */
function attributes(html: string, name: RegExp): string[] {
  const found: string[] = [];
  const body = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/, '');
  for (const tag of body.matchAll(/<[a-zA-Z][\w:-]*((?:\s+[\w:-]+(?:="[^"]*"|='[^']*'|=[^\s>]+)?)*)\s*\/?>/g)) {
    for (const a of tag[1].matchAll(/([\w:-]+)(?:=("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      if (name.test(a[1])) found.push(`${a[1]}=${a[2] ?? ''}`);
    }
  }
  return found;
}

/** HTML tags in Markdown text, ignoring fenced code, code spans and backslash-escaped `<`. */
function rawTags(md: string): string[] {
  const found: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const f = /^(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1];
      else if (line.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const text = line.replace(/(`+)[\s\S]*?\1/g, '');
    for (const m of text.matchAll(/(^|[^\\])<\/?[A-Za-z!][^>]*>/g)) found.push(m[0]);
  }
  return found;
}

test("the sources appendix quotes each capture's command as code (its numbers are the command's own)", async () => {
  const { analyzeBundle } = await import('../../src/analysis.js');
  const { join } = await import('node:path');
  const { CASES_DIR } = await import('../accuracy/score.js');
  // openethereum/parity-ethereum#6780: `sysctl -w fs.file-max=1000000` is a command, not a count of ours.
  const file = join(CASES_DIR, 'gh-parity-accept-emfile-host-lsof-shell-ulimit', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  const md = renderMarkdownFull(result, {});
  assert.match(md, /\| `sysctl -w fs\.file-max=1000000` \|/);
  // A pipe inside the code span is escaped, or the table would split the cell.
  assert.match(md, /\| `grep listener \/var\/log\/parity\.log \\\| head -1` \|/);
  const html = await renderHtml(result, {});
  assert.match(html, /<td class="mono command"><code>sysctl -w fs\.file-max&#x3D;1000000<\/code><\/td>/);
});
