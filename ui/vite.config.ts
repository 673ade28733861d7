/// <reference types="vitest/config" />
import { defineConfig } from "vite";

export default defineConfig({
  clearScreen: false,
  // Vite 8 transforms TypeScript with oxc; React 19 wants the automatic JSX runtime.
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  server: { port: 1420, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
