// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const lsofFields: SourceParser<ArtifactMap['lsof-fields']> = {
  id: 'lsof-fields',
  title: 'lsof-fields (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser lsof-fields not implemented yet');
  },
};
