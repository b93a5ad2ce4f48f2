#!/usr/bin/env node
// The bundled CLI (npm run build writes it); see scripts/bundle-cli.mjs.
import { setFlagsFromString } from 'node:v8';

// Less TurboFan inlining: the strace pre-filter and sink are big closures (README, Performance).
// Set before any code is optimized.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');

await import('../dist/cli/main.js');
