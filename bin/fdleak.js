#!/usr/bin/env node
// The bundled CLI (npm run build writes it); see scripts/bundle-cli.mjs.
await import('../dist/cli/main.js');
