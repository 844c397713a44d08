#include "adagrad.hpp"

#include <cmath>

#include "torch_validation.hpp"

namespace optlab {

Adagrad::Adagrad(const AdagradConfig& config) : ConfiguredOptimizer(config) {
  requireNonNegative({{config.lr, "Invalid learning rate"}, {config.lr_decay, "Invalid lr_decay value"},
                      {config.weight_decay, "Invalid weight_decay value"},
                      {config.initial_accumulator_value, "Invalid initial_accumulator_value value"},
                      {config.eps, "Invalid epsilon value"}});

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  sum_ = addBuffer("sum", "sum of squared gradients", "G_t", true, config.initial_accumulator_value);
  std_ = addBuffer("std", "denominator sqrt(G) + eps", "\\sqrt{G_t}+\\epsilon", false);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Adagrad::update(std::span<double> p, std::span<const double> g) {
  const double wd = config_.weight_decay;
  const double clr = config_.lr / (1 + static_cast<double>(t_ - 1) * config_.lr_decay);
  const auto [grad, sum, stdv, upd] = valuesOf(grad_, sum_, std_, update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    double gi = config_.maximize ? -g[i] : g[i];
    if (wd != 0) gi = gi + wd * p[i];
    grad[i] = gi;
    sum[i] = sum[i] + (1 * gi) * gi;
    stdv[i] = std::sqrt(sum[i]) + config_.eps;
    const double old = p[i];
    p[i] = p[i] + ((-clr) * gi) / stdv[i];
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
