// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const procFd: SourceParser<ArtifactMap['proc-fd']> = {
  id: 'proc-fd',
  title: 'proc-fd (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser proc-fd not implemented yet');
  },
};
