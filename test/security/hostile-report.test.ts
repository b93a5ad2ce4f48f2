// Item 5 of issue 18 and "keep them closed": a bundle full of payloads (hostile-bundle.ts) is
// rendered as HTML, PDF and Markdown; each is opened in Chromium with JavaScript on (the Markdown
// through marked, a GFM renderer that passes raw HTML) and a listener on every request: no request
// is made, no element that loads or runs anything is created, no dialog opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marked } from 'marked';
import type { Browser, Page } from 'puppeteer-core';
import { IN_CI } from '../helpers.js';
import { analyzeBundle } from '../../src/analysis.js';
import { renderReport } from '../../src/report/render.js';
import { Printer, printPdf } from '../../src/report/pdf.js';
import { closeBrowser, findChrome, launchBrowser } from '../../src/report/browser.js';
import type { AnalysisResult } from '../../src/result.js';
import { LIVE_TAGS_SCRIPT, hostileBundle } from './hostile-bundle.js';

let chrome: string | null = null;
try {
  chrome = findChrome();
} catch (err) {
  if (IN_CI) throw err;
}
const skip = chrome === null ? 'no Chrome/Chromium installed' : false;

let dir: string;
let browser: Browser;
let printer: Printer;
let result: AnalysisResult;
let notes: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fdleak-hostile-'));
  const analysis = await analyzeBundle(hostileBundle(join(dir, 'bundle')));
  result = analysis.result;
  notes = analysis.notes!.text;
  if (chrome) {
    browser = await launchBrowser(chrome);
    printer = await Printer.open(browser);
  }
});
after(async () => {
  if (printer) await printer.close();
  if (browser) await closeBrowser(browser);
  rmSync(dir, { recursive: true, force: true });
});

/** Loads `html` as the page's document with JavaScript on; returns what it tried and made. */
async function load(html: string): Promise<{ requests: string[]; live: string[]; dialogs: string[]; page: Page }> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(true);
  await page.setRequestInterception(true);
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (req) => {
    if (req.url() === 'about:blank') return void req.continue();
    requests.push(req.url());
    void req.abort('blockedbyclient');
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.setContent(html, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 200));
  const live = (await page.evaluate(LIVE_TAGS_SCRIPT)) as string[];
  return { requests, live, dialogs, page };
}

test('the hostile bundle fills the report: its payloads reach the title, root cause, thread and notes', () => {
  assert.equal(result.verdict, 'leak');
  assert.ok(result.rootCause?.message?.includes('<img src='), JSON.stringify(result.rootCause?.message));
  assert.match(result.incident.title ?? '', /<script>/);
  assert.match(notes, /table-img/);
});

test('Markdown reports (summary and full), rendered by marked (GFM) in Chromium: no request, no live tag, no dialog', {
  skip,
}, async () => {
  for (const format of ['md', 'md-full'] as const) {
    const md = (await renderReport(result, format, { notes })) as string;
    assert.doesNotMatch(md, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, 'the Markdown holds no control character (it is read with cat too)');
    const html = new Marked({ gfm: true }).parse(md) as string;
    const { requests, live, dialogs, page } = await load(`<!doctype html><html><body>${html}</body></html>`);
    try {
      assert.deepEqual(requests, [], format);
      assert.deepEqual(live, [], format);
      assert.deepEqual(dialogs, [], format);
      const text = (await page.evaluate('document.body.innerText')) as string;
      assert.match(text, /<img src=http:\/\/127\.0\.0\.1:9\/img>/, `${format}: the payloads are still there, as text`);
      if (format === 'md-full') assert.match(text, /table-img/);
    } finally {
      await page.close();
    }
  }
});

test('HTML report in Chromium with JavaScript on: no request, no live tag from the bundle, no dialog', { skip }, async () => {
  const html = (await renderReport(result, 'html', { notes })) as string;
  const { requests, live, dialogs, page } = await load(html);
  try {
    assert.deepEqual(requests, []);
    assert.deepEqual(live, []);
    assert.deepEqual(dialogs, []);
  } finally {
    await page.close();
  }
});

test('PDF report: Chromium prints it without a single request', { skip }, async () => {
  const html = (await renderReport(result, 'html', { notes })) as string;
  const { pdf, blocked } = await printPdf(html, result.incident.title ?? 'x', printer);
  assert.deepEqual(blocked, []);
  assert.ok(pdf.length > 10_000);
});
