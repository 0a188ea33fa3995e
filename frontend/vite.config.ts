import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The FastAPI app serves the built SPA from frontend/dist and answers the API
// under /api/v1. In development (npm run dev) Vite proxies the API to it.
const backend = process.env.GWELLA_BACKEND_URL ?? 'http://127.0.0.1:8000';

// The API documentation page (/api/docs) runs Swagger UI from the app itself, never from a
// CDN: the pinned swagger-ui-dist files are copied to dist/api-docs-assets/, beside
// public/api-docs-assets/swagger-init.js. The API server names the same files.
const API_DOCS_ASSETS = 'api-docs-assets';
const SWAGGER_UI_FILES = [
  'swagger-ui-bundle.js',
  'swagger-ui-bundle.js.LICENSE.txt',
  'swagger-ui.css',
  'swagger-ui.css.map',
  'LICENSE',
  'NOTICE',
];
const MEDIA_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function swaggerUiAssets(): Plugin {
  const source = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const read = (name: string) => readFileSync(join(source, name));
  return {
    name: 'gwella-swagger-ui-assets',
    configureServer(server) {
      // npm run dev: the docs page (proxied from the API) loads these from Vite's origin.
      server.middlewares.use(`/${API_DOCS_ASSETS}`, (req, res, next) => {
        const name = (req.url ?? '').split('?')[0]?.replace(/^\//, '') ?? '';
        if (!SWAGGER_UI_FILES.includes(name)) {
          next();
          return;
        }
        res.setHeader('Content-Type', MEDIA_TYPES[extname(name)] ?? 'text/plain; charset=utf-8');
        res.end(read(name));
      });
    },
    generateBundle() {
      for (const name of SWAGGER_UI_FILES) {
        this.emitFile({ type: 'asset', fileName: `${API_DOCS_ASSETS}/${name}`, source: read(name) });
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), swaggerUiAssets()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      // '/api/', not '/api': Vite matches by string prefix, and /api-docs-assets/ is ours.
      '/api/': { target: backend, changeOrigin: false },
      // FHIR URLs are made from the address people use, this one in `make dev`.
      '/fhir/': { target: backend, changeOrigin: false },
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
