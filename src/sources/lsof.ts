// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const lsof: SourceParser<ArtifactMap['lsof']> = {
  id: 'lsof',
  title: 'lsof (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser lsof not implemented yet');
  },
};
