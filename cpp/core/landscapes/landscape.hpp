// The interface every 2-D loss landscape of the core implements.
//
// A landscape knows its value, analytic gradient and analytic Hessian, where to
// plot it, where a race usually starts, and *all* of its minima (a landscape
// never documents a minimum it does not report). Landscapes defined on all of
// R^2 with infinitely many local minima (rastrigin, ackley) report every
// minimum that lies inside their plotting domain.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace optlab {

struct Point {
  double x = 0;
  double y = 0;
};

// Symmetric 2x2 Hessian [[xx, xy], [xy, yy]].
struct Hessian2 {
  double xx = 0;
  double xy = 0;
  double yy = 0;
};

struct Domain {
  double xmin = -2, xmax = 2, ymin = -1, ymax = 3;
};

struct Minimum {
  Point at;
  double value = 0;
  bool global = true;
};

// Named landscape parameter values ("kappa" -> 50). Always complete once a
// landscape is built: every parameter of its spec has a value.
using LandscapeParams = std::map<std::string, double>;

class Landscape {
 public:
  virtual ~Landscape() = default;

  virtual double value(double x, double y) const = 0;
  virtual Point gradient(double x, double y) const = 0;  // (df/dx, df/dy)
  virtual Hessian2 hessian(double x, double y) const = 0;

  virtual Domain domain() const = 0;
  virtual Point suggestedStart() const = 0;
  virtual std::vector<Minimum> minima() const = 0;
  virtual std::string id() const = 0;           // "rosenbrock"
  virtual std::string displayName() const = 0;  // "Rosenbrock"
  virtual std::string latex() const = 0;        // "(a-x)^2 + b(y-x^2)^2"

  // --- What the race needs beyond value and gradient ---

  // The parameter values this instance was built with (empty if it has none).
  virtual LandscapeParams parameters() const { return {}; }

  // value() and gradient() at one point in one call (the race's hot path).
  // Overrides share subexpressions but must return exactly value() and gradient().
  virtual double valueAndGradient(double x, double y, Point& g) const {
    g = gradient(x, y);
    return value(x, y);
  }

  // The gradient an optimizer *observes* at step `step` (0-based step index of
  // the run) may differ from the true gradient: sparse_feature drops its
  // y-component on most steps. The race and the sweep call this on the true
  // gradient before adding optional gaussian noise. It must be a pure function
  // of (g, step) so that every runner of a race sees the same mask at the same
  // step, and a restarted run replays it. Default: no change.
  virtual void maskGradient(Point& /*g*/, std::uint64_t /*step*/) const {}
};

}  // namespace optlab
