// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const netstat: SourceParser<ArtifactMap['netstat']> = {
  id: 'netstat',
  title: 'netstat (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser netstat not implemented yet');
  },
};
