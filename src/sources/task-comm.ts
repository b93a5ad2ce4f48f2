// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const taskComm: SourceParser<ArtifactMap['task-comm']> = {
  id: 'task-comm',
  title: 'task-comm (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser task-comm not implemented yet');
  },
};
