#include "adadelta.hpp"

#include <cmath>

#include "torch_validation.hpp"

namespace optlab {

Adadelta::Adadelta(const AdadeltaConfig& config) : ConfiguredOptimizer(config) {
  requireNonNegative(config.lr, "Invalid learning rate");
  requireThat(0.0 <= config.rho && config.rho <= 1.0, "Invalid rho value: " + pythonFloat(config.rho));
  requireNonNegative(config.eps, "Invalid epsilon value");
  requireNonNegative(config.weight_decay, "Invalid weight_decay value");

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  squareAvg_ = addBuffer("square_avg", "mean of squared gradients", "E[g^2]_t", true);
  accDelta_ = addBuffer("acc_delta", "mean of squared updates", "E[\\Delta x^2]_t", true);
  delta_ = addBuffer("delta", "unit-corrected step", "\\Delta x_t", false);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Adadelta::update(std::span<double> p, std::span<const double> g) {
  const double lr = config_.lr;
  const double rho = config_.rho;
  const double eps = config_.eps;
  const double wd = config_.weight_decay;
  const auto [grad, v, u, delta, upd] = valuesOf(grad_, squareAvg_, accDelta_, delta_, update_);
  for (std::size_t i = 0; i < p.size(); ++i) {
    double gi = config_.maximize ? -g[i] : g[i];
    if (wd != 0) gi = gi + wd * p[i];
    grad[i] = gi;
    v[i] = v[i] * rho;
    v[i] = v[i] + ((1 - rho) * gi) * gi;
    const double stdv = std::sqrt(v[i] + eps);
    delta[i] = (std::sqrt(u[i] + eps) / stdv) * gi;
    u[i] = u[i] * rho;
    u[i] = u[i] + ((1 - rho) * delta[i]) * delta[i];
    const double old = p[i];
    p[i] = p[i] + (-lr) * delta[i];
    upd[i] = p[i] - old;
  }
}

}  // namespace optlab
