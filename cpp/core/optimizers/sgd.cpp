#include "sgd.hpp"

#include <algorithm>

#include "torch_validation.hpp"

namespace optlab {

Sgd::Sgd(const SgdConfig& config) : config_(config) {
  // torch.optim.SGD.__init__, in torch's order and with torch's comparisons.
  if (config.lr && *config.lr < 0.0) requireNonNegative(*config.lr, "Invalid learning rate");
  if (config.momentum < 0.0) requireNonNegative(config.momentum, "Invalid momentum value");
  if (config.weight_decay < 0.0) requireNonNegative(config.weight_decay, "Invalid weight_decay value");
  requireThat(!(config.nesterov && (config.momentum <= 0 || config.dampening != 0)),
              "Nesterov momentum requires a momentum and zero dampening");
  requireThat(config.lr.has_value(),
              "parameter group didn't specify a value of required optimization parameter lr");
  requireThat(!(config.nesterov && config.nesterov_lookahead),
              "nesterov and nesterov_lookahead are two forms of Nesterov momentum: choose one");
  lr_ = *config.lr;

  grad_ = addBuffer("grad", "gradient used", "g_t", false);
  if (config.momentum != 0) buf_ = addBuffer("momentum_buffer", "velocity", "v_t", true);
  update_ = addBuffer("update", "step taken", "\\Delta\\theta_t", false);
}

void Sgd::onReset() { hasBuffer_ = config_.momentum_buffer_starts_at_zero; }

void Sgd::gradientPoint(std::span<const double> params, std::span<double> out) const {
  const std::size_t n = std::min(params.size(), out.size());
  if (!config_.nesterov_lookahead || config_.momentum == 0 || !hasBuffer_ || n != n_) {
    std::copy_n(params.begin(), n, out.begin());
    return;
  }
  // The chapter's look-ahead: theta - lr*mu*v (Sutskever form: theta - mu*v, lr is inside v).
  const double* buf = values(buf_);
  const double scale = config_.lr_inside_velocity ? config_.momentum : lr_ * config_.momentum;
  for (std::size_t i = 0; i < n; ++i) out[i] = params[i] - scale * buf[i];
}

void Sgd::update(std::span<double> p, std::span<const double> g) {
  const double mu = config_.momentum;
  const double wd = config_.weight_decay;
  const double oneMinusDampening = 1 - config_.dampening;
  const bool sutskever = config_.lr_inside_velocity;
  double* grad = values(grad_);
  double* buf = mu != 0 ? values(buf_) : nullptr;
  double* upd = values(update_);
  const bool first = !hasBuffer_;

  for (std::size_t i = 0; i < p.size(); ++i) {
    double d = config_.maximize ? -g[i] : g[i];
    if (wd != 0) d = d + wd * p[i];
    grad[i] = d;
    if (sutskever) d = lr_ * d;  // teaching: Sutskever's v accumulates lr*g
    if (mu != 0) {
      if (first) {
        buf[i] = d;
      } else {
        buf[i] = buf[i] * mu;
        buf[i] = buf[i] + oneMinusDampening * d;
      }
      if (config_.nesterov) d = d + mu * buf[i];
      else d = buf[i];
    }
    const double old = p[i];
    p[i] = sutskever ? p[i] - d : p[i] + (-lr_) * d;
    upd[i] = p[i] - old;
  }
  if (mu != 0) hasBuffer_ = true;
}

}  // namespace optlab
