// Lion: "EvoLved Sign Momentum" (not in torch 1.13; the paper's rule).
//
// The rule (UPDATE_RULES.md §2), per coordinate; exp_avg m starts at 0:
//
//   c = m*beta1 + g*(1 - beta1)               two products, one sum
//   p = p - lr*(sign(c) + weight_decay*p)     sign(0) = 0; weight decay uses theta_{t-1}
//   m = m*beta2 + g*(1 - beta2)               the EMA uses beta2, AFTER the update
//
// Reference: Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms",
// Algorithm 2. The reference code (google/automl lion_pytorch.py, lucidrains'
// lion-pytorch) defaults to lr = 1e-4, betas = (0.9, 0.99), and writes the decay as
// p *= 1 - lr*wd; p -= lr*sign(c): the same mathematics, rounded differently when
// wd != 0 and identical when wd == 0. Decoupled decay scaled by lr, as in AdamW.
// Validation uses torch's wording and torch's ranges (0 <= lr, 0 <= beta < 1).
#pragma once

#include "configured_optimizer.hpp"

namespace optlab {

struct LionConfig {
  double lr = 1e-4;
  double beta1 = 0.9;
  double beta2 = 0.99;
  double weight_decay = 0.0;
};

class Lion final : public ConfiguredOptimizer<LionConfig> {
 public:
  explicit Lion(const LionConfig& config);

 private:
  void update(std::span<double> p, std::span<const double> g) override;
  std::size_t grad_ = 0, expAvg_ = 0, c_ = 0, update_ = 0;
};

}  // namespace optlab
