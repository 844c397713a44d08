// A sparse feature, the situation AdaGrad was designed for:
//   f(x, y) = 0.5 (x - 1)^2 + 0.5 (y - 1)^2,
// but the optimizer *observes* the y-component of the gradient only on a small
// fraction `density` of the steps, like the weight of a rare feature; on the
// other steps it sees 0 there (no rescaling: the expected observed gradient is
// (x - 1, density (y - 1))). value/gradient/hessian are those of the full f;
// the mask is applied by maskGradient(g, step), a pure function of (seed,
// step): y is observed at step k iff toUnit(hash64(seed, k)) < density. Every
// runner of a race therefore sees the feature at the same steps, and a restart
// replays them. One minimum, global, at (1, 1), value 0.
#include <cstdint>
#include <memory>

#include "basic_landscape.hpp"
#include "builtin.hpp"
#include "random/rng.hpp"

namespace optlab {
namespace {

class SparseFeature final : public BasicLandscape {
 public:
  explicit SparseFeature(const LandscapeParams& p)
      : BasicLandscape("sparse_feature", "Sparse feature",
                       "\\tfrac12 (x-1)^2 + \\tfrac12 (y-1)^2,\\ \\partial_y f \\text{ seen on a fraction } "
                       "\\rho \\text{ of steps}",
                       {-3, 3, -3, 3}, {-2, -2}, p),
        density_(p.at("density")),
        seed_(static_cast<std::uint64_t>(p.at("seed"))) {
    minima_.push_back(Minimum{{1, 1}, 0.0, true});
  }

  double value(double x, double y) const override { return 0.5 * (x - 1) * (x - 1) + 0.5 * (y - 1) * (y - 1); }
  Point gradient(double x, double y) const override { return {x - 1, y - 1}; }
  Hessian2 hessian(double, double) const override { return {1, 0, 1}; }

  void maskGradient(Point& g, std::uint64_t step) const override {
    if (!(toUnit(hash64(seed_, step)) < density_)) g.y = 0;
  }

 private:
  double density_;
  std::uint64_t seed_;
};

}  // namespace

LandscapeEntry sparseFeatureEntry() {
  return {{"sparse_feature", "Sparse feature",
           "\\tfrac12 (x-1)^2 + \\tfrac12 (y-1)^2,\\ \\partial_y f \\text{ seen on a fraction } \\rho \\text{ of steps}",
           "A rare feature: the y-gradient shows up on few steps, so per-coordinate step sizes (AdaGrad) pay off.",
           {{"density", "fraction \\rho of steps with a y-gradient", 0.1, 0.01, 1, false,
             "Probability that a step observes the y-component of the gradient."},
            {"seed", "mask seed", 1, 0, 4294967295.0, true, "Seed of the pseudo-random mask."}}},
          [](const LandscapeParams& p) { return std::make_unique<SparseFeature>(p); }};
}

}  // namespace optlab
