import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The browser-preview bridge: builds `window.clinic` over loopback HTTP for machines
// without the Electron binary. A development/testing tool only: never packaged.
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, 'out/preview-bridge'),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'scripts/preview-bridge/bridge-client.ts'),
      formats: ['iife'],
      name: 'clinicPreviewBridge',
      fileName: () => 'bridge.js',
    },
  },
});
