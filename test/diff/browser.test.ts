// The diff's HTML opened in headless Chromium, the way the report's is (test/report/browser.test.ts):
// it renders offline, makes no request, and runs nothing from a hostile bundle even with JavaScript
// on. Skipped with a reason outside CI when no Chromium is installed, never skipped in CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Marked } from 'marked';
import { useChromium } from '../chromium.js';
import { diffResults } from '../../src/diff/diff.js';
import { renderDiffHtml } from '../../src/diff/html.js';
import { renderDiffMarkdown } from '../../src/diff/markdown.js';
import { EVIL, IMG, SCRIPT, analysed } from './results.js';

const chromium = useChromium('diff-browser');
const skip = chromium.skip;
const open = chromium.open;

test('before → after: the page opens offline with its conclusion, the pair, its chart and table, and makes no request', {
  skip,
}, async () => {
  const d = diffResults(await analysed('before'), await analysed('after'));
  const { page, blocked } = await open(await renderDiffHtml(d));
  try {
    assert.deepEqual(blocked, []);
    assert.equal(await page.$eval('#summary .verdict', (e) => e.textContent ?? ''), 'Fixedexit 0');
    assert.match(await page.$eval('#summary .sentence', (e) => e.textContent ?? ''), /^Fixed: pid 19530's unconnected sockets: 191 → 1/);
    assert.match(await page.$eval('#pair-0 h2', (e) => e.textContent ?? ''), /^pid 19530 python3 → pid 21055 python3$/);
    const svg = await page.$eval('#pair-0 figure svg', (e) => e.getBoundingClientRect().height);
    assert.ok(svg > 50, `the chart is drawn (${svg}px high)`);
    const first = await page.$$eval('#pair-0 table.pair-rows tbody tr:first-child td', (tds) => tds.map((t) => t.textContent ?? ''));
    assert.deepEqual(first.slice(0, 4), ['open fds', '198', '8', '-190']);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `no horizontal overflow (${wide}px)`);
  } finally {
    await page.close();
  }
});

test('hostile bundle text renders as text in the HTML and in the Markdown: no script runs, no request leaves, even with JavaScript on', {
  skip,
}, async () => {
  const a = await analysed('before');
  const b = await analysed('after');
  for (const r of [a, b]) {
    r.incident.title = `title ${SCRIPT}`;
    r.summary = `${r.summary} ${IMG}`;
    for (const p of r.processes!) {
      p.cmdline = EVIL;
      p.command = `python3${SCRIPT}`;
    }
  }
  const d = diffResults(a, b);
  const pages = {
    html: await renderDiffHtml(d),
    markdown: `<!doctype html><html><body>${new Marked({ gfm: true }).parse(renderDiffMarkdown(d)) as string}</body></html>`,
  };
  for (const [name, html] of Object.entries(pages)) {
    const { page, blocked, dialogs } = await open(html, true);
    try {
      assert.deepEqual(blocked, [], `${name}: no request besides the page`);
      assert.deepEqual(dialogs, [], `${name}: no script ran`);
      assert.equal(await page.$$eval('img, iframe, a[href^="http"], script:not([type="application/json"])', (els) => els.length), 0, name);
      // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, not the markup's text
      const text = await page.evaluate(() => document.body.innerText);
      assert.ok(text.includes(SCRIPT), `${name}: the markup is visible as written`);
    } finally {
      await page.close();
    }
  }
});
