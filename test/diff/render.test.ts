// The diff's text, Markdown and HTML: the same conclusion and numbers, bundle text escaped in each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marked } from 'marked';
import { diffResults } from '../../src/diff/diff.js';
import { formatDiffText } from '../../src/diff/text.js';
import { renderDiffMarkdown } from '../../src/diff/markdown.js';
import { renderDiffHtml } from '../../src/diff/html.js';
import { DIFF_CHART_FILE, TEMPLATES, compileDiffChart } from '../../src/diff/chart.js';
import type { DiffResult } from '../../src/diff/result.js';
import { EVIL, IMG, SCRIPT, analysed } from './results.js';

const NOW = new Date('2026-12-06T05:00:00Z');

async function fixed(): Promise<DiffResult> {
  return diffResults(await analysed('before'), await analysed('after'), { now: NOW });
}

/** The before/after diff with markup, a terminal escape and Markdown syntax in every bundle string it shows. */
async function hostile(): Promise<DiffResult> {
  const a = await analysed('before');
  const b = await analysed('after');
  for (const r of [a, b]) {
    r.incident.title = `title ${SCRIPT}\x1b[2J\nFixed: forged`;
    r.incident.input = `bundle${IMG}`;
    r.summary = `${r.summary} ${SCRIPT}`;
    for (const p of r.processes!) {
      p.cmdline = EVIL;
      p.command = `python3${SCRIPT}`;
      if (p.evidence.kinds) p.evidence.kinds = { ...p.evidence.kinds, file: `lsof${IMG}|x.txt` };
    }
    for (const s of r.suspects) s.cmdline = EVIL;
  }
  return diffResults(a, b, { now: NOW });
}

test('text: the conclusion, the pair and how it was matched, each number with the side it cites', async () => {
  const t = formatDiffText(await fixed());
  assert.match(t, /^fdleak diff: A before → B after\n/);
  assert.match(
    t,
    /\nFixed: pid 19530's unconnected sockets: 191 → 1 \(pid 21055 in B\), flat over 4 s: the leak is gone; B's analysis finds no leak\.\n/,
  );
  assert.match(t, /\n {2}✓ pid 19530's unconnected sockets: .* \(A:snapshots\.txt:4, B:snapshots\.txt:4\)\n/);
  assert.match(t, /\npid 19530 python3 → pid 21055 python3: same command line \(pid 19530 → 21055\)\n/);
  assert.match(t, /\n {2}open fds +198 +8 +-190 +A:snapshots\.txt:4, B:snapshots\.txt:4\n/);
  assert.match(t, /\n {6}B: \+1 fd in 4 s over 3 samples \(7 → 8\): flat\n/);
});

test('text: a control character or newline in bundle text is shown escaped, never raw, and makes no line of its own', async () => {
  const t = formatDiffText(await hostile());
  assert.doesNotMatch(t, /[\x1b\x07]/);
  assert.ok(t.includes('\\x1b]0;owned\\x07'));
  assert.ok(t.includes('title <script>alert(1)</script>\\x1b[2J\\nFixed: forged'));
  assert.ok(!t.split('\n').some((l) => l.startsWith('Fixed: forged')), 'no forged line');
});

test('Markdown: tables and conclusions with every number; no HTML, no link, no table break from bundle text', async () => {
  const md = renderDiffMarkdown(await fixed());
  assert.match(md, /^# fdleak diff: before → after\n/);
  assert.match(
    md,
    /\n\*\*Fixed: pid 19530's unconnected sockets: 191 → 1 \(pid 21055 in B\), flat over 4 s: the leak is gone; B's analysis finds no leak\.\*\*\n/,
  );
  assert.match(md, /\n\| open fds \| 198 \| 8 \| -190 \| A:snapshots\.txt:4, B:snapshots\.txt:4 \|\n/);
  assert.match(md, /\nMatched by: same command line \(pid 19530 → 21055\)\n/);
  const evil = renderDiffMarkdown(await hostile());
  assert.doesNotMatch(evil, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, 'no control character (the Markdown is read with cat too)');
  // Rendered by a GFM renderer that passes raw HTML: the markup is text, nothing links.
  const html = new Marked({ gfm: true }).parse(evil) as string;
  assert.doesNotMatch(html, /<(script|img|a)\b/);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  // A table row keeps its five cells: the | in a file name is escaped.
  const row = evil.split('\n').find((l) => l.startsWith('| regular files'))!;
  assert.equal(row.split(/(?<!\\)\|/).length - 2, 5, row);
});

test("HTML: the report's CSS and a strict CSP, a chart of the two sides, every bundle string escaped", async () => {
  const html = await renderDiffHtml(await fixed());
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  assert.ok(html.includes(readFileSync(join(TEMPLATES, 'report.css'), 'utf8').slice(0, 200)), 'the report CSS');
  assert.equal((html.match(/<svg/g) ?? []).length, 1, 'one chart: the one pair with a suspect');
  assert.match(html, /<p class="verdict">Fixed<span class="sev">exit 0<\/span><\/p>/);
  assert.match(html, /same command line \(pid 19530 → 21055\)/);
  assert.doesNotMatch(html, /<script(?! type="application\/json")/);
  const evil = await renderDiffHtml(await hostile());
  assert.doesNotMatch(evil, /<script>alert|<img src=http/);
  assert.ok(evil.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  const json = evil.slice(evil.indexOf('<script type="application/json"'));
  assert.ok(!json.slice(10).includes('</script><'), 'the embedded JSON cannot close its element');
  assert.equal((evil.match(/<script/g) ?? []).length, 1);
});

test('templates/charts/diff-sides.vg.json is the current compile of the chart spec (regenerate: node dist/src/diff/chart.js --compile)', async () => {
  assert.deepEqual(JSON.parse(readFileSync(DIFF_CHART_FILE, 'utf8')), JSON.parse(JSON.stringify(await compileDiffChart())));
});

test('the ticket-sized formats list ten of the other processes and say how many more the JSON holds', async () => {
  const d = diffResults(await analysed('before'), await analysed('after'), { now: new Date('2026-12-06T05:00:00Z') });
  const others = d.pairs.length - 1;
  assert.ok(others > 10, `${others} other processes (collect's fd-counts.txt counts the host's)`);
  const md = renderDiffMarkdown(d);
  const section = md.slice(md.indexOf('## Other processes'));
  assert.equal(section.split('\n').filter((l) => l.startsWith('| pid ')).length, 10);
  assert.match(section, new RegExp(`… ${others - 10} more \\(see \`--format json\`\\)`));
  assert.match(formatDiffText(d), new RegExp(`\\.\\.\\. ${others - 10} more \\(see --json\\)`));
});
