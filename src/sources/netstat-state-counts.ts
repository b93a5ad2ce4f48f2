// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const netstatStateCounts: SourceParser<ArtifactMap['netstat-state-counts']> = {
  id: 'netstat-state-counts',
  title: 'netstat-state-counts (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser netstat-state-counts not implemented yet');
  },
};
