// Automatic differentiation of user expressions (cpp/core/expression/): exact
// value, gradient and Hessian against finite differences on many random
// generated expressions, the jets against each other, and the hand-derived
// derivatives of each function.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>

#include "expression/expression.hpp"

using optlab::expr::Expression;
using optlab::expr::Jet1;
using optlab::expr::Jet2;

namespace {

struct Lcg {
  std::uint64_t s;
  std::uint64_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return s >> 11;
  }
  double unit() { return static_cast<double>(next()) * 0x1.0p-53; }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

// A random smooth expression of bounded size: every function keeps its argument
// where it is differentiable (log(1 + u^2), a / (1 + b^2), ...).
std::string randomExpr(Lcg& r, int depth) {
  if (depth == 0 || r.below(5) == 0) {
    switch (r.below(4)) {
      case 0: return "x";
      case 1: return "y";
      case 2: return "(" + std::to_string(static_cast<int>(r.below(7)) - 3) + ".5)";
      default: return r.below(2) ? "pi" : "e";
    }
  }
  const std::string a = randomExpr(r, depth - 1);
  switch (r.below(16)) {
    case 0: return a + " + " + randomExpr(r, depth - 1);
    case 1: return a + " - " + randomExpr(r, depth - 1);
    case 2: return "(" + a + ") * (" + randomExpr(r, depth - 1) + ")";
    case 3: return "(" + a + ") / (1 + (" + randomExpr(r, depth - 1) + ")^2)";
    case 4: return "(" + a + ")^2";
    case 5: return "(" + a + ")^3";
    case 6: return "sin(" + a + ")";
    case 7: return "cos(" + a + ")";
    case 8: return "tanh(" + a + ")";
    case 9: return "sigmoid(" + a + ")";
    case 10: return "log(1 + (" + a + ")^2)";
    case 11: return "sqrt(2 + sin(" + a + "))";
    case 12: return "exp(sin(" + a + "))";
    case 13: return "tan(0.5 * tanh(" + a + "))";
    case 14: return "-(" + a + ")";
    default: return "(1.5 + cos(" + a + "))^(sigmoid(" + randomExpr(r, depth - 1) + "))";
  }
}

bool close(double ad, double fd, double scale, double rel) { return std::fabs(ad - fd) <= rel * (1 + scale); }

}  // namespace

TEST_CASE("Expression_RandomDerivativesMatchFiniteDifferences", "[expression]") {
  Lcg r{20240611};
  int checked = 0;
  for (int n = 0; n < 400; ++n) {
    const std::string text = randomExpr(r, 4);
    const Expression e = Expression::parse(text);
    for (int k = 0; k < 4; ++k) {
      const double x = -1.5 + 3 * r.unit(), y = -1.5 + 3 * r.unit();
      const Jet2 j = e.jet2(x, y);
      const Jet1 g = e.jet1(x, y);
      INFO(text << " at (" << x << ", " << y << ")");
      // Value parts agree bit for bit with plain evaluation.
      REQUIRE(j.v == e.value(x, y));
      REQUIRE(g.v == e.value(x, y));
      REQUIRE(g.dx == Approx(j.dx).epsilon(1e-12).margin(1e-12));
      REQUIRE(g.dy == Approx(j.dy).epsilon(1e-12).margin(1e-12));
      // Gradient vs central differences of the value; Hessian vs central differences of the exact gradient.
      const double h = 1e-5;
      const double fdx = (e.value(x + h, y) - e.value(x - h, y)) / (2 * h);
      const double fdy = (e.value(x, y + h) - e.value(x, y - h)) / (2 * h);
      const double scale = std::fabs(j.v) + std::fabs(j.dx) + std::fabs(j.dy);
      REQUIRE(close(j.dx, fdx, scale, 1e-6));
      REQUIRE(close(j.dy, fdy, scale, 1e-6));
      const Jet1 xp = e.jet1(x + h, y), xm = e.jet1(x - h, y), yp = e.jet1(x, y + h), ym = e.jet1(x, y - h);
      const double hs = scale + std::fabs(j.dxx) + std::fabs(j.dxy) + std::fabs(j.dyy);
      REQUIRE(close(j.dxx, (xp.dx - xm.dx) / (2 * h), hs, 1e-6));
      REQUIRE(close(j.dxy, (xp.dy - xm.dy) / (2 * h), hs, 1e-6));
      REQUIRE(close(j.dxy, (yp.dx - ym.dx) / (2 * h), hs, 1e-6));
      REQUIRE(close(j.dyy, (yp.dy - ym.dy) / (2 * h), hs, 1e-6));
      ++checked;
    }
  }
  REQUIRE(checked == 1600);
}

