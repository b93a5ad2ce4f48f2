#!/usr/bin/env node
// The bundled CLI (npm run build writes it); see scripts/bundle-cli.mjs. A big input warms up the
// strace part worker first, while the CLI bundle loads (src/cli/warm.ts).
import { setFlagsFromString } from 'node:v8';

// Less TurboFan inlining: the strace sink's byte readers are big closures, and compiling them with
// the default budget (920 bytes of inlined bytecode per function) took ~0.9 s of background CPU per
// thread, twice when a file is read in two parts on this 2-core machine. With 150: about 12% less
// CPU and 8-12% less wall time on the busy-server bench log, the same on the others (README,
// Performance). Set before any code is optimized; it applies to the part worker too.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');

const { warmUp } = await import('../dist/cli/warm.js');
warmUp(process.argv.slice(2));
await import('../dist/cli/main.js');
