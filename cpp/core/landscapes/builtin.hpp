// The built-in landscapes, one file each. Every file defines its class in an
// anonymous namespace and exposes one entry (description + factory) here; the
// registry (registry.cpp) is the only place that lists them.
#pragma once

#include <functional>
#include <memory>

#include "registry.hpp"

namespace optlab {

struct LandscapeEntry {
  LandscapeInfo info;
  // Receives complete, validated parameters (every spec'd name present, in range).
  std::function<std::unique_ptr<Landscape>(const LandscapeParams&)> make;
};

LandscapeEntry rosenbrockEntry();
LandscapeEntry ravineEntry();
LandscapeEntry bealeEntry();
LandscapeEntry himmelblauEntry();
LandscapeEntry saddleEntry();
LandscapeEntry monkeySaddleEntry();
LandscapeEntry rastriginEntry();
LandscapeEntry ackleyEntry();
LandscapeEntry sixHumpCamelEntry();
LandscapeEntry boothEntry();
LandscapeEntry goldsteinPriceEntry();
LandscapeEntry plateauEntry();
LandscapeEntry sparseFeatureEntry();

}  // namespace optlab