TEST_CASE("Expression_FunctionDerivativesByHand", "[expression]") {
  const double x = 0.7, y = -0.4;
  struct Case {
    const char* text;
    double v, dx, dxx;  // f(x) only: derivatives in x
  };
  const double s = 1 / (1 + std::exp(-x));
  const Case cases[] = {
      {"sin(x)", std::sin(x), std::cos(x), -std::sin(x)},
      {"cos(x)", std::cos(x), -std::sin(x), -std::cos(x)},
      {"tan(x)", std::tan(x), 1 + std::tan(x) * std::tan(x),
       2 * std::tan(x) * (1 + std::tan(x) * std::tan(x))},
      {"exp(x)", std::exp(x), std::exp(x), std::exp(x)},
      {"log(x)", std::log(x), 1 / x, -1 / (x * x)},
      {"sqrt(x)", std::sqrt(x), 0.5 / std::sqrt(x), -0.25 / (x * std::sqrt(x))},
      {"abs(x)", x, 1, 0},
      {"abs(-x)", x, 1, 0},
      {"tanh(x)", std::tanh(x), 1 - std::tanh(x) * std::tanh(x),
       -2 * std::tanh(x) * (1 - std::tanh(x) * std::tanh(x))},
      {"sigmoid(x)", s, s * (1 - s), s * (1 - s) * (1 - 2 * s)},
      {"x^3", x * x * x, 3 * x * x, 6 * x},
      {"x^0.5", std::sqrt(x), 0.5 / std::sqrt(x), -0.25 / (x * std::sqrt(x))},
      {"2^x", std::pow(2, x), std::log(2) * std::pow(2, x), std::log(2) * std::log(2) * std::pow(2, x)},
      {"1/x", 1 / x, -1 / (x * x), 2 / (x * x * x)},
      {"min(x, 1)", x, 1, 0},
      {"max(x, 1)", 1, 0, 0},
      {"-x^2", -x * x, -2 * x, -2},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Jet2 j = Expression::parse(c.text).jet2(x, y);
    CHECK(j.v == Approx(c.v).epsilon(1e-14));
    CHECK(j.dx == Approx(c.dx).epsilon(1e-14));
    CHECK(j.dxx == Approx(c.dxx).epsilon(1e-13).margin(1e-15));
    CHECK(j.dy == 0);
    CHECK(j.dxy == 0);
    CHECK(j.dyy == 0);
  }
  // Mixed partials and a negative base with a constant integer exponent.
  const Jet2 m = Expression::parse("x^2*y + sin(x*y)").jet2(x, y);
  CHECK(m.dxy == Approx(2 * x + std::cos(x * y) - x * y * std::sin(x * y)).epsilon(1e-14));
  const Jet2 n = Expression::parse("x^3").jet2(-2, 0);
  CHECK(n.v == -8);
  CHECK(n.dx == 12);
  CHECK(n.dxx == -12);
  // abs at its kink and x^c at 0: finite, defined derivatives.
  CHECK(Expression::parse("abs(x)").jet2(0, 0).dx == 0);
  CHECK(Expression::parse("x^1 + y^0").jet2(0, 0).dxx == 0);
}

TEST_CASE("Expression_GrammarAndFolding", "[expression]") {
  auto v = [](const char* t, double x = 0.3, double y = -0.6) { return Expression::parse(t).value(x, y); };
  CHECK(v("2^3^2") == 512);         // right-associative
  CHECK(v("-2^2") == -4);           // unary minus below ^
  CHECK(v("2^-1") == 0.5);          // signed exponent
  CHECK(v("1 - 2 - 3") == -4);      // left-associative
  CHECK(v("8 / 4 / 2") == 1);
  CHECK(v("2 * 3 + 4 * 5") == 26);
  CHECK(v("1.5e2 + .5 + 2E-1") == 150.7);
  CHECK(v("pi") == Approx(3.141592653589793));
  CHECK(v("e") == Approx(2.718281828459045));
  CHECK(v("  x\t*\n y ") == 0.3 * -0.6);
  CHECK(v("--x") == 0.3);
  CHECK(v("+x") == 0.3);
  // Constant subexpressions fold to one instruction.
  CHECK(Expression::parse("2 * pi * 3 + sin(1)").tape().size() == 1);
  CHECK(Expression::parse("x^2").tape().size() == 2);  // x, square
  CHECK(Expression::parse("x^1").tape().size() == 1);
  CHECK(Expression::parse("x + 1").dependsOnX());
  CHECK_FALSE(Expression::parse("x + 1").dependsOnY());
  // Values outside a function's domain are NaN or infinite, never an exception.
  CHECK(std::isnan(v("log(-1 - x^2)")));
  CHECK(std::isinf(v("1 / (x - 0.3)")));
  CHECK_FALSE(std::isfinite(Expression::parse("sqrt(x)").jet2(0, 0).dxx));
}
