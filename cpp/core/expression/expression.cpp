#include "expression.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <type_traits>

namespace optlab::expr {
namespace {

// The evaluation stack lives on the C++ stack. The depth limit bounds it: every
// nesting level holds at most three pending left operands (expr, term, power).
constexpr std::size_t kMaxStack = 3 * (kMaxDepth + 2) + 8;

struct FunctionName {
  const char* name;
  Op op;
  int arity;
};

constexpr std::array<FunctionName, 11> kFunctions{{
    {"sin", Op::Sin, 1}, {"cos", Op::Cos, 1}, {"tan", Op::Tan, 1}, {"exp", Op::Exp, 1},
    {"log", Op::Log, 1}, {"sqrt", Op::Sqrt, 1}, {"abs", Op::Abs, 1}, {"tanh", Op::Tanh, 1},
    {"sigmoid", Op::Sigmoid, 1}, {"min", Op::Min, 2}, {"max", Op::Max, 2},
}};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }

// f, f', f'' of the one-argument functions at v. Only f is computed for plain doubles.
template <typename T>
T apply1(Op op, const T& a) {
  double v;
  if constexpr (std::is_same_v<T, double>) v = a; else v = a.v;
  constexpr bool kValueOnly = std::is_same_v<T, double>;
  double f0 = 0, f1 = 0, f2 = 0;
  switch (op) {
    case Op::Neg: f0 = -v; f1 = -1; break;
    case Op::Square: f0 = v * v; f1 = 2 * v; f2 = 2; break;
    case Op::Sin: f0 = std::sin(v); if (!kValueOnly) { f1 = std::cos(v); f2 = -f0; } break;
    case Op::Cos: f0 = std::cos(v); if (!kValueOnly) { f1 = -std::sin(v); f2 = -f0; } break;
    case Op::Tan: f0 = std::tan(v); f1 = 1 + f0 * f0; f2 = 2 * f0 * f1; break;
    case Op::Exp: f0 = std::exp(v); f1 = f0; f2 = f0; break;
    case Op::Log: f0 = std::log(v); f1 = 1 / v; f2 = -(f1 * f1); break;
    case Op::Sqrt: f0 = std::sqrt(v); f1 = 0.5 / f0; f2 = -0.5 * f1 / v; break;
    case Op::Abs: f0 = std::fabs(v); f1 = v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0); break;
    case Op::Tanh: f0 = std::tanh(v); f1 = 1 - f0 * f0; f2 = -2 * f0 * f1; break;
    case Op::Sigmoid: f0 = 1 / (1 + std::exp(-v)); f1 = f0 * (1 - f0); f2 = f1 * (1 - 2 * f0); break;
    default: break;
  }
  if constexpr (kValueOnly) {
    return f0;
  } else {
    return a.chain(f0, f1, f2);
  }
}

template <typename T>
T powConst(const T& a, double c) {
  double v;
  if constexpr (std::is_same_v<T, double>) v = a; else v = a.v;
  const double f0 = std::pow(v, c);
  if constexpr (std::is_same_v<T, double>) {
    return f0;
  } else {
    const double f1 = c == 0 ? 0.0 : c * std::pow(v, c - 1);
    const double f2 = (c == 0 || c == 1) ? 0.0 : (c * (c - 1)) * std::pow(v, c - 2);
    return a.chain(f0, f1, f2);
  }
}

template <typename T>
T apply2(Op op, const T& a, const T& b) {
  switch (op) {
    case Op::Add: return a + b;
    case Op::Sub: return a - b;
    case Op::Mul: return a * b;
    case Op::Div: return a / b;
    case Op::Min:
      if constexpr (std::is_same_v<T, double>) return b < a ? b : a; else return b.v < a.v ? b : a;
    case Op::Max:
      if constexpr (std::is_same_v<T, double>) return b > a ? b : a; else return b.v > a.v ? b : a;
    case Op::Pow:
      if constexpr (std::is_same_v<T, double>) {
        return std::pow(a, b);
      } else {
        // a^b = exp(b log a): exact derivatives for a > 0; the value is pow's.
        const T logA = a.chain(std::log(a.v), 1 / a.v, -1 / (a.v * a.v));
        const T p = b * logA;
        const double pw = std::pow(a.v, b.v);
        return p.chain(pw, pw, pw);
      }
    default: return a;
  }
}

