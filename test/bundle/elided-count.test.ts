// A count whose number the writer replaced by `...`, with the rows it counted under it: the rows
// are the output of the pipeline before `| wc -l`. Real lines: grantemsley/viewsonictvrs232#2
// (gh-viewsonic-rs232-proc-fd-pipes-ttyusb0-900s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countedPipeline, isElision, listingUnderElidedCount } from '../../src/bundle/elided-count.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const VIEWSONIC = readFileSync(join(CASES_DIR, 'gh-viewsonic-rs232-proc-fd-pipes-ttyusb0-900s', 'transcript.md'), 'utf8');

test('`ls -l /proc/1405/fd | wc -l`, `...`, then ls rows: the rows are the listing of /proc/1405/fd', () => {
  const items = splitTranscript(VIEWSONIC.split('\n'));
  const listing = items.find((i) => i.command === 'ls -l /proc/1405/fd');
  assert.ok(listing, 'the rows belong to the pipeline before wc');
  const shown = listing.output.map((o) => o.text).filter((t) => t.trim() !== '');
  assert.equal(shown[0], '...');
  assert.equal(shown[1], "l-wx------ 1 aaronpk aaronpk 64 Jan  2 18:48 900 -> 'pipe:[854726]'");
  assert.equal(shown.length, 18);
  assert.ok(!items.some((i) => i.command === null && i.output.some((o) => o.text.includes('/dev/ttyUSB0'))));
});

test('only an elision under a wc count hands the rows after it to the counted pipeline', () => {
  const row = "l-wx------ 1 aaronpk aaronpk 64 Jan  2 18:48 900 -> 'pipe:[854726]'";
  assert.equal(listingUnderElidedCount('ls -l /proc/1405/fd | wc -l', [{ text: '...' }], row), 'ls -l /proc/1405/fd');
  assert.equal(listingUnderElidedCount('lsof -p 42 | wc', [{ text: '…' }], row), 'lsof -p 42');
  // A count that printed its number keeps it; a number under the elision is the count.
  assert.equal(listingUnderElidedCount('ls -l /proc/1405/fd | wc -l', [{ text: '1025' }], row), null);
  assert.equal(listingUnderElidedCount('ls -l /proc/1405/fd | wc -l', [{ text: '...' }], '1025'), null);
  assert.equal(listingUnderElidedCount('ls -l /proc/1405/fd | wc -l', [], row), null);
  assert.equal(listingUnderElidedCount('ls -l /proc/1405/fd | wc -l', [{ text: '...' }, { text: row }], row), null);
  // Not a count, or a count that is no wc (grep -c's rows would not be the pipeline's).
  assert.equal(listingUnderElidedCount('ls -l /proc/1405/fd', [{ text: '...' }], row), null);
  assert.equal(listingUnderElidedCount('grep -c pipe fds.txt', [{ text: '...' }], row), null);
  assert.equal(countedPipeline('ls /proc/7/fd | wc -l'), 'ls /proc/7/fd');
  assert.equal(countedPipeline('wc -l file.txt'), null);
  assert.ok(isElision('...') && isElision(' … ') && isElision('[...]'));
  assert.ok(!isElision('... and more') && !isElision('.'));
});
