// The explicit list of source parsers. Order breaks ties in detection.
import type { SourceParser } from '../types.js';
import { sockstat } from './sockstat.js';

export const PARSERS: readonly SourceParser[] = [
  sockstat,
];

export function parserById(id: string): SourceParser | undefined {
  return PARSERS.find((p) => p.id === id);
}
