// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const ps: SourceParser<ArtifactMap['ps']> = {
  id: 'ps',
  title: 'ps (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser ps not implemented yet');
  },
};
