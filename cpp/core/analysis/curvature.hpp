// The chapter's "Hessian perspective": eigen-decomposition of the symmetric
// 2x2 Hessian, its condition number, and what kind of point it describes.
#pragma once

#include <string>

#include "landscapes/landscape.hpp"

namespace optlab {

enum class CurvatureKind {
  PositiveDefinite = 0,  // both eigenvalues > 0: a bowl; kappa = lambda_max / lambda_min
  NegativeDefinite = 1,  // both < 0: a cap (local maximum)
  Indefinite = 2,        // one of each sign: a saddle ("saddle: negative eigenvalue")
  Degenerate = 3,        // an eigenvalue is (numerically) zero: flat in some direction
};

struct Curvature {
  double lambdaMin = 0, lambdaMax = 0;  // lambdaMin <= lambdaMax
  Point vMin, vMax;                     // unit eigenvectors
  CurvatureKind kind = CurvatureKind::Degenerate;
  // lambda_max / lambda_min for PositiveDefinite; NaN otherwise (it means
  // nothing for a saddle, a cap or a flat direction).
  double conditionNumber = 0;
  std::string kindName;     // "positive definite", "saddle (indefinite)", ...
  std::string description;  // one line for the UI, e.g. "saddle: negative eigenvalue -2"
};

// An eigenvalue counts as zero when |lambda| <= relTol * max(|lambda_min|,
// |lambda_max|) or |lambda| <= absTol.
Curvature analyzeHessian(const Hessian2& h, double relTol = 1e-10, double absTol = 1e-300);

inline Curvature curvatureAt(const Landscape& f, Point p) { return analyzeHessian(f.hessian(p.x, p.y)); }

}  // namespace optlab
