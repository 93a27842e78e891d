/// <reference types="vitest/config" />
/**
 * Vite config of the web UI. Root is web/; builds to web/dist, which the server serves with a strict
 * CSP (no inline scripts or styles), so nothing may be inlined into index.html.
 * `vite build --config web/vite.config.ts`; the dev server proxies /api to the local Pulse server.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The module-preload polyfill is harmless under the CSP, but the browsers we support need none.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URIs into scripts or styles; keep them as files.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
