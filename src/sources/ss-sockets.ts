// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const ssSockets: SourceParser<ArtifactMap['ss-sockets']> = {
  id: 'ss-sockets',
  title: 'ss-sockets (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser ss-sockets not implemented yet');
  },
};
