// Layout a reviewer saw go wrong in the rendered report, held in Chromium: words broken inside,
// blocks split across pages. Needs a Chromium: skipped with a reason outside CI when none is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useChromium } from '../chromium.js';
import { renderHtml } from '../../src/report/html.js';
import { printPdf } from '../../src/report/pdf.js';
import { pdfTitle } from '../../src/report/render.js';
import { buildView } from '../../src/report/view.js';
import { loadResult } from './results.js';

const chromium = useChromium('review-layout');
const skip = chromium.skip;

test('a table breaks a cell of short words between words and a heading between its words, never inside one', { skip }, async () => {
  const { page } = await chromium.open(await renderHtml(loadResult('tomcat')));
  try {
    for (const width of [1280, 800]) {
      await page.setViewport({ width, height: 900 });
      const broken = await page.evaluate(() => {
        const out: string[] = [];
        // Each word on one line: one client rect per word (strace-4730.log:133 was cut after its hyphen).
        const wordsOf = (el: Element): Range[] => {
          const ranges: Range[] = [];
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            for (const m of (n.textContent ?? '').matchAll(/\S+/g)) {
              const r = document.createRange();
              r.setStart(n, m.index);
              r.setEnd(n, m.index + m[0].length);
              ranges.push(r);
            }
          }
          return ranges;
        };
        for (const el of document.querySelectorAll('table.data td.word, table.data th')) {
          for (const r of wordsOf(el)) {
            const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
            if (lines.size > 1) out.push(`${el.tagName.toLowerCase()}: ${r.toString()}`);
          }
        }
        return out;
      });
      assert.deepEqual(broken, [], `at ${width}px`);
    }
  } finally {
    await page.close();
  }
});

test("the PDF ends no page on a table's heading row or a missing step without its command", { skip }, async () => {
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  for (const name of ['tomcat', 'partial'] as const) {
    const result = loadResult(name);
    for (const explain of [true, false]) {
      const view = buildView(result, { explain });
      // What must not close a page: a table's caption or headings, a missing step's title or what it lacks.
      const heads = new Set<string>();
      for (const d of view.steps.flatMap((s) => s.findings.flatMap((f) => f.details)))
        if (d.type === 'table') {
          heads.add(flat(d.headings.join(' ')));
          if (d.caption) heads.add(flat(d.caption));
        }
      for (const m of view.missing) heads.add(flat(m.what)).add(flat(`${m.step ? `Step ${m.step} ` : ''}${m.title}`));
      const { pdf } = await printPdf(await renderHtml(result, { explain }), pdfTitle(result), chromium.printer());
      const file = join(chromium.dir(), `${name}-${explain}.pdf`);
      writeFileSync(file, pdf);
      const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
      for (const [i, page] of pages.entries()) {
        const lines = page
          .split('\n')
          .map(flat)
          .filter((l) => l && !/^page \d+ \/ \d+$/.test(l));
        const last = lines.at(-1);
        if (last) assert.ok(!heads.has(last), `${name}${explain ? '' : ' --no-explain'}: page ${i + 1} ends with "${last}"`);
      }
    }
  }
});
