// Written by scripts/build-site.mjs: the content-hashed name of the core's wasm, relative to the
// site root (a copy under assets/ named by its content hash).
export declare const CORE_WASM: string;
