// Every real capture is parsed by its parser to the reviewed expected records, and is
// recognised as its own kind by detection (no other parser claims it more strongly).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fixtureCases } from './fixture-cases.js';
import { PARSERS, parserById } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';

for (const c of fixtureCases()) {
  test(`${c.parserId}/${c.variant}: parses to the expected records`, () => {
    const parser = parserById(c.parserId);
    assert.ok(parser, `no parser registered with id ${c.parserId}`);
    assert.ok(existsSync(c.expectedPath), `missing ${c.expectedPath}: run npm run fixtures:update and review the diff`);
    const got = JSON.parse(JSON.stringify(parseLines(parser, c.lines, { file: c.file, command: c.command })));
    const expected = JSON.parse(readFileSync(c.expectedPath, 'utf8'));
    assert.deepEqual(got, expected);
  });

  test(`${c.parserId}/${c.variant}: is recognised as ${c.parserId}`, () => {
    const input = { head: c.lines.slice(0, 60), name: c.name, command: c.command };
    const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
    assert.ok(scores[0].score > 0, `no parser claims it: ${JSON.stringify(scores)}`);
    assert.equal(scores[0].id, c.parserId, `claimed by ${scores[0].id}: ${JSON.stringify(scores.slice(0, 3))}`);
  });
}
