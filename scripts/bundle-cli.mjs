// Bundles the CLI into dist/cli/ after tsc: Node's ESM loader pays for every module, and yargs alone
// is ~30 of them; one bundle with lazily loaded chunks starts much sooner. Heavy, rarely needed
// packages stay external and load from node_modules when used.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// Every `string-width` (yargs', cliui's, wrap-ansi's) resolves to a light one: see scripts/string-width.mjs.
const lightStringWidth = {
  name: 'light-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, () => ({ path: fileURLToPath(new URL('./string-width.mjs', import.meta.url)) }));
  },
};

await build({
  entryPoints: ['dist/src/cli/main.js'],
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['puppeteer-core', 'vega-lite', 'xz-decompress'],
  plugins: [lightStringWidth],
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __fdleakCreateRequire } from 'node:module'; const require = __fdleakCreateRequire(import.meta.url);",
  },
});
