// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const countTable: SourceParser<ArtifactMap['count-table']> = {
  id: 'count-table',
  title: 'count-table (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser count-table not implemented yet');
  },
};
