// The PDF is the HTML report printed by Chromium: incident title in the header, "page X / Y" in the footer.
import type { Browser } from 'puppeteer-core';
import { escapeHtml } from './escape.js';
import { closeBrowser, launchBrowser, type LockedPage, lockedPage } from './browser.js';

export interface PdfOutput {
  pdf: Buffer;
  /** Requests the page attempted (all aborted): a report loads nothing. */
  blocked: string[];
}

const HEADER_STYLE = 'font-family: DejaVu Sans, Arial, sans-serif; font-size: 8px; color: #5b6770; width: 100%; padding: 0 13mm;';

/**
 * One locked page that prints report after report. A page is opened once: opening one costs
 * Chromium as much as printing a report, so whoever prints many (the tests, the bench) keeps a
 * printer, and one print waits for the one before.
 */
export class Printer {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly browser: Browser,
    private readonly ownBrowser: boolean,
    private readonly locked: LockedPage,
  ) {}

  /** A printer on `browser`, or on a browser of its own that `close` closes. */
  static async open(browser?: Browser): Promise<Printer> {
    const own = browser ?? (await launchBrowser());
    try {
      return new Printer(own, browser === undefined, await lockedPage(own));
    } catch (err) {
      if (!browser) await closeBrowser(own);
      throw err;
    }
  }

  print(html: string, title: string): Promise<PdfOutput> {
    const run = this.queue.then(() => this.printNow(html, title));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    try {
      await this.locked.page.close();
    } finally {
      if (this.ownBrowser) await closeBrowser(this.browser);
    }
  }

  private async printNow(html: string, title: string): Promise<PdfOutput> {
    const { page, blocked, show } = this.locked;
    await show(html);
    await page.emulateMediaType('print');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="${HEADER_STYLE} display: flex; justify-content: space-between;"><span>${escapeHtml(title)}</span><span>fdleak postmortem</span></div>`,
      footerTemplate: `<div style="${HEADER_STYLE} text-align: right;">page <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      margin: { top: '18mm', bottom: '16mm', left: '13mm', right: '13mm' },
    });
    return { pdf: Buffer.from(pdf), blocked: [...blocked] };
  }
}

/** Prints one report: with `printer`, on it; otherwise on a printer (and browser) opened for it. */
export async function printPdf(html: string, title: string, printer?: Printer): Promise<PdfOutput> {
  if (printer) return printer.print(html, title);
  const own = await Printer.open();
  try {
    return await own.print(html, title);
  } finally {
    await own.close();
  }
}
