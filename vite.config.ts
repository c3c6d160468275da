import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The front end. `npm start` builds it into dist/, which the API server serves at /.
// In development (`npm run dev`) the API runs separately on :8080 and is proxied.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/ogc': 'http://127.0.0.1:8080',
      '/tiles': 'http://127.0.0.1:8080',
      '/fonts': 'http://127.0.0.1:8080',
    },
  },
});
