// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const ssSummary: SourceParser<ArtifactMap['ss-summary']> = {
  id: 'ss-summary',
  title: 'ss-summary (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser ss-summary not implemented yet');
  },
};
