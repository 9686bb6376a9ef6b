import path from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * The distributor portal: a static SPA with relative asset URLs (base "./"),
 * so the same build is served by the Medusa server at any path and from any
 * host or CDN beside a config.js. esbuild compiles the JSX (no React plugin:
 * no fast refresh is needed for a production build).
 */
export default defineConfig({
  root: here,
  base: "./",
  logLevel: "warn",
  esbuild: { jsx: "automatic" },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: path.resolve(here, "..", "..", ".medusa", "server", "portal"),
    emptyOutDir: true,
    target: ["es2019", "safari13", "chrome80"],
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    sourcemap: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-query's "use client" directives mean nothing in a client-only bundle
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return
        warn(warning)
      },
    },
  },
})
