// The Emscripten module factory scripts/build-site.mjs copies to build/site/generated/core.js.
// Its Embind API is typed where it is wrapped (web/js/core/wrap-core.js, labs-core.js).
declare function createCoreModule(options?: object): Promise<any>;
export default createCoreModule;
