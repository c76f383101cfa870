import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The headless CLI (npm run estimate / npm run packet) as one ES module for plain Node, so a
// run loads JavaScript instead of compiling TypeScript at each start. Node built-ins and the
// package's dependencies stay external (Node loads them from node_modules), except the small
// pure-JS ones the estimate loads at start: zod alone is ~200 ms as hundreds of ES modules, a
// few ms bundled. pdfmake (loaded only for a packet, finds its own files) and the native or
// Electron ones stay out. scripts/run-cli.mjs rebuilds this bundle when a source is newer.
const bundled = new Set(['zod', 'image-size', 'jpeg-js', 'pngjs']);
const dependencies = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name));
const external = (id: string): boolean =>
  id.startsWith('node:') || builtinModules.includes(id) || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  logLevel: 'warn',
  ssr: { noExternal: [...bundled] },
  build: {
    ssr: resolve(import.meta.dirname, 'electron/cli.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node22',
    minify: true,
    sourcemap: false,
    rollupOptions: {
      external,
      output: { format: 'es', entryFileNames: 'cli.mjs' },
    },
  },
});
