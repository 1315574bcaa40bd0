import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built into out/renderer with relative asset paths, so the same files load
// from the desktop app's custom protocol and from the browser-mode host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
