#include "torch_validation.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace optlab {

std::string pythonFloat(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  if (value == 0.0) return std::signbit(value) ? "-0.0" : "0.0";

  // Shortest round-trip digits in scientific form: "d.ddde[+-]x".
  // (Emscripten 3.1.6's libc++ has no floating-point std::to_chars, so search the
  // shortest precision that reads back as the same double, as Python's repr does.)
  char buffer[64];
  int length = 0;
  for (int precision = 1; precision <= 17; ++precision) {
    length = std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  const std::string_view sci(buffer, static_cast<std::size_t>(length));
  const std::size_t ePos = sci.find('e');
  const std::string_view mantissa = sci.substr(0, ePos);
  const int exponent = std::atoi(std::string(sci.substr(ePos + 1)).c_str());

  std::string sign;
  std::string digits;  // significant digits without sign or point
  for (char c : mantissa) {
    if (c == '-') sign = "-";
    else if (c != '.') digits.push_back(c);
  }

  // Python's repr switches to exponent notation when exponent < -4 or >= 16.
  if (exponent < -4 || exponent >= 16) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exp;
  }
  std::string out = sign;
  if (exponent < 0) {
    out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  } else {
    const auto intDigits = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= intDigits) {
      out += digits + std::string(intDigits - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, intDigits) + "." + digits.substr(intDigits);
    }
  }
  return out;
}

void requireNonNegative(double value, const char* what) {
  if (!(0.0 <= value)) throw std::invalid_argument(std::string(what) + ": " + pythonFloat(value));
}

void requireNonNegative(std::initializer_list<NonNegativeCheck> checks) {
  for (const NonNegativeCheck& check : checks) requireNonNegative(check.value, check.what);
}

void requireBeta(double beta, int index) {
  if (!(0.0 <= beta && beta < 1.0)) {
    throw std::invalid_argument("Invalid beta parameter at index " + std::to_string(index) + ": " +
                                pythonFloat(beta));
  }
}

void requireThat(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

void requireAdamFamily(double lr, double eps, double beta1, double beta2, double weightDecay) {
  requireNonNegative(lr, "Invalid learning rate");
  requireNonNegative(eps, "Invalid epsilon value");
  requireBeta(beta1, 0);
  requireBeta(beta2, 1);
  requireNonNegative(weightDecay, "Invalid weight_decay value");
}

}  // namespace optlab
