#include "lion.hpp"

#include "torch_validation.hpp"

namespace optlab {

Lion::Lion(const LionConfig& config) : ConfiguredOptimizer(config, &LionConfig::beta1, MomentumKey::Beta1) {
  requireNonNegative(config.lr, "Invalid learning rate");
  requireBeta(config.beta1, 0);
  requireBeta(config.beta2, 1);
  requireNonNegative(config.weight_decay, "Invalid weight_decay value");

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  expAvg_ = addBuffer("exp_avg", "momentum", "m_t", true);
  c_ = addBuffer("c", "interpolation whose sign is the step", "c_t", false);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Lion::update(std::span<double> p, std::span<const double> g) {
  const double lr = config_.lr;
  const double beta1 = config_.beta1;
  const double beta2 = config_.beta2;
  const double wd = config_.weight_decay;
  const auto [grad, m, c, upd] = valuesOf(grad_, expAvg_, c_, update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double gi = g[i];
    grad[i] = gi;
    c[i] = m[i] * beta1 + gi * (1 - beta1);
    const double old = p[i];
    p[i] = p[i] - lr * (torchSign(c[i]) + wd * p[i]);
    m[i] = m[i] * beta2 + gi * (1 - beta2);
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
