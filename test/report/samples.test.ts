// Every bundled sample, analysed and rendered to every format: the HTML opened offline in Chromium
// (sections, no request, no script), the PDF's text holding the suspect, its counts and the root cause.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { IN_CI, ROOT } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';
import { closeBrowser, findChrome, launchBrowser, lockedPage } from '../../src/report/browser.js';
import { pdfTitle, renderReport } from '../../src/report/render.js';
import type { AnalysisResult } from '../../src/result.js';

let chrome: string | null = null;
try {
  chrome = findChrome();
} catch (err) {
  if (IN_CI) throw err;
  console.log(`# skipping sample PDF/browser checks: ${(err as Error).message}`);
}

const SAMPLES = readdirSync(resolve(ROOT, 'samples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
let browser: Browser;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fdleak-samples-'));
  if (chrome) browser = await launchBrowser(chrome);
});
after(async () => {
  if (browser) await closeBrowser(browser);
  rmSync(dir, { recursive: true, force: true });
});

/** Numbers as the report prints counts. */
const n = (v: number) => v.toLocaleString('en-US');

function needles(r: AnalysisResult): string[] {
  const s = r.suspects[0];
  const out = s ? [String(s.pid), ...(s.fdCount !== null ? [n(s.fdCount)] : []), ...(s.leak.count !== null ? [n(s.leak.count)] : [])] : [];
  if (r.rootCause?.message) out.push(r.rootCause.message);
  return out;
}

test('there are samples to render', () => assert.ok(SAMPLES.length >= 4, SAMPLES.join()));

for (const name of SAMPLES) {
  test(`sample ${name}: renders to HTML, Markdown, JSON${chrome ? ' and PDF, checked in Chromium' : ''}`, async () => {
    const { result, notes } = await analyzeBundle(resolve(ROOT, 'samples', name));
    const opts = { notes: notes?.text ?? null };
    const html = (await renderReport(result, 'html', opts)) as string;
    const md = (await renderReport(result, 'md', opts)) as string;
    const json = (await renderReport(result, 'json', opts)) as string;
    assert.deepEqual(JSON.parse(json).verdict, result.verdict);
    for (const text of needles(result)) {
      assert.ok(html.includes(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')) || html.includes(text), `HTML has ${text}`);
      assert.ok(md.includes(text) || md.includes(text.replace(/([\[\]_*])/g, '\\$1')), `Markdown has ${text}`);
    }
    assert.doesNotMatch(md, /<(script|img|div|span|table)\b/i, 'Markdown has no HTML');
    if (!chrome) return;

    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const { page, blocked } = await lockedPage(browser, url);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      for (const id of ['summary', 'incident', 'appendix']) assert.ok(await page.$(`section#${id}`), `section ${id}`);
      if (result.rootCause) assert.ok(await page.$('section#root-cause'), 'section root-cause');
      assert.deepEqual(blocked, [], 'no request besides the page');
      assert.deepEqual(dialogs, [], 'no script ran');
    } finally {
      await page.close();
    }

    const pdf = (await renderReport(result, 'pdf', { ...opts, browser })) as Buffer;
    const pdfFile = join(dir, `${name}.pdf`);
    writeFileSync(pdfFile, pdf);
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const needle of needles(result)) assert.ok(text.includes(needle), `PDF text has ${needle}`);
    assert.ok(text.includes(pdfTitle(result).replace(/\s+/g, ' ').slice(0, 30)), 'PDF header carries the title');
  });
}
