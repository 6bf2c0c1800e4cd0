// esbuild bundles CSS imports into dist/ui.html (build.mjs).
declare module '*.css';
