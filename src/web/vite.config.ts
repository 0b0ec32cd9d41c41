import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard is built into dist/web and served by the product's own server at `/`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: path.resolve(import.meta.dirname, '../../dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
