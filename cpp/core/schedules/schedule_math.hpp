// The cosine the cosine schedules (CosineAnnealingLR, CosineAnnealingWarmRestarts,
// OneCycleLR's cos anneal) use.
//
// torch's schedulers call Python's math.cos, i.e. the C library's cos; on Linux that is
// glibc's, which the native build also calls, so native lrs equal torch's bit for bit.
// glibc's cos is not correctly rounded everywhere (about 0.1 % of arguments are 1 ulp
// off), and other C libraries differ from it elsewhere: Emscripten's musl cos gave other
// last bits on arguments of the test schedules. Builds without glibc (WebAssembly) use
// a correctly rounded cos instead (or any build, with OPTLAB_CORRECTLY_ROUNDED_COS),
// which agrees with glibc wherever glibc is correctly rounded.
#pragma once

#include <cmath>

#include "util/correctly_rounded_cos.hpp"

namespace optlab {

inline double scheduleCos(double x) {
#if defined(OPTLAB_CORRECTLY_ROUNDED_COS) || !defined(__GLIBC__)
  return crmath::cos(x);
#else
  return std::cos(x);
#endif
}

}  // namespace optlab
