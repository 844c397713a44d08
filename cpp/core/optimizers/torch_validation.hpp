// torch's configuration checks, with torch's wording.
//
// torch raises `ValueError("Invalid learning rate: {}".format(lr))`; Python prints a
// float with `repr`, so -0.1 prints as "-0.1", 1 as "1.0", 1e-5 as "1e-05". Each
// helper below mirrors one torch check *as torch writes it*, including how NaN
// behaves: `not 0.0 <= lr` rejects NaN, `lr < 0.0` lets it through.
#pragma once

#include <initializer_list>
#include <string>

namespace optlab {

// Python's repr() of a float: shortest round-trip digits, "1.0", "1e-05", "inf", "nan".
std::string pythonFloat(double value);

// Throws std::invalid_argument(what + ": " + pythonFloat(value)) unless 0 <= value
// (NaN fails, as torch's `if not 0.0 <= value`).
void requireNonNegative(double value, const char* what);

// A list of torch's `if not 0.0 <= value` checks, one {value, message} row each, run in
// the order written (each optimizer's constructor lists them in its torch order).
struct NonNegativeCheck {
  double value;
  const char* what;
};
void requireNonNegative(std::initializer_list<NonNegativeCheck> checks);

// torch's `if not 0.0 <= beta < 1.0: "Invalid beta parameter at index i: beta"`.
void requireBeta(double beta, int index);

// The checks torch's Adam, Adamax, NAdam and RAdam share, in torch's order:
// lr, eps, betas[0], betas[1], weight_decay.
void requireAdamFamily(double lr, double eps, double beta1, double beta2, double weightDecay);

// Throws std::invalid_argument(message) when `failed`.
void requireThat(bool ok, const std::string& message);

}  // namespace optlab
