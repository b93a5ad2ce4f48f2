// Where the templates live: `templates/` at the package root, three levels above this module
// (dist/src/report/ or dist-*/src/report/ alike).
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'templates');
