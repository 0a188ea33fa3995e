import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The FastAPI app serves the built SPA from frontend/dist and answers the API
// under /api/v1. In development (npm run dev) Vite proxies the API to it.
const backend = process.env.GWELLA_BACKEND_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/readyz': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  css: {
    preprocessorOptions: {
      scss: {
        // nhsuk-frontend resolves its own partials; quieten warnings from the library itself
        quietDeps: true,
      },
    },
  },
});
