// Shared plumbing for the built-in landscapes: the descriptive fields every
// landscape returns, stored once, plus Newton refinement used to compute local
// minima precisely at construction.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "landscape.hpp"

namespace optlab {

class BasicLandscape : public Landscape {
 public:
  Domain domain() const override { return domain_; }
  Point suggestedStart() const override { return start_; }
  std::vector<Minimum> minima() const override { return minima_; }
  std::string id() const override { return id_; }
  std::string displayName() const override { return name_; }
  std::string latex() const override { return latex_; }
  LandscapeParams parameters() const override { return params_; }

 protected:
  BasicLandscape(std::string id, std::string name, std::string latex, Domain domain, Point start,
                 LandscapeParams params = {})
      : id_(std::move(id)),
        name_(std::move(name)),
        latex_(std::move(latex)),
        domain_(domain),
        start_(start),
        params_(std::move(params)) {}

  // Refine `guess` to a stationary point by Newton's method on the analytic
  // gradient and Hessian, then store it (its value computed by value()).
  void addMinimum(Point guess, bool global);
  // Mark as global every minimum whose value is within `tol` of the lowest.
  void markGlobalMinima(double tol = 1e-9);

  std::string id_, name_, latex_;
  Domain domain_;
  Point start_;
  LandscapeParams params_;
  std::vector<Minimum> minima_;
};

// Newton iteration x <- x - H^{-1} g until the step is below 1e-15 relative or
// `maxIter` is reached. Returns the refined point.
Point newtonRefine(const Landscape& f, Point guess, int maxIter = 100);

}  // namespace optlab
