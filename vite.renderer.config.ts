import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer's build (kept at the top level: it runs in Node, the renderer folder holds only page code).
// The renderer is a static bundle: served from app://longhand in the app and by the test harness in Chromium.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // No inline module-preload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    // Loaded from disk, never over a network: one bundle is fine.
    chunkSizeWarningLimit: 4096,
  },
});
