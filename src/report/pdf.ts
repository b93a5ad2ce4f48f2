// The PDF is the HTML report printed by Chromium: incident title in the header, "page X / Y" in the footer.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { escapeHtml } from './escape.js';
import { closeBrowser, launchBrowser, lockedPage } from './browser.js';
import { removeOnInterrupt } from '../cleanup.js';

export interface PdfOptions {
  title: string;
  /** Reuse a running browser (tests, benchmarks); otherwise one is launched and closed. */
  browser?: Browser;
}

export interface PdfOutput {
  pdf: Buffer;
  /** Requests the page attempted besides itself (all aborted). */
  blocked: string[];
}

const HEADER_STYLE = 'font-family: DejaVu Sans, Arial, sans-serif; font-size: 8px; color: #5b6770; width: 100%; padding: 0 13mm;';

export async function printPdf(html: string, opts: PdfOptions): Promise<PdfOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'fdleak-pdf-'));
  const forget = removeOnInterrupt(dir);
  const browser = opts.browser ?? (await launchBrowser());
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, html);
    const url = pathToFileURL(file).href;
    const { page, blocked } = await lockedPage(browser, url);
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.emulateMediaType('print');
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${HEADER_STYLE} display: flex; justify-content: space-between;"><span>${escapeHtml(opts.title)}</span><span>fdleak postmortem</span></div>`,
        footerTemplate: `<div style="${HEADER_STYLE} text-align: right;">page <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        margin: { top: '18mm', bottom: '16mm', left: '13mm', right: '13mm' },
      });
      return { pdf: Buffer.from(pdf), blocked };
    } finally {
      await page.close();
    }
  } finally {
    if (!opts.browser) await closeBrowser(browser);
    await rm(dir, { recursive: true, force: true });
    forget();
  }
}
