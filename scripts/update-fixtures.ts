// Rewrites every <variant>.expected.json from the current parsers. Review the diff before committing.
import { writeFileSync } from 'node:fs';
import { fixtureCases } from '../test/sources/fixture-cases.js';
import { parserById } from '../src/sources/registry.js';
import { parseLines } from '../src/sources/run.js';

const only = process.argv[2];
for (const c of fixtureCases()) {
  if (only && c.parserId !== only) continue;
  const parser = parserById(c.parserId);
  if (!parser) {
    console.error(`skip ${c.file}: no parser ${c.parserId}`);
    continue;
  }
  const result = parseLines(parser, c.lines, { file: c.file, command: c.command });
  writeFileSync(c.expectedPath, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${c.expectedPath}`);
}
