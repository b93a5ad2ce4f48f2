// A tally of `ls -l /proc/PID/fd` by link target whose cut kept ls's arrow, whole or its tail
// (`cut -c55-200`: the fixed columns shift by one where the fd number gains a digit), keys its fds
// by target all the same; a target split over both arrow forms is one target. Real lines:
// GeoNetwork's JVM, geonetwork/core-geonetwork#731
// (test/accuracy/cases/gh-geonetwork-xsl-same-file-tally-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutLinkArrows, keyedByLinkTarget } from '../../src/model/type-counts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const W = '/home/francois/dev/eea-geonetwork/web/src/main/webapp/WEB-INF/data/config';
const ROWS = [
  `    688 -> ${W}/codelist/external/thesauri/theme/inspire-theme.rdf`,
  `   1391 -> ${W}/schema_plugins/iso19139/convert/functions.xsl`,
  `      2 > ${W}/schema_plugins/iso19139/index-fields/index-subtemplate-fields.xsl`,
  `    696 -> ${W}/schema_plugins/iso19139/index-fields/index-subtemplate-fields.xsl`,
  `     43 > ${W}/schema_plugins/iso19139/layout/utility-fn.xsl`,
  `     41 -> ${W}/schema_plugins/iso19139/layout/utility-fn.xsl`,
];

function rows(lines: string[]) {
  return lines.map((text, i) => {
    const m = /^\s*(\d+) +(.+)$/.exec(text)!;
    return { count: Number(m[1]), key: m[2], ev: { file: 't.md', line: i + 1, text } };
  });
}

test("ls's arrow, or its tail, is dropped and one target's rows merge", () => {
  const r = withoutLinkArrows(rows(ROWS));
  assert.deepEqual(
    r.map((x) => [x.count, x.key.slice(W.length)]),
    [
      [688, '/codelist/external/thesauri/theme/inspire-theme.rdf'],
      [1391, '/schema_plugins/iso19139/convert/functions.xsl'],
      [698, '/schema_plugins/iso19139/index-fields/index-subtemplate-fields.xsl'],
      [84, '/schema_plugins/iso19139/layout/utility-fn.xsl'],
    ],
  );
  assert.ok(keyedByLinkTarget(r));
  assert.ok(!keyedByLinkTarget(rows(ROWS)));
  // A key with no arrow stays as it is; a `>` inside a path is no arrow.
  assert.deepEqual(
    withoutLinkArrows(rows(['  3 /var/log/a>b.log', '  2 socket:[12]'])).map((x) => x.key),
    ['/var/log/a>b.log', 'socket:[12]'],
  );
});

test('the tally under its command names the file opened again and again', async () => {
  const text = ['```', ' ls -l /proc/24823/fd | cut -c55-200 | sort | uniq -c', '```', '', 'Return ', '', '```', ...ROWS, '```', ''].join(
    '\n',
  );
  const r = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 24823);
  assert.equal(r.suspects[0]?.leak?.kind, 'file');
});
