// SGD: torch.optim.SGD (torch 2.x), with momentum, dampening, Nesterov and the
// chapter's teaching forms of momentum.
//
// torch's rule (UPDATE_RULES.md §2), one rounded operation per line, per coordinate:
//
//   d = g                                   (g = -g first if maximize)
//   if weight_decay != 0:  d = d + weight_decay*p
//   if momentum != 0:
//       if no buffer yet:  buf = d          first step: a plain copy, no (1 - dampening)
//       else:              buf = buf*momentum;  buf = buf + (1 - dampening)*d
//       if nesterov:       d = d + momentum*buf
//       else:              d = buf
//   p = p + (-lr)*d
//
// References: Polyak 1964 (heavy ball); Sutskever, Martens, Dahl & Hinton 2013 (the
// Nesterov form torch implements, with the gradient taken at p, not at a look-ahead).
// Convention: the velocity form v = mu*v + g; p -= lr*v, and the momentum buffer
// starts at the first gradient. With weight decay, weight_decay*p enters the buffer.
//
// Teaching switches (not in torch, all off by default; each changes one thing):
//  * momentum_buffer_starts_at_zero: the buffer exists from the start at 0, so the first
//    step is buf = 0*momentum + (1 - dampening)*d instead of the copy buf = d. With
//    dampening = 0 this is the chapter's v_1 = g_1, identical to torch; with
//    dampening > 0 it is the textbook EMA, which torch does not do.
//  * lr_inside_velocity: Sutskever's form v = mu*v + lr*g; p = p - v. The buffer holds
//    lr*d in place of d (same first-step copy, same dampening, same Nesterov term) and
//    p moves by the buffer itself. Equal to torch in exact arithmetic for a constant lr;
//    it differs in rounding, and would differ in value under an lr schedule.
//  * nesterov_lookahead: the chapter's Nesterov: the gradient is evaluated at the
//    look-ahead point p - lr*momentum*buf (gradientPoint) and the step is the plain
//    momentum step d = buf. Cannot be combined with torch's `nesterov`.
#pragma once

#include <optional>

#include "elementwise_optimizer.hpp"

namespace optlab {

struct SgdConfig {
  std::optional<double> lr;  // required: torch's SGD has no default learning rate
  double momentum = 0.0;
  double dampening = 0.0;
  double weight_decay = 0.0;
  bool nesterov = false;
  bool maximize = false;
  // Teaching switches (see above).
  bool momentum_buffer_starts_at_zero = false;
  bool lr_inside_velocity = false;
  bool nesterov_lookahead = false;
};

class Sgd final : public ElementwiseOptimizer {
 public:
  explicit Sgd(const SgdConfig& config);  // throws std::invalid_argument in torch's wording
  const SgdConfig& config() const { return config_; }
  ScheduledHyperparameters scheduledHyperparameters() override { return {&lr_, &config_.momentum, MomentumKey::Momentum}; }
  void gradientPoint(std::span<const double> params, std::span<double> out) const override;

 private:
  void onReset() override;
  void update(std::span<double> p, std::span<const double> g) override;

  SgdConfig config_;
  double lr_ = 0.0;
  bool hasBuffer_ = false;
  std::size_t grad_ = 0, buf_ = 0, update_ = 0;
};

}  // namespace optlab
