// Opens the HTML report in headless Chromium and prints the PDF. Needs a Chromium: skipped with a
// reason outside CI when none is installed, never skipped in CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useChromium } from '../chromium.js';
import { type BrowserNotFoundError, findChrome } from '../../src/report/browser.js';
import { renderHtml } from '../../src/report/html.js';
import { Printer, printPdf } from '../../src/report/pdf.js';
import { HOSTILE_NOTES, RESULTS, hostileResult, loadResult } from './results.js';

const chromium = useChromium('report-test');
const skip = chromium.skip;
const open = chromium.open;

test('a missing browser is a one-line error naming the install command', () => {
  assert.throws(
    () => findChrome({ PATH: '', CHROME_PATH: '/nonexistent/chrome' }, []),
    (err: BrowserNotFoundError) =>
      err.message === 'no Chrome or Chromium found to print the PDF' && /apt-get install -y chromium/.test(err.hint),
  );
});

for (const name of RESULTS) {
  test(`${name}: the HTML opens offline with its sections and makes no request`, { skip }, async () => {
    const { page, blocked } = await open(await renderHtml(loadResult(name)));
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
  const { page, blocked, dialogs } = await open(await renderHtml(hostileResult(), { notes: HOSTILE_NOTES }), true);
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
  const { pdf, blocked } = await printPdf(
    await renderHtml(loadResult('tomcat')),
    'Tomcat on app-87: Too many open files',
    chromium.printer(),
  );
  assert.deepEqual(blocked, []);
  const file = join(chromium.dir(), 'tomcat.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const needle of [
    '25204',
    '65,966',
    '64,214',
    '65,536',
    '[ERROR] [ChannelManager] Error when try connecting to /host:2280',
    'Cat-ChannelManager',
  ]) {
    assert.ok(text.includes(needle), `PDF text contains ${needle}`);
  }
  const pages = text.split('\f').filter((p) => p.trim()).length;
  assert.ok(pages >= 3, `several pages (${pages})`);
  assert.match(text, new RegExp(`page 1 / ${pages}`));
  assert.match(text, /Tomcat on app-87: Too many open files/);
});

test('PDF of a hostile result makes no request and shows the markup as text', { skip }, async () => {
  const { pdf, blocked } = await printPdf(
    await renderHtml(hostileResult(), { notes: HOSTILE_NOTES }),
    'x <img src=http://example.invalid/t>',
    chromium.printer(),
  );
  assert.deepEqual(blocked, []);
  const file = join(chromium.dir(), 'hostile.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  assert.ok(text.includes('<script>alert(1)</script>'));
});

test('one printer prints report after report: each PDF its own page, each list of blocked requests its own', { skip }, async () => {
  const pdfText = (pdf: Buffer, name: string) => {
    const file = join(chromium.dir(), `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  };
  // A printer of its own: its first document has no Content-Security-Policy, so its image is
  // requested (and aborted) rather than refused by the policy of a report printed before it.
  const printer = await Printer.open(chromium.browser());
  try {
    const [first, second, third] = await Promise.all([
      printer.print('<p>first report</p><img src="http://example.invalid/pixel.png">', 'one'),
      printer.print('<p>second report</p>', 'two'),
      printer.print(await renderHtml(loadResult('tomcat')), 'three'),
    ]);
    assert.deepEqual(first.blocked, ['http://example.invalid/pixel.png']);
    assert.deepEqual(second.blocked, []);
    assert.deepEqual(third.blocked, []);
    const [a, b, c] = [pdfText(first.pdf, 'first'), pdfText(second.pdf, 'second'), pdfText(third.pdf, 'third')];
    assert.match(a, /first report/);
    assert.doesNotMatch(a, /second report/);
    assert.match(b, /second report/);
    assert.doesNotMatch(b, /first report/);
    assert.doesNotMatch(c, /first report|second report/);
    assert.match(c, /Leak found/);
  } finally {
    await printer.close();
  }
});
