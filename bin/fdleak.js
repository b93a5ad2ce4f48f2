#!/usr/bin/env node
// The bundled CLI (npm run build writes it); see scripts/bundle-cli.mjs. A big input warms up the
// strace part worker first, while the CLI bundle loads (src/cli/warm.ts).
import { warmUp } from '../dist/cli/warm.js';

warmUp(process.argv.slice(2));
await import('../dist/cli/main.js');
