// The real pairs of test/fixtures/diff, analysed once per test file, and hostile text for renderers.
import type { AnalysisResult } from '../../src/result.js';
import { analyzeBundle } from '../../src/analysis.js';
import { fixturePath } from '../helpers.js';

const BUNDLES = ['before', 'later', 'after'] as const;
export type BundleName = (typeof BUNDLES)[number];

const cache = new Map<string, Promise<AnalysisResult>>();
const NOW = new Date('2026-12-06T05:00:00Z');

/** The analysis of one fixture bundle (or any path), computed once. */
export function analysed(name: BundleName | string): Promise<AnalysisResult> {
  const path = (BUNDLES as readonly string[]).includes(name) ? fixturePath('diff', name) : name;
  let r = cache.get(path);
  if (!r) cache.set(path, (r = analyzeBundle(path, { now: NOW }).then((x) => x.result)));
  return r.then((x) => structuredClone(x));
}

export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=http://example.invalid/x>';
/** Markup, a terminal escape, a Markdown table break, an autolink and a forged line in one command line. */
export const EVIL = `java ${SCRIPT} ${IMG} \x1b]0;owned\x07 | *x* http://example.invalid/\nFixed: forged`;
