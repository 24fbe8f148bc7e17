import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the Electron side: the main process (ESM, Node target; dependencies in node_modules stay external
 * and are shipped by electron-builder) and the preload (one CommonJS file: a sandboxed preload can't
 * load modules, only `electron`). Select with LONGHAND_TARGET=main|preload; `npm run build` does both.
 */
const target = process.env.LONGHAND_TARGET ?? 'main';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(
  target === 'preload'
    ? {
        build: {
          outDir: here('../dist/preload'),
          emptyOutDir: true,
          target: 'node22',
          minify: false,
          sourcemap: true,
          lib: { entry: here('./preload/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
          rollupOptions: { external: ['electron'] },
        },
      }
    : {
        build: {
          outDir: here('../dist/main'),
          emptyOutDir: true,
          target: 'node22',
          minify: false,
          sourcemap: true,
          ssr: here('./main/main.ts'),
          rollupOptions: { external: ['electron', 'electron-store', /^node:/], output: { format: 'es', entryFileNames: 'main.js' } },
        },
      },
);
