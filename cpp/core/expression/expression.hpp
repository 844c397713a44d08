// A user's loss function f(x, y), parsed once into a compact postfix tape and
// evaluated with forward-mode automatic differentiation (jet.hpp): the value,
// the exact gradient and the exact Hessian, never finite differences.
//
// Grammar (whitespace between tokens is ignored; names are lower case):
//   expr    := term  (('+' | '-') term)*
//   term    := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?          right-associative: 2^3^2 = 2^9; -x^2 = -(x^2)
//   primary := number | 'x' | 'y' | 'pi' | 'e' | name '(' expr (',' expr)? ')' | '(' expr ')'
//   number  := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]   (also '.5')
//   names   := sin cos tan exp log sqrt abs tanh sigmoid (one argument), min max (two)
//
// Limits: at most kMaxLength characters and kMaxDepth nested levels (parentheses,
// function calls, unary signs and exponents each add one). Parsing is one pass
// over the text and evaluation one pass over the tape, so nothing can hang.
//
// Errors throw ExpressionError (a std::invalid_argument) whose message starts with
// the 1-based column of the offending character: "at column 7: expected ')'".
//
// Semantics: subexpressions without x and y are folded to a constant when parsed.
// a^c with a constant exponent c uses c a^(c-1) (any sign of a); a^b with b
// depending on x or y is exp(b log a), whose derivatives are NaN for a <= 0.
// abs'(0) = 0; min/max take the derivatives of the chosen argument (the first on a
// tie). Values outside a function's domain give NaN or infinities (log(-1),
// sqrt'(0), 1/0): the race reports such a run as diverged.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "jet.hpp"

namespace optlab::expr {

inline constexpr std::size_t kMaxLength = 500;
inline constexpr int kMaxDepth = 64;

class ExpressionError : public std::invalid_argument {
 public:
  ExpressionError(int column, const std::string& message)
      : std::invalid_argument("at column " + std::to_string(column) + ": " + message), column_(column) {}
  int column() const { return column_; }  // 1-based

 private:
  int column_;
};

enum class Op : std::uint8_t {
  Const, X, Y,
  Add, Sub, Mul, Div, Pow, Min, Max,           // binary
  Neg, Square, PowConst,                       // unary with an operand on the stack
  Sin, Cos, Tan, Exp, Log, Sqrt, Abs, Tanh, Sigmoid,
};

struct Instr {
  Op op;
  double c = 0;  // Const: the value; PowConst: the exponent
};

class Expression {
 public:
  // Throws ExpressionError.
  static Expression parse(const std::string& text);

  double value(double x, double y) const;
  Jet1 jet1(double x, double y) const;  // value and gradient
  Jet2 jet2(double x, double y) const;  // value, gradient and Hessian

  const std::string& source() const { return source_; }
  const std::vector<Instr>& tape() const { return tape_; }
  bool dependsOnX() const;
  bool dependsOnY() const;

 private:
  template <typename T>
  T run(double x, double y) const;

  std::string source_;
  std::vector<Instr> tape_;
};

// The verdict on a user's text without keeping the parse: an empty error and column 0
// for a valid expression, else ExpressionError's message and its 1-based column.
struct ExpressionCheck {
  std::string error;
  int column = 0;
};
ExpressionCheck checkExpression(const std::string& text);

}  // namespace optlab::expr
