// Layout a reviewer saw go wrong in the rendered report, held in Chromium: words broken inside,
// blocks split across pages. Needs a Chromium: skipped with a reason outside CI when none is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useChromium } from '../chromium.js';
import { renderHtml } from '../../src/report/html.js';
import { loadResult } from './results.js';

const chromium = useChromium('review-layout');
const skip = chromium.skip;

test('a table breaks a cell of short words between words and a heading between its words, never inside one', { skip }, async () => {
  const { page } = await chromium.open(await renderHtml(loadResult('tomcat')), 'tomcat-words');
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
