// Malformed user expressions: a table of inputs with their exact messages (each
// points at a 1-based column), the length and nesting limits, and the custom
// landscape's domain and start checks.
#include <catch2/catch.hpp>

#include <string>

#include "expression/custom_landscape.hpp"
#include "expression/expression.hpp"

using optlab::expr::Expression;
using optlab::expr::ExpressionError;

TEST_CASE("Expression_MalformedMessages", "[expression]") {
  struct Case {
    std::string text;
    std::string message;
    int column;
  };
  const Case cases[] = {
      {"", "at column 1: empty expression", 1},
      {"   ", "at column 4: empty expression", 4},
      {"x +", "at column 4: unexpected end of expression", 4},
      {"(x + 1", "at column 7: expected ')'", 7},
      {"sin(x + (y)", "at column 12: expected ')'", 12},
      {"x + 1)", "at column 6: unexpected ')' (no matching '(')", 6},
      {"2x", "at column 2: unexpected 'x' (missing operator?)", 2},
      {"2e", "at column 2: unexpected 'e' (missing operator?)", 2},
      {"x y", "at column 3: unexpected 'y' (missing operator?)", 3},
      {"(x)(y)", "at column 4: unexpected '(' (missing operator?)", 4},
      {"1.2.3", "at column 4: unexpected '.' (missing operator?)", 4},
      {"x $ y", "at column 3: unexpected '$'", 3},
      {"x * * y", "at column 5: expected a number, x, y, a function or '(' but found '*'", 5},
      {")", "at column 1: expected a number, x, y, a function or '(' but found ')'", 1},
      {"foo(x)", "at column 1: unknown name 'foo'", 1},
      {"X + 1", "at column 1: unknown name 'X'", 1},
      {"x + sinh(y)", "at column 5: unknown name 'sinh'", 5},
      {"sin x", "at column 5: expected '(' after sin", 5},
      {"sin(x, y)", "at column 6: sin takes 1 argument", 6},
      {"min(x)", "at column 6: expected ',' (min takes 2 arguments)", 6},
      {"max(x, y, 1)", "at column 9: expected ')'", 9},
      {".", "at column 1: malformed number '.'", 1},
      {"1e999 * x", "at column 1: number out of range '1e999'", 1},
      {"x^", "at column 3: unexpected end of expression", 3},
      {"x \xc3\xa9", "at column 3: unexpected character (byte 0xC3)", 3},
      {"sin()", "at column 5: expected a number, x, y, a function or '(' but found ')'", 5},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.text);
    REQUIRE_THROWS_WITH(Expression::parse(c.text), c.message);
    try {
      Expression::parse(c.text);
    } catch (const ExpressionError& e) {
      CHECK(e.column() == c.column);
    }
  }
}

TEST_CASE("Expression_CheckWithoutThrowing", "[expression]") {
  // The page's check of what the user types: the parse's message and column, or none.
  const optlab::expr::ExpressionCheck bad = optlab::expr::checkExpression("(x + 1");
  CHECK(bad.error == "at column 7: expected ')'");
  CHECK(bad.column == 7);
  const optlab::expr::ExpressionCheck good = optlab::expr::checkExpression("sin(3*x)*cos(2*y)");
  CHECK(good.error.empty());
  CHECK(good.column == 0);
}

TEST_CASE("Expression_Limits", "[expression]") {
  // Length: 500 characters pass, 501 do not.
  std::string ok = "x";
  while (ok.size() < 499) ok += "+x";
  REQUIRE(ok.size() == 499);
  CHECK_NOTHROW(Expression::parse(ok + " "));
  REQUIRE_THROWS_WITH(Expression::parse(ok + "+x"), "at column 501: expression longer than 500 characters");

  // Nesting: 63 parentheses pass, 64 do not (the top level is the first level).
  auto nested = [](int n) { return std::string(static_cast<std::size_t>(n), '(') + "x" + std::string(static_cast<std::size_t>(n), ')'); };
  CHECK(Expression::parse(nested(63)).value(2, 0) == 2);
  REQUIRE_THROWS_WITH(Expression::parse(nested(64)), "at column 65: nesting deeper than 64 levels");
  // Chains of signs and exponents count too.
  REQUIRE_THROWS_WITH(Expression::parse(std::string(100, '-') + "x"), "at column 65: nesting deeper than 64 levels");
  std::string pow = "x";
  for (int i = 0; i < 80; ++i) pow += "^x";
  REQUIRE_THROWS_WITH(Expression::parse(pow), "at column 129: nesting deeper than 64 levels");
  // The deepest accepted right-nested sum evaluates (the stack bound holds).
  std::string sum;
  for (int i = 0; i < 62; ++i) sum += "x+(";
  sum += "x" + std::string(62, ')');
  CHECK(Expression::parse(sum).value(1, 0) == 63);
}

TEST_CASE("CustomLandscape_InvalidInput", "[expression][custom]") {
  using optlab::Domain;
  using optlab::makeCustomLandscape;
  REQUIRE_THROWS_WITH(makeCustomLandscape("x^2 +"), "at column 6: unexpected end of expression");
  REQUIRE_THROWS_WITH(makeCustomLandscape("x^2", Domain{1, -1, 0, 1}),
                      "Invalid domain: [1, -1] x [0, 1] (need finite bounds with xmin < xmax and ymin < ymax)");
  REQUIRE_THROWS_WITH(makeCustomLandscape("x^2", Domain{0, 1, 0, INFINITY}),
                      "Invalid domain: [0, 1] x [0, inf] (need finite bounds with xmin < xmax and ymin < ymax)");
  REQUIRE_THROWS_WITH(makeCustomLandscape("x^2", Domain{0, 1, 0, 1}, optlab::Point{NAN, 0}),
                      "Invalid start point: (nan, 0) is not finite");
}
