// PHP's own error report that says it ran out is the program's report of it, among whatever other
// output it was pasted with (src/sources/error-report-lines.ts, phpErrorRanOut). Real lines: laravel/octane#127
// (test/accuracy/cases/gh-laravel-octane-macos-classloader-emfile: Octane's console, its request
// lines and `↑ N similar errors` around a badge `ERROR  PHP Fatal error:`) and elementor/wp2static#197.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phpErrorRanOut } from '../../src/sources/error-report-lines.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const OCTANE_ERROR =
  '   ERROR  PHP Fatal error:  Uncaught ErrorException: include(/Users/jonathan/Laravel/m-api/vendor/laravel/octane/src/Events/WorkerErrorOccurred.php): Failed to open stream: Too many open files in /Users/jonathan/Laravel/m-api/vendor/composer/ClassLoader.php:478';
const WP2STATIC =
  'PHP Warning:  file_put_contents(/home/runcloud/webapps/sma/wp-content/uploads/WP-STATIC-CRAWLED-LINKS.txt): failed to open stream: Too many open files in /home/runcloud/webapps/sma/wp-content/plugins/wordpress-static-html-plugin/library/StaticHtmlOutput/SiteCrawler.php on line 322';
const WP2STATIC_DISPLAY =
  'Warning: file_put_contents(/home/runcloud/webapps/sma/wp-content/uploads/WP-STATIC-CRAWLED-LINKS.txt): failed to open stream: Too many open files in /home/runcloud/webapps/sma/wp-content/plugins/wordpress-static-html-plugin/library/StaticHtmlOutput/SiteCrawler.php on line 322';

const OCTANE = `\`\`\`bash
  200    GET /api/companies ......................................................................................................... 14.77 ms
  200    GET /api/companies ......................................................................................................... 10.31 ms
  200    GET /api/companies ......................................................................................................... 21.90 ms

${OCTANE_ERROR}

  ↑   72 similar errors were reported.

   ERROR  Stack trace:

  ↑   74 similar errors were reported.

   ERROR  #0 /Users/jonathan/Laravel/m-api/vendor/composer/ClassLoader.php(478): Illuminate\\Foundation\\Bootstrap\\HandleExceptions->handleError(2, 'include(/Users/...', '/Users/jonathan...', 478)

  ↑   74 similar errors were reported.
\`\`\`
`;

test("PHP's error report that says it ran out: in its log's, the CLI's and a Laravel console badge's form", () => {
  assert.ok(phpErrorRanOut(OCTANE_ERROR));
  assert.ok(phpErrorRanOut(WP2STATIC));
  assert.ok(phpErrorRanOut(WP2STATIC_DISPLAY));
  assert.ok(!phpErrorRanOut('PHP Warning:  is_dir(): open_basedir restriction in effect.'));
  assert.ok(!phpErrorRanOut('We get the occasional Warning: Too many open files in the log'));
});

test("Octane's console with one PHP fatal error among request lines is read: inconclusive, nobody blamed", async () => {
  const result = await analyzeTranscript(OCTANE, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.match(result.unownedRanOut?.message ?? '', /Failed to open stream: Too many open files/);
});
