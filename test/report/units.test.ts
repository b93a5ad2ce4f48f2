import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHARTS, COMPILED_DIR, chartSvg, compileChartSpecs } from '../../src/report/charts.js';
import { jsonForScript, mdCode, mdCodeBlock, mdText } from '../../src/report/escape.js';
import { parseNotes } from '../../src/report/notes.js';
import { notebookTemplate } from '../../src/report/notebook-template.js';
import { lesson } from '../../src/report/lessons.js';
import { instant, wallClock } from '../../src/times.js';
import type { ChartKind } from '../../src/report/view-model.js';
import { SCRIPT, loadResult } from './results.js';

test('templates/charts holds the current compile of every chart spec (regenerate: node dist-report/src/report/charts.js --compile)', async () => {
  const compiled = await compileChartSpecs();
  for (const kind of Object.keys(CHARTS) as ChartKind[]) {
    const stored = JSON.parse(readFileSync(join(COMPILED_DIR, `${kind}.vg.json`), 'utf8'));
    assert.deepEqual(stored, JSON.parse(JSON.stringify(compiled[kind])), kind);
  }
});

test('every chart kind renders to SVG, with bundle text escaped, and empty data draws nothing', async () => {
  const data: Record<ChartKind, Record<string, unknown>[]> = {
    'fd-by-process': [{ pid: 1, command: SCRIPT, fds: 10, limit: 20, suspect: true }],
    'fd-kinds': [{ kind: SCRIPT, count: 3 }],
    'leaks-over-time': [
      { time: '23:12:21.198', tid: 7, thread: SCRIPT, count: 1 },
      { time: '23:12:24.198', tid: 7, thread: SCRIPT, count: 2 },
    ],
    'socket-counts': [{ source: SCRIPT, measure: '"><b>', value: 3 }],
  };
  for (const kind of Object.keys(data) as ChartKind[]) {
    const svg = await chartSvg({ chart: kind, data: data[kind] });
    assert.ok(svg !== null, kind);
    assert.ok(svg.startsWith('<svg'), kind);
    assert.ok(!svg.includes('<script') && !svg.includes('<b>'), `${kind}: labels escaped`);
    assert.ok(svg.includes('&lt;script&gt;'), `${kind}: label shown`);
    assert.equal(await chartSvg({ chart: kind, data: [] }), null);
  }
});

test('escaping helpers', () => {
  assert.equal(jsonForScript({ a: '</script>\u2028\u2029' }), '{"a":"\\u003c/script>\\u2028\\u2029"}');
  assert.equal(mdText('a_b *c* <x> | [l](u)'), 'a\\_b \\*c\\* &lt;x&gt; \\| \\[l\\](u)');
  assert.equal(mdText('see http://x/a><b> www.x.org a@b.c & \r\n'), 'see http&#58;//x/a&gt;&lt;b&gt; www&#46;x.org a&#64;b.c &amp;  ');
  assert.equal(mdCode('uses ` tick'), '``uses ` tick``');
  assert.equal(mdCodeBlock(['```', 'x']), '````\n```\nx\n````');
});

test('times: clock times take the date and zone of their capture', () => {
  assert.equal(instant('23:13:21.204', '2019-07-21T23:13:22+08:00'), Date.UTC(2019, 6, 21, 15, 13, 21, 204));
  assert.equal(instant('07-21 22:13:21.188', '2019-07-22T09:39:30+08:00'), Date.UTC(2019, 6, 21, 14, 13, 21, 188));
  assert.equal(instant('1563722001.5'), 1563722001500);
  assert.equal(instant('23:13:21'), null, 'no date, no context');
  assert.equal(instant('yesterday'), null);
  assert.equal(wallClock('23:13:21.204'), Date.UTC(1970, 0, 1, 23, 13, 21, 204));
});

test('notes: sections by heading, fenced code kept whole, generated lines dropped', () => {
  const n = parseNotes(
    '# Title\nintro\n## Impact\nusers saw 502\n## step 3 - sockstat\n```\n## not a heading\n```\n> fdleak: generated\nmine\n## Root cause\nCAT\n## Other\nx\n',
  );
  assert.equal(n.intro, 'intro');
  assert.equal(n.impact, 'users saw 502');
  assert.equal(n.steps.get(3), '```\n## not a heading\n```\nmine');
  assert.equal(n.rootCause, 'CAT');
  assert.deepEqual(n.other, [{ heading: 'Other', body: 'x' }]);
});

test('notebook template: the headings the report weaves in, generated findings that the report does not repeat', () => {
  const md = notebookTemplate(loadResult('tomcat'));
  for (const h of [
    '## Timeline',
    '## Impact',
    '## Step 1: The connection table',
    '## Step 8: Catching the leak in the act',
    '## Step 11: Reading the log',
    '## Root cause',
    '## Actions',
  ]) {
    assert.ok(md.includes(`\n${h}\n`), h);
  }
  assert.match(md, /> fdleak: \[fail\] pid 25204 \(java\) holds the leaked fds\./);
  const parsed = parseNotes(md);
  assert.equal(parsed.steps.size, 0, 'untouched step sections add nothing');
  assert.match(parsed.actions, /alloc - inuse/);
});

test('a lesson exists for every step, in Markdown, covering the kernel source, columns, healthy values and wrong turns', () => {
  for (let step = 1; step <= 12; step++) {
    const text = lesson(step);
    assert.ok(text && text.length > 300, `step ${step}`);
    assert.doesNotMatch(text, /^# /m, 'the title line is removed');
    if (step <= 11) assert.match(text, /\*\*Wrong turns\.\*\*/, `step ${step} names wrong turns`);
  }
});
