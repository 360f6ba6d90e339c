import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The console is served by the service at /console/ from dist/console (src/console-host).
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [vue()],
  // The enum labels are shared with the service: one name per value (src/cases/case-labels.ts).
  resolve: { alias: { src: fileURLToPath(new URL('..', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Which chunks each page loads: read by bench/console-size.ts.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
});
