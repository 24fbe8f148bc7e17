// Vite bundles CSS imported from TypeScript; tell the compiler such imports exist.
declare module '*.css';
