// The Emscripten module factory with the labs' bindings too (CMakeLists.txt core_labs), which
// scripts/build-site.mjs copies to build/site/generated/core_labs.js for the labs' worker.
declare function createCoreModule(options?: object): Promise<any>;
export default createCoreModule;
