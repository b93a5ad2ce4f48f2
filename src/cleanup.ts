// What must not outlive fdleak when it is stopped with Ctrl-C or SIGTERM: the folder an archive is
// unpacked into (gigabytes), the PDF's page folder, Chromium and its profile. Each is registered
// while it exists; a signal runs every cleanup synchronously, then exits quietly with 128 + the
// signal's number (130, 143), as a shell would.
import { rmSync } from 'node:fs';

const cleanups = new Set<() => void>();
let installed = false;

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Registers a synchronous cleanup; the function returned unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Registers the removal of a temporary folder (see onInterrupt). */
export function removeOnInterrupt(dir: string): () => void {
  return onInterrupt(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));
}

/** Runs every registered cleanup once, the last registered first (Chromium is killed before its profile goes), whatever the others do. */
export function runCleanups(): void {
  for (const c of [...cleanups].reverse()) {
    cleanups.delete(c);
    try {
      c();
    } catch {
      // the others must still run
    }
  }
}

/**
 * From now on SIGINT, SIGTERM and SIGHUP clean up and exit quietly. Commands that handle signals
 * themselves (collect: the first Ctrl-C ends the current capture) do not call it.
 */
export function cleanUpOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of Object.keys(EXIT_CODES) as NodeJS.Signals[]) {
    process.on(signal, () => {
      runCleanups();
      process.exit(EXIT_CODES[signal]);
    });
  }
}
