// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const procLimits: SourceParser<ArtifactMap['proc-limits']> = {
  id: 'proc-limits',
  title: 'proc-limits (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser proc-limits not implemented yet');
  },
};
