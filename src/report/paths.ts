// Where the templates live: `templates/` at the package root.
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
