// libFuzzer target for the expression parser (cpp/core/expression/): the input
// bytes are the text a user types as f(x, y).
//
// Oracles (a violation aborts, which libFuzzer reports as a crash):
//  * parse() returns or throws expr::ExpressionError, nothing else; its message is
//    "at column N: <non-empty text>" with N == column() in [1, length + 1]
//    (501 for an over-long input);
//  * accepted input is at most 500 characters;
//  * evaluation never throws or crashes; value(), jet1().v and jet2().v are the same
//    bits, and jet1's gradient is jet2's (same operations);
//  * short accepted input also builds a custom landscape (minima search) whose
//    reported minima lie in the domain and are finite.
// Built by `bash scripts/build.sh asan`; scripts/test.sh runs it for a few seconds
// from tests/fuzz/expression_corpus/ with tests/fuzz/expression.dict.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>

#include "expression/custom_landscape.hpp"
#include "expression/expression.hpp"

namespace {

using namespace optlab;

[[noreturn]] void fail(const char* what, const std::string& input) {
  std::fprintf(stderr, "expression_fuzz: %s (input '%s')\n", what, input.c_str());
  std::fflush(stderr);
  std::abort();
}

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  expr::Expression e;
  try {
    e = expr::Expression::parse(text);
  } catch (const expr::ExpressionError& err) {
    const std::string m = err.what();
    const std::string prefix = "at column " + std::to_string(err.column()) + ": ";
    if (m.rfind(prefix, 0) != 0 || m.size() <= prefix.size()) fail("malformed error message", text);
    const auto maxColumn = static_cast<int>(std::min(size, expr::kMaxLength) + 1);
    if (err.column() < 1 || err.column() > maxColumn) fail("error column out of range", text);
    return 0;
  } catch (...) {
    fail("parse threw something other than ExpressionError", text);
  }
  if (size > expr::kMaxLength) fail("over-long input accepted", text);
  try {
    const double pts[][2] = {{0, 0}, {0.5, -1.25}, {-2, 3}, {1e-300, -1e300}, {NAN, 1}};
    for (const auto& p : pts) {
      const double v = e.value(p[0], p[1]);
      const expr::Jet1 j1 = e.jet1(p[0], p[1]);
      const expr::Jet2 j2 = e.jet2(p[0], p[1]);
      if (!same(v, j1.v) || !same(v, j2.v)) fail("jet values differ from value()", text);
      if (!same(j1.dx, j2.dx) || !same(j1.dy, j2.dy)) fail("jet1 and jet2 gradients differ", text);
    }
    if (size <= 60) {
      const auto f = makeCustomLandscape(text, Domain{-2, 2, -1.5, 2.5});
      for (const Minimum& m : f->minima()) {
        if (!std::isfinite(m.at.x) || !std::isfinite(m.at.y) || !std::isfinite(m.value)) fail("non-finite minimum", text);
        if (m.at.x < -2 || m.at.x > 2 || m.at.y < -1.5 || m.at.y > 2.5) fail("minimum outside the domain", text);
      }
      if (f->minima().size() > static_cast<std::size_t>(kMaxCustomMinima)) fail("too many minima", text);
    }
  } catch (...) {
    fail("evaluation threw", text);
  }
  return 0;
}
