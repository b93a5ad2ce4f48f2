// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const lineCount: SourceParser<ArtifactMap['line-count']> = {
  id: 'line-count',
  title: 'line-count (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser line-count not implemented yet');
  },
};