class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  std::vector<Instr> run() {
    if (s_.size() > kMaxLength)
      throw ExpressionError(static_cast<int>(kMaxLength) + 1,
                            "expression longer than " + std::to_string(kMaxLength) + " characters");
    skipSpace();
    if (pos_ == s_.size()) throw ExpressionError(static_cast<int>(pos_) + 1, "empty expression");
    parseExpr();
    skipSpace();
    if (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (isDigit(c) || c == '.' || isNameStart(c) || c == '(')
        throw error("unexpected " + describe(pos_) + " (missing operator?)");
      if (c == ')') throw error("unexpected ')' (no matching '(')");
      throw error("unexpected " + describe(pos_));
    }
    return std::move(tape_);
  }

 private:
  ExpressionError error(const std::string& message) const {
    return ExpressionError(static_cast<int>(pos_) + 1, message);
  }

  // A readable name for the character at i: 'x', or its byte value if not printable.
  std::string describe(std::size_t i) const {
    const auto c = static_cast<unsigned char>(s_[i]);
    if (c >= 0x21 && c < 0x7f) {
      if (isNameStart(s_[i])) {
        std::size_t j = i;
        while (j < s_.size() && isNameChar(s_[j]) && j - i < 20) ++j;
        return "'" + s_.substr(i, j - i) + "'";
      }
      return std::string("'") + s_[i] + "'";
    }
    static const char* hex = "0123456789ABCDEF";
    return std::string("character (byte 0x") + hex[c >> 4] + hex[c & 15] + ")";
  }

  void skipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  bool accept(char c) {
    skipSpace();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // --- emission with constant folding (a Const instruction is always a whole operand) ---
  bool topIsConst(std::size_t k = 1) const {
    return tape_.size() >= k && tape_[tape_.size() - k].op == Op::Const;
  }

  void push(Instr in) {
    tape_.push_back(in);
    ++height_;
    if (height_ > kMaxStack) throw error("expression too complex");
  }

  void emitUnary(Op op) {
    if (topIsConst()) {
      tape_.back().c = apply1<double>(op, tape_.back().c);
      return;
    }
    tape_.push_back({op, 0});
  }

  void emitBinary(Op op) {
    if (topIsConst(1) && topIsConst(2)) {
      const double b = tape_.back().c;
      tape_.pop_back();
      tape_.back().c = apply2<double>(op, tape_.back().c, b);
      --height_;
      return;
    }
    if (op == Op::Pow && topIsConst(1)) {  // a^c: constant exponent
      const double c = tape_.back().c;
      tape_.pop_back();
      --height_;
      if (c == 1) return;
      if (c == 2) tape_.push_back({Op::Square, 0});
      else tape_.push_back({Op::PowConst, c});
      return;
    }
    tape_.push_back({op, 0});
    --height_;
  }

  // --- recursive descent ---
  void parseExpr() {
    parseTerm();
    for (;;) {
      if (accept('+')) { parseTerm(); emitBinary(Op::Add); }
      else if (accept('-')) { parseTerm(); emitBinary(Op::Sub); }
      else return;
    }
  }

  void parseTerm() {
    parseUnary();
    for (;;) {
      if (accept('*')) { parseUnary(); emitBinary(Op::Mul); }
      else if (accept('/')) { parseUnary(); emitBinary(Op::Div); }
      else return;
    }
  }

  void parseUnary() {
    skipSpace();
    if (++depth_ > kMaxDepth) throw error("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    if (accept('-')) {
      parseUnary();
      emitUnary(Op::Neg);
    } else if (accept('+')) {
      parseUnary();
    } else {
      parsePower();
    }
    --depth_;
  }

  void parsePower() {
    parsePrimary();
    if (accept('^')) {
      parseUnary();
      emitBinary(Op::Pow);
    }
  }

  void parsePrimary() {
    skipSpace();
    if (pos_ == s_.size()) throw error("unexpected end of expression");
    const char c = s_[pos_];
    if (isDigit(c) || c == '.') return parseNumber();
    if (c == '(') {
      ++pos_;
      parseExpr();
      if (!accept(')')) throw error("expected ')'");
      return;
    }
    if (isNameStart(c)) return parseName();
    throw error("expected a number, x, y, a function or '(' but found " + describe(pos_));
  }

  void parseNumber() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && isDigit(s_[pos_])) ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      while (pos_ < s_.size() && isDigit(s_[pos_])) ++pos_;
    }
    if (pos_ - start == 1 && s_[start] == '.') {
      pos_ = start;
      throw error("malformed number '.'");
    }
    // An exponent only if digits follow ("2e" is 2 followed by the constant e).
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      std::size_t k = pos_ + 1;
      if (k < s_.size() && (s_[k] == '+' || s_[k] == '-')) ++k;
      if (k < s_.size() && isDigit(s_[k])) {
        pos_ = k;
        while (pos_ < s_.size() && isDigit(s_[pos_])) ++pos_;
      }
    }
    const std::string text = s_.substr(start, pos_ - start);
    const double v = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(v)) {
      pos_ = start;
      throw error("number out of range '" + text + "'");
    }
    push({Op::Const, v});
  }

  void parseName() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && isNameChar(s_[pos_])) ++pos_;
    const std::string name = s_.substr(start, pos_ - start);
    if (name == "x") return push({Op::X, 0});
    if (name == "y") return push({Op::Y, 0});
    if (name == "pi") return push({Op::Const, std::numbers::pi});
    if (name == "e") return push({Op::Const, std::numbers::e});
    for (const FunctionName& f : kFunctions) {
      if (name != f.name) continue;
      if (!accept('(')) throw error(std::string("expected '(' after ") + f.name);
      parseExpr();
      if (f.arity == 2) {
        if (!accept(',')) throw error(std::string("expected ',' (") + f.name + " takes 2 arguments)");
        parseExpr();
        if (!accept(')')) throw error("expected ')'");
        emitBinary(f.op);
      } else {
        if (accept(',')) {
          --pos_;
          throw error(std::string(f.name) + " takes 1 argument");
        }
        if (!accept(')')) throw error("expected ')'");
        emitUnary(f.op);
      }
      return;
    }
    pos_ = start;
    throw error("unknown name '" + (name.size() > 20 ? name.substr(0, 20) + "..." : name) + "'");
  }

  const std::string& s_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::size_t height_ = 0;  // evaluation stack height after the emitted tape
  std::vector<Instr> tape_;
};

}  // namespace

