import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The Hono server serves dist/ in production; in development Vite serves the UI and
// forwards the API to a server started with `npm run dev`.
// The UI takes values from @cando/core/constants only (zod-free); from @cando/core it takes
// types, which are erased, so no schema code reaches the bundle.
export default defineConfig({
  plugins: [preact()],
  build: { outDir: "dist", emptyOutDir: true },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:8787", changeOrigin: false },
    },
  },
});
