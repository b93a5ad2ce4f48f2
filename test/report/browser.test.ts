// Opens the HTML report in headless Chromium and prints the PDF. Needs a Chromium: skipped with a
// reason outside CI when none is installed, never skipped in CI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { IN_CI } from '../helpers.js';
import { BrowserNotFoundError, closeBrowser, findChrome, launchBrowser, lockedPage } from '../../src/report/browser.js';
import { renderHtml } from '../../src/report/html.js';
import { printPdf } from '../../src/report/pdf.js';
import { HOSTILE_NOTES, RESULTS, hostileResult, loadResult } from './results.js';

let chrome: string | null = null;
try {
  chrome = findChrome();
} catch (err) {
  if (IN_CI) throw err;
  console.log(`# skipping browser tests: ${(err as Error).message} (${(err as BrowserNotFoundError).hint})`);
}
const skip = chrome === null ? 'no Chrome/Chromium installed' : false;

let browser: Browser;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fdleak-report-test-'));
  if (chrome) browser = await launchBrowser(chrome);
});
after(async () => {
  if (browser) await closeBrowser(browser);
  rmSync(dir, { recursive: true, force: true });
});

async function open(html: string, name: string, javaScript: boolean) {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const { page, blocked } = await lockedPage(browser, url);
  if (javaScript) await page.setJavaScriptEnabled(true);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, blocked, dialogs };
}

test('a missing browser is a one-line error naming the install command', () => {
  assert.throws(
    () => findChrome({ PATH: '', CHROME_PATH: '/nonexistent/chrome' }, []),
    (err: BrowserNotFoundError) => err.message === 'no Chrome or Chromium found to print the PDF' && /apt-get install -y chromium/.test(err.hint),
  );
});

for (const name of RESULTS) {
  test(`${name}: the HTML opens offline with its sections and makes no request`, { skip }, async () => {
    const { page, blocked } = await open(await renderHtml(loadResult(name)), name, false);
    try {
      assert.deepEqual(blocked, []);
      for (const id of ['summary', 'incident', 'timeline', 'root-cause', 'remedies', 'appendix']) {
        assert.ok(await page.$(`section#${id}`), `section ${id}`);
      }
      const verdict = await page.$eval('#summary .verdict', (e) => e.textContent ?? '');
      assert.match(verdict, name === 'no-leak' ? /^No leak found/ : /^Leak found/);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(wide <= 0, `no horizontal overflow (${wide}px)`);
    } finally {
      await page.close();
    }
  });
}

test('hostile log lines and notes render as text: no script runs, no request leaves, even with JavaScript on', { skip }, async () => {
  const { page, blocked, dialogs } = await open(await renderHtml(hostileResult(), { notes: HOSTILE_NOTES }), 'hostile', true);
  try {
    assert.deepEqual(blocked, [], 'no request besides the page');
    assert.deepEqual(dialogs, [], 'no script ran');
    assert.equal(await page.$$eval('img, iframe, script:not([type="application/json"])', (els) => els.length), 0);
    const text = await page.$eval('#root-cause', (e) => e.textContent ?? '');
    assert.ok(text.includes('<script>alert(1)</script>'), 'the log line is visible as written');
    assert.ok(text.includes('<img src=http://example.invalid/x>'));
    const notes = await page.$eval('#step-4 .notes', (e) => e.textContent ?? '');
    assert.ok(notes.includes('<script>alert(1)</script>'));
  } finally {
    await page.close();
  }
});

test('PDF of the Tomcat result: header, page numbers, suspect pid, counts and root-cause line', { skip }, async () => {
  const { pdf, blocked } = await printPdf(await renderHtml(loadResult('tomcat')), { title: 'Tomcat on app-87: Too many open files', browser });
  assert.deepEqual(blocked, []);
  const file = join(dir, 'tomcat.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const needle of ['25204', '65,966', '64,214', '65,536', '[ERROR] [ChannelManager] Error when try connecting to /host:2280', 'Cat-ChannelManager']) {
    assert.ok(text.includes(needle), `PDF text contains ${needle}`);
  }
  const pages = text.split('\f').filter((p) => p.trim()).length;
  assert.ok(pages >= 3, `several pages (${pages})`);
  assert.match(text, new RegExp(`page 1 / ${pages}`));
  assert.match(text, /Tomcat on app-87: Too many open files/);
});

test('PDF of a hostile result makes no request and shows the markup as text', { skip }, async () => {
  const { pdf, blocked } = await printPdf(await renderHtml(hostileResult(), { notes: HOSTILE_NOTES }), { title: 'x <img src=http://example.invalid/t>', browser });
  assert.deepEqual(blocked, []);
  const file = join(dir, 'hostile.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('<script>alert(1)</script>'));
});
