#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/curvature.hpp"
#include "landscapes/registry.hpp"

using namespace optlab;

TEST_CASE("Curvature_EigenpairsOfRandomSymmetricMatrices", "[curvature]") {
  for (int i = 0; i < 200; ++i) {
    const Hessian2 h{std::sin(i * 1.3) * 10, std::cos(i * 0.7) * 5, std::sin(i * 2.1 + 1) * 10};
    const Curvature c = analyzeHessian(h);
    CHECK(c.lambdaMin <= c.lambdaMax);
    CHECK(c.lambdaMin + c.lambdaMax == Approx(h.xx + h.yy).margin(1e-12));
    CHECK(c.lambdaMin * c.lambdaMax == Approx(h.xx * h.yy - h.xy * h.xy).margin(1e-10));
    for (const auto& [l, v] : {std::pair{c.lambdaMin, c.vMin}, std::pair{c.lambdaMax, c.vMax}}) {
      CHECK(std::hypot(v.x, v.y) == Approx(1).epsilon(1e-14));
      CHECK(h.xx * v.x + h.xy * v.y == Approx(l * v.x).margin(1e-11));
      CHECK(h.xy * v.x + h.yy * v.y == Approx(l * v.y).margin(1e-11));
    }
  }
}

TEST_CASE("Curvature_ClassifiesBowlSaddleCapAndFlat", "[curvature]") {
  const Curvature bowl = analyzeHessian({1, 0, 50});
  CHECK(bowl.kind == CurvatureKind::PositiveDefinite);
  CHECK(bowl.conditionNumber == 50);
  CHECK(bowl.vMax.y == 1);
  CHECK(bowl.description == "positive definite: kappa = 50");

  const Curvature saddle = curvatureAt(*makeLandscape("saddle"), {0, 0});
  CHECK(saddle.kind == CurvatureKind::Indefinite);
  CHECK(std::isnan(saddle.conditionNumber));
  CHECK(saddle.lambdaMin == -2);
  CHECK(saddle.description == "saddle: negative eigenvalue -2");
  CHECK(saddle.kindName == "saddle (indefinite)");

  const Curvature cap = analyzeHessian({-1, 0.5, -2});
  CHECK(cap.kind == CurvatureKind::NegativeDefinite);
  CHECK(std::isnan(cap.conditionNumber));

  const Curvature monkey = curvatureAt(*makeLandscape("monkey_saddle"), {0, 0});
  CHECK(monkey.kind == CurvatureKind::Degenerate);
  const Curvature flat = analyzeHessian({1, 1, 1});  // rank one
  CHECK(flat.kind == CurvatureKind::Degenerate);
  CHECK(std::isnan(flat.conditionNumber));
}

TEST_CASE("Curvature_RosenbrockValleyIsIllConditioned", "[curvature]") {
  const Curvature c = curvatureAt(*makeLandscape("rosenbrock"), {1, 1});
  CHECK(c.kind == CurvatureKind::PositiveDefinite);
  // H = [[802, -400], [-400, 200]]: kappa ~ 2508.
  CHECK(c.conditionNumber == Approx(2508.00960).epsilon(1e-8));
}
