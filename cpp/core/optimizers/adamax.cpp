#include "adamax.hpp"

#include <cmath>

#include "torch_validation.hpp"

namespace optlab {

Adamax::Adamax(const AdamaxConfig& config)
    : ConfiguredOptimizer(config, &AdamaxConfig::beta1, MomentumKey::Beta1) {
  requireAdamFamily(config.lr, config.eps, config.beta1, config.beta2, config.weight_decay);

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  expAvg_ = addBuffer("exp_avg", "first moment", "m_t", true);
  expInf_ = addBuffer("exp_inf", "infinity norm", "u_t", true);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Adamax::update(std::span<double> p, std::span<const double> g) {
  const double beta1 = config_.beta1;
  const double beta2 = config_.beta2;
  const double wd = config_.weight_decay;
  const double clr = config_.lr / (1 - std::pow(beta1, static_cast<double>(t_)));
  const auto [grad, m, u, upd] = valuesOf(grad_, expAvg_, expInf_, update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    double gi = config_.maximize ? -g[i] : g[i];
    if (wd != 0) gi = gi + wd * p[i];
    grad[i] = gi;
    m[i] = m[i] * beta1;
    m[i] = m[i] + (1 - beta1) * gi;
    u[i] = nanMax(u[i] * beta2, std::abs(gi) + config_.eps);
    const double old = p[i];
    p[i] = p[i] + ((-clr) * m[i]) / u[i];
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
