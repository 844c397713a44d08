// Small helpers shared by the optimizer tests (not a test file itself).
#pragma once

#include <array>
#include <cstring>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "landscapes/registry.hpp"
#include "optimizers/optimizer.hpp"
#include "optimizers/registry.hpp"
#include "util/double_bits.hpp"
#include "harness/torch_harness.hpp"

namespace optlab::test {

inline std::unique_ptr<Optimizer> make(const std::string& id, const std::string& settings) {
  return makeOptimizer(id, parseSettings(id, settings));
}

inline const Buffer& buffer(const Optimizer& opt, const std::string& name) {
  for (const auto& b : opt.buffers())
    if (b.name == name) return b;
  throw std::runtime_error("no buffer " + name);
}

inline bool hasBuffer(const Optimizer& opt, const std::string& name) {
  for (const auto& b : opt.buffers())
    if (b.name == name) return true;
  return false;
}

// One step from p with gradient g; returns the new parameters.
inline std::array<double, 2> stepOnce(Optimizer& opt, std::array<double, 2> p, std::array<double, 2> g) {
  opt.step(p, g);
  return p;
}

inline std::vector<TrajectoryPoint> run(const std::string& id, const std::string& settings,
                                        const std::string& landscape, int steps = 200) {
  auto opt = make(id, settings);
  auto f = makeLandscape(landscape);
  return runTrajectory(*opt, *f, f->suggestedStart(), steps);
}


inline bool sameBits(const std::vector<TrajectoryPoint>& a, const std::vector<TrajectoryPoint>& b) {
  using optlab::sameBits;
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!sameBits(a[i].x, b[i].x) || !sameBits(a[i].y, b[i].y) || !sameBits(a[i].loss, b[i].loss)) return false;
  return true;
}

}  // namespace optlab::test
