// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const lsfd: SourceParser<ArtifactMap['lsfd']> = {
  id: 'lsfd',
  title: 'lsfd (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser lsfd not implemented yet');
  },
};
