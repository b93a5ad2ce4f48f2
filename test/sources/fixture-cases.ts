// Walks test/fixtures/sources/<parser-id>/<variant>.txt. Beside each fixture:
//   <variant>.meta.json      optional {"command": "...", "name": "..."} (what the capture was)
//   <variant>.expected.json  the parsed artifact and warnings, written by `npm run fixtures:update`
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../helpers.js';
import { splitLines } from '../../src/bundle/lines.js';

export interface FixtureCase {
  parserId: string;
  variant: string;
  /** Citation path used when parsing: stable across machines. */
  file: string;
  path: string;
  expectedPath: string;
  lines: string[];
  command?: string;
  name: string;
}

export function fixtureCases(): FixtureCase[] {
  const root = fixturePath('sources');
  if (!existsSync(root)) return [];
  const cases: FixtureCase[] = [];
  for (const parserId of readdirSync(root).sort()) {
    const dir = join(root, parserId);
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.txt')) continue;
      const variant = f.slice(0, -4);
      const metaPath = join(dir, `${variant}.meta.json`);
      const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : {};
      cases.push({
        parserId,
        variant,
        file: `${parserId}/${f}`,
        path: join(dir, f),
        expectedPath: join(dir, `${variant}.expected.json`),
        lines: splitLines(readFileSync(join(dir, f), 'utf8')),
        command: meta.command,
        name: meta.name ?? f,
      });
    }
  }
  return cases;
}
