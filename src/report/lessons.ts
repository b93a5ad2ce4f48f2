// Teaching mode: one short lesson per investigation step, written as Markdown in templates/lessons/.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES_DIR } from './paths.js';

const cache = new Map<number, string | null>();

/** The lesson for a step (Markdown, its first heading removed), or null when none is written. */
export function lesson(step: number, dir = TEMPLATES_DIR): string | null {
  if (dir === TEMPLATES_DIR && cache.has(step)) return cache.get(step)!;
  const file = join(dir, 'lessons', `step-${step}.md`);
  const text = existsSync(file)
    ? readFileSync(file, 'utf8')
        .replace(/^#\s[^\n]*\n+/, '')
        .trim()
    : null;
  if (dir === TEMPLATES_DIR) cache.set(step, text);
  return text;
}
