// A system Chrome/Chromium for printing the PDF, found the way a user would expect, and launched with
// JavaScript off and the network cut: the page must print from what it carries inline.
import { existsSync, accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { onInterrupt, removeOnInterrupt } from '../cleanup.js';
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

/** The profile folder of each browser fdleak launched (removed when it is closed). */
const profiles = new WeakMap<Browser, { dir: string; forget: () => void }>();

/**
 * Launches Chromium with a profile folder of fdleak's own. Puppeteer's signal handlers are off: on
 * Ctrl-C or SIGTERM, fdleak's (src/cleanup.ts) kill Chromium's process group and remove the profile,
 * instead of closing the connection under a PDF being printed ("internal error: Connection closed").
 */
export async function launchBrowser(executablePath = findChrome()): Promise<Browser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const profile = mkdtempSync(join(tmpdir(), 'fdleak-chrome-'));
  const forgetProfile = removeOnInterrupt(profile);
  // Found by its profile: a signal may come while puppeteer is still waiting for Chromium to start.
  const forgetProcess = onInterrupt(() => killChromium(profile));
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir: profile,
      // Chromium's own temporary files (org.chromium.Chromium.*) go in the profile, and with it.
      env: { ...process.env, TMPDIR: profile },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Chromium refuses to run its sandbox as root; as any other user the sandbox stays on.
      args: [
        ...(root ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--no-first-run',
        '--disable-extensions',
        '--disable-background-networking',
      ],
    });
    profiles.set(browser, {
      dir: profile,
      forget: () => {
        forgetProcess();
        forgetProfile();
      },
    });
    return browser;
  } catch (err) {
    forgetProcess();
    forgetProfile();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Kills the Chromium started with `profile`, with its process group (puppeteer starts it detached:
 * the group is its renderers and helpers), at once.
 */
function killChromium(profile: string): void {
  const flag = `--user-data-dir=${profile}`;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!argv.includes(flag)) continue;
    for (const target of [-Number(name), Number(name)]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // not a group leader, or gone already
      }
    }
  }
}

/** Closes a browser launchBrowser started, and removes its profile folder. */
export async function closeBrowser(browser: Browser): Promise<void> {
  await browser.close();
  const p = profiles.get(browser);
  if (!p) return;
  rmSync(p.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  p.forget();
}

export interface LockedPage {
  page: Page;
  /** Every request the page tried since it last showed a document (all aborted). */
  blocked: string[];
  /**
   * Shows `html` as the page's document and waits for its load. It is written into the page's one
   * document (no navigation, no file: a navigation costs Chromium half as much again as printing),
   * so a Content-Security-Policy an earlier report set stays in force: a later document can only
   * be more locked, never less.
   */
  show(html: string): Promise<void>;
}

/** A page with JavaScript disabled that loads nothing: every request it makes is aborted and recorded. */
export async function lockedPage(browser: Browser): Promise<LockedPage> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  const blocked: string[] = [];
  page.on('request', (req) => {
    blocked.push(req.url());
    void req.abort('blockedbyclient');
  });
  return {
    page,
    blocked,
    async show(html) {
      blocked.length = 0;
      await page.setContent(html, { waitUntil: 'load' });
    },
  };
}