Expression Expression::parse(const std::string& text) {
  Expression e;
  e.source_ = text;
  e.tape_ = Parser(text).run();
  return e;
}

ExpressionCheck checkExpression(const std::string& text) {
  try {
    Expression::parse(text);
    return {};
  } catch (const ExpressionError& e) {
    return {e.what(), e.column()};
  }
}

template <typename T>
T Expression::run(double x, double y) const {
  std::array<T, kMaxStack> st;
  std::size_t n = 0;
  for (const Instr& in : tape_) {
    switch (in.op) {
      case Op::Const:
        if constexpr (std::is_same_v<T, double>) st[n++] = in.c; else st[n++] = T::constant(in.c);
        break;
      case Op::X:
        if constexpr (std::is_same_v<T, double>) st[n++] = x; else st[n++] = T::varX(x);
        break;
      case Op::Y:
        if constexpr (std::is_same_v<T, double>) st[n++] = y; else st[n++] = T::varY(y);
        break;
      case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Pow: case Op::Min: case Op::Max:
        --n;
        st[n - 1] = apply2<T>(in.op, st[n - 1], st[n]);
        break;
      case Op::PowConst:
        st[n - 1] = powConst<T>(st[n - 1], in.c);
        break;
      default:
        st[n - 1] = apply1<T>(in.op, st[n - 1]);
        break;
    }
  }
  return st[0];
}

double Expression::value(double x, double y) const { return run<double>(x, y); }
Jet1 Expression::jet1(double x, double y) const { return run<Jet1>(x, y); }
Jet2 Expression::jet2(double x, double y) const { return run<Jet2>(x, y); }

bool Expression::dependsOnX() const {
  for (const Instr& in : tape_)
    if (in.op == Op::X) return true;
  return false;
}
bool Expression::dependsOnY() const {
  for (const Instr& in : tape_)
    if (in.op == Op::Y) return true;
  return false;
}

}  // namespace optlab::expr
