import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

// The UI is a static bundle served by `tend serve` from web/dist; in development `vite --config
// web/vite.config.ts` proxies the API to a running server (TEND_API_URL, default port 8080).
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': process.env['TEND_API_URL'] ?? 'http://127.0.0.1:8080' },
  },
})
