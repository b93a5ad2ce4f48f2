// Times the postmortem rendering of the Tomcat result: HTML (first, cold, and warm) and PDF (with the
// browser launch a CLI run pays, and with a running browser). Targets: HTML < 1 s, PDF < 5 s.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve, dirname } from 'node:path';
import type { AnalysisResult } from '../src/result.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ReportBench {
  htmlColdMs: number;
  htmlWarmMs: number;
  pdfColdMs: number;
  pdfWarmMs: number;
  htmlBytes: number;
  pdfBytes: number;
}

export async function benchReport(resultFile = resolve(ROOT, 'test/fixtures/results/tomcat.json'), runs = 5): Promise<ReportBench> {
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as AnalysisResult;
  let t = performance.now();
  const { renderHtml } = await import('../src/report/html.js');
  const html = await renderHtml(result);
  const htmlColdMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await renderHtml(result);
    warm.push(performance.now() - t);
  }
  const { Printer, printPdf } = await import('../src/report/pdf.js');
  const title = result.incident.title ?? result.incident.input;
  t = performance.now();
  const { pdf } = await printPdf(html, title);
  const pdfColdMs = performance.now() - t;
  const printer = await Printer.open();
  const pdfWarm: number[] = [];
  try {
    for (let i = 0; i < Math.min(runs, 3); i++) {
      t = performance.now();
      await printer.print(await renderHtml(result), title);
      pdfWarm.push(performance.now() - t);
    }
  } finally {
    await printer.close();
  }
  return {
    htmlColdMs,
    htmlWarmMs: median(warm),
    pdfColdMs,
    pdfWarmMs: median(pdfWarm),
    htmlBytes: Buffer.byteLength(html),
    pdfBytes: pdf.length,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function formatReportBench(b: ReportBench): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  return [
    `report html  first ${ms(b.htmlColdMs)} (incl. template and Vega warm-up), then ${ms(b.htmlWarmMs)} median; ${Math.round(b.htmlBytes / 1024)} KiB  [target < 1000 ms]`,
    `report pdf   ${ms(b.pdfColdMs)} incl. Chromium launch, ${ms(b.pdfWarmMs)} median with a running browser; ${Math.round(b.pdfBytes / 1024)} KiB  [target < 5000 ms]`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchReport()
    .then((b) => process.stdout.write(formatReportBench(b) + '\n'))
    .catch((err) => {
      process.stderr.write(`report bench failed: ${(err as Error).message}\n`);
      process.exitCode = 1;
    });
}
