// Chromium for the tests that open or print a page: found once, launched before a file's tests and
// closed after them. Outside CI a missing Chromium skips those tests with a reason; in CI it fails.
import { before, after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { IN_CI } from './helpers.js';
import { type BrowserNotFoundError, closeBrowser, findChrome, launchBrowser, lockedPage } from '../src/report/browser.js';
import { Printer } from '../src/report/pdf.js';

export interface Chromium {
  /** The `skip` option of a test that needs Chromium: a reason, or false. */
  skip: string | false;
  /** The running browser (set once the file's `before` hook has run). */
  browser(): Browser;
  /** One of the file's printers (`printers` of them, opened on the browser), by any number. */
  printer(n?: number): Printer;
  /** A folder of the file's own, removed after its tests. */
  dir(): string;
  /** Shows `html` in a locked page (no request leaves it); JavaScript off unless asked. */
  open(html: string, javaScript?: boolean): Promise<{ page: Page; blocked: string[]; dialogs: string[] }>;
}

/**
 * Call at the top of a test file: registers the hooks that start and stop Chromium. A file whose
 * tests print side by side asks for as many printers (one page each) as it runs at once.
 */
export function useChromium(prefix: string, printers = 1): Chromium {
  let chrome: string | null = null;
  try {
    chrome = findChrome();
  } catch (err) {
    if (IN_CI) throw err;
    console.log(`# skipping browser tests: ${(err as Error).message} (${(err as BrowserNotFoundError).hint})`);
  }
  let browser: Browser | undefined;
  let pool: Printer[] = [];
  let dir = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), `fdleak-${prefix}-`));
    if (chrome) {
      const b = await launchBrowser(chrome);
      browser = b;
      pool = await Promise.all(Array.from({ length: printers }, () => Printer.open(b)));
    }
  });
  after(async () => {
    await Promise.all(pool.map((p) => p.close()));
    if (browser) await closeBrowser(browser);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    skip: chrome === null ? 'no Chrome/Chromium installed' : false,
    browser: () => browser!,
    printer: (n = 0) => pool[n % pool.length],
    dir: () => dir,
    async open(html, javaScript = false) {
      const { page, blocked, show } = await lockedPage(browser!);
      if (javaScript) await page.setJavaScriptEnabled(true);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await show(html);
      return { page, blocked, dialogs };
    },
  };
}
