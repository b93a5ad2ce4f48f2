// The map from pseudonyms back to what they replace: written only when asked (--redact-map FILE),
// new (never over a file, never through a link), readable by its owner only, and never inside
// what is about to be shared. No report and no redacted bundle ever holds it.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { occupied, writeNew } from '../collect/safe-files.js';
import type { RedactMap } from './map.js';

/** A --redact-map or --out the user can fix: one line, exit 2. */
export class RedactError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

export function inside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Checked before any work: the map file must be new, its folder must exist, and it must not land in `shared`. */
export function checkMapPath(path: string, shared: readonly string[]): void {
  if (occupied(path)) throw new RedactError(`--redact-map ${path} exists`, 'the map is always written new; choose another name');
  for (const s of shared) {
    if (inside(path, s))
      throw new RedactError(`--redact-map ${path} is inside ${s}, which is what you share`, 'keep the map apart, with the original bundle');
  }
  const dir = dirname(resolve(path));
  let folder = false;
  try {
    folder = statSync(dir).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder) throw new RedactError(`--redact-map ${path}: ${dir} is not a folder`);
}

export function writeMapFile(path: string, map: RedactMap, input: string): void {
  try {
    writeNew(path, JSON.stringify(map.toFile(input), null, 2) + '\n');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ELOOP')
      throw new RedactError(`--redact-map ${path} exists`, 'the map is always written new; choose another name');
    throw new RedactError(`cannot write --redact-map ${path}: ${code ?? (err as Error).message}`);
  }
}
