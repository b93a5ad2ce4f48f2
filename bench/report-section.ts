// Report rendering of the Tomcat sample: the CLI end to end (start-up, analysis and rendering
// included) and the renderers alone on the same analysis result. Targets: HTML < 1 s, PDF < 5 s.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure, type Measured } from './measure.js';
import { BENCH_DIR, BENCH_ROOT, FDLEAK, type BenchSection } from './common.js';
import { benchReport } from './report.js';

async function run(): Promise<Measured[]> {
  const sample = join(BENCH_ROOT, 'samples', 'tomcat-cat-leak');
  const rows = [
    measure(
      'fdleak report --format html (CLI, start-up included)',
      `${FDLEAK} report ${sample} --format html --out ${join(BENCH_DIR, 'tomcat.html')} > /dev/null`,
    ),
    measure(
      'fdleak report --format pdf (CLI, Chromium start included)',
      `${FDLEAK} report ${sample} --format pdf --out ${join(BENCH_DIR, 'tomcat.pdf')} > /dev/null`,
    ),
  ];
  const json = measure('fdleak analyze --json', `${FDLEAK} analyze --json ${sample}`);
  const resultFile = join(BENCH_DIR, 'tomcat-result.json');
  writeFileSync(resultFile, json.output);
  const b = await benchReport(resultFile, 3);
  const row = (label: string, ms: number): Measured => ({ label, seconds: ms / 1000, peakRssMb: null, mbPerSecond: null, output: '' });
  rows.push(
    row('renderHtml, first call in a process (modules loaded)', b.htmlColdMs),
    row('renderHtml, warm', b.htmlWarmMs),
    row('renderPdf, browser launch included', b.pdfColdMs),
    row('renderPdf, browser running', b.pdfWarmMs),
  );
  return rows;
}

export const section: BenchSection = {
  title: 'report: the Tomcat sample',
  run,
  notes: (rows) => [
    `targets: HTML < 1 s (${rows[0].seconds.toFixed(2)} s end to end), PDF < 5 s (${rows[1].seconds.toFixed(2)} s end to end)`,
  ],
};
