// PLACEHOLDER: replaced by the real parser (detect returns 0 so nothing is claimed).
import type { SourceParser } from '../types.js';
import type { ArtifactMap } from './artifacts.js';

export const kernelFiles: SourceParser<ArtifactMap['kernel-files']> = {
  id: 'kernel-files',
  title: 'kernel-files (not yet implemented)',
  capture: '',
  detect: () => 0,
  sink() {
    throw new Error('parser kernel-files not implemented yet');
  },
};
