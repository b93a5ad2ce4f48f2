// A system Chrome/Chromium for printing the PDF, found the way a user would expect, and launched with
// JavaScript off and the network cut: the page must print from what it carries inline.
import { existsSync, accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

export class BrowserNotFoundError extends Error {
  readonly hint = 'apt-get install -y chromium, or set CHROME_PATH to a Chrome/Chromium binary';
  constructor(readonly tried: string[]) {
    super('no Chrome or Chromium found to print the PDF');
    this.name = 'UserInputError';
  }
}

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROME_PATH, PUPPETEER_EXECUTABLE_PATH, /usr/bin/chromium, then chromium-browser and google-chrome(-stable) on PATH. */
export function findChrome(env: NodeJS.ProcessEnv = process.env, usual: readonly string[] = ['/usr/bin/chromium']): string {
  const tried: string[] = [];
  for (const v of [env.CHROME_PATH, env.PUPPETEER_EXECUTABLE_PATH, ...usual]) {
    if (!v) continue;
    tried.push(v);
    if (existsSync(v) && executable(v)) return v;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      const p = join(dir, name);
      if (existsSync(p) && executable(p)) return p;
    }
    tried.push(name);
  }
  throw new BrowserNotFoundError(tried);
}

export async function launchBrowser(executablePath = findChrome()): Promise<Browser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath,
    headless: true,
    // Chromium refuses to run its sandbox as root; as any other user the sandbox stays on.
    args: [...(root ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-background-networking'],
  });
}

export interface LockedPage {
  page: Page;
  /** Every request the page tried, apart from the document itself. */
  blocked: string[];
}

/** A page with JavaScript disabled that may load `allowUrl` and nothing else. */
export async function lockedPage(browser: Browser, allowUrl: string): Promise<LockedPage> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  const blocked: string[] = [];
  page.on('request', (req) => {
    if (req.url() === allowUrl && req.isNavigationRequest()) {
      void req.continue();
    } else {
      blocked.push(req.url());
      void req.abort('blockedbyclient');
    }
  });
  return { page, blocked };
}
