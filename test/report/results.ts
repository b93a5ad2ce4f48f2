// Results for report tests (the samples' real analyses, kept current by test/e2e/samples.test.ts),
// and a hostile copy carrying markup in every place bundle text reaches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/result.js';
import { ROOT } from '../helpers.js';

const GOLDEN = { tomcat: 'tomcat-cat-leak', 'no-leak': 'py-healthy-server', partial: 'flume-redis-host' } as const;
export const RESULTS = Object.keys(GOLDEN) as (keyof typeof GOLDEN)[];

export function loadResult(name: keyof typeof GOLDEN): AnalysisResult {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${GOLDEN[name]}.json`), 'utf8')) as AnalysisResult;
}

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=http://example.invalid/x>';
export const EVIL = `[ERROR] ${SCRIPT} ${IMG} \u2028 </script><script>alert(2)</script>`;

/** The Tomcat result with markup injected into a log line, a title, a command, a thread name and a source. */
export function hostileResult(): AnalysisResult {
  const r = loadResult('tomcat');
  r.incident.title = `Tomcat ${IMG}`;
  r.suspects[0].command = `java${SCRIPT}`;
  r.suspects[0].threads.push({ tid: 4784, name: IMG });
  r.rootCause!.evidence.push({ file: 'cat_20190722.log', line: 5122, text: EVIL });
  r.rootCause!.message = EVIL;
  const log = r.findings.find((f) => f.id === 'log-explains-leak')!;
  log.title = `Log says ${SCRIPT}`;
  log.evidence.push({ file: 'cat_20190722.log', line: 5123, text: EVIL });
  log.details!.push({ type: 'excerpt', file: 'cat_20190722.log', lines: [{ line: 5123, text: EVIL, highlight: true }] });
  log.details!.push({ type: 'table', headings: ['Line', SCRIPT], rows: [[1, IMG]] });
  log.details!.push({
    type: 'chart',
    chart: 'socket-counts',
    data: [
      { source: SCRIPT, measure: IMG, value: 5 },
      { source: 'a" onload="alert(5)', measure: "b' x='", value: 7 },
    ],
  });
  r.sources.push({ file: `evil${IMG}.txt`, kind: 'unrecognised', records: 0, warnings: [EVIL] });
  return r;
}

export const HOSTILE_NOTES = [
  '# Notebook',
  'Intro with a [link](javascript:alert(3)) and ![pic](http://example.invalid/pic.png).',
  '## Step 4: Who holds the descriptors',
  `Seen in the log: ${SCRIPT}`,
  '',
  IMG,
  '',
  '<iframe src="http://example.invalid/frame"></iframe>',
  '## Actions',
  '- [ ] close sockets on failure <b onmouseover=alert(4)>now</b>',
].join('\n');
