// The package's root folder (where package.json and templates/ are), found from this module's
// location: it runs from dist/src/ (tsc), from the bundled CLI in dist/cli/, or from dist-*/ builds.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'fdleak') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    if (dirname(dir) === dir) return from;
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
