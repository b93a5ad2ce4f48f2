// The CLI bundle lays yargs' help out with scripts/string-width.mjs instead of the string-width
// package (which costs ~55 ms at every start): on what help text can hold, both count the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
import { ROOT } from './helpers.js';

test('the light string-width counts as string-width does: ASCII, ANSI colours, control, combining and zero-width characters, CJK', async () => {
  const light = (await import(pathToFileURL(join(ROOT, 'scripts', 'string-width.mjs')).href)).default as typeof stringWidth;
  const samples = [
    '',
    'fdleak analyze BUNDLE',
    '  --json  Print the analysis as JSON  [boolean]',
    '\u001b[31mred\u001b[39m text',
    'tab\there',
    'bell\u0007',
    'e\u0301te\u0301',
    'zero\u200bwidth',
    '\ufeffbom',
    '中文 line',
    'ｆｕｌｌ',
    'Ω≈ç√',
    'café',
    'x'.repeat(300),
  ];
  for (const s of samples) {
    assert.equal(light(s), stringWidth(s), JSON.stringify(s));
    assert.equal(
      light(s, { countAnsiEscapeCodes: true }),
      stringWidth(s, { countAnsiEscapeCodes: true }),
      `${JSON.stringify(s)}, ANSI counted`,
    );
    assert.equal(
      light(s, { ambiguousIsNarrow: false }),
      stringWidth(s, { ambiguousIsNarrow: false }),
      `${JSON.stringify(s)}, ambiguous wide`,
    );
  }
});

test('the CLI bundle does not load the string-width package', async () => {
  const { readFileSync } = await import('node:fs');
  const main = readFileSync(join(ROOT, 'dist', 'cli', 'main.js'), 'utf8');
  assert.doesNotMatch(main, /Intl\.Segmenter|RGI_Emoji/);
});
