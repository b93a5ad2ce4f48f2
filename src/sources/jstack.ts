// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const jstack: SourceParser<ArtifactMap['jstack']> = {
  id: 'jstack',
  title: 'jstack (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser jstack not implemented yet');
  },
};
