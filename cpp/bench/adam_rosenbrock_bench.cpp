// Native throughput of the core: Adam on Rosenbrock, gradient + step per iteration,
// in the harness order of UPDATE_RULES.md §1. Not a test; prints steps per second.
//
//   optlab_bench [steps]      (default 20,000,000)
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "landscapes/registry.hpp"
#include "optimizers/registry.hpp"

int main(int argc, char** argv) {
  const long steps = argc > 1 ? std::atol(argv[1]) : 20000000L;
  auto opt = optlab::makeOptimizer("adam", optlab::parseSettings("adam", "lr=0.001"));
  auto f = optlab::makeLandscape("rosenbrock");
  opt->reset(2);
  std::array<double, 2> p{-1.5, 2.0}, at{}, g{};
  const auto t0 = std::chrono::steady_clock::now();
  for (long k = 0; k < steps; ++k) {
    opt->gradientPoint(p, at);
    const auto grad = f->gradient(at[0], at[1]);
    g = {grad.x, grad.y};
    opt->step(p, g);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("adam on rosenbrock: %ld steps in %.3f s = %.3g steps/s (final x=%.6f y=%.6f)\n", steps, seconds,
              static_cast<double>(steps) / seconds, p[0], p[1]);
  return 0;
}
