// The interface every optimizer of the core implements.
//
// An optimizer is an elementwise update rule with explicit, per-coordinate state
// (torch.optim's `state[p]`). It works on parameter vectors of any length: the
// 2-D landscapes use n = 2, a small network uses n = its weight count.
//
// Contract (see ../shared/UPDATE_RULES.md for every rule, operation by operation):
//  * Construction validates the configuration and throws std::invalid_argument
//    with torch's wording ("Invalid learning rate: -0.1"). After that, nothing throws.
//  * `step` is allocation-free and never throws. A non-finite result is not an
//    error here: the race engine reports it as a `diverged` status.
//  * Every update follows torch 2.x semantics exactly, unless a teaching switch
//    (off by default, documented next to the rule it changes) says otherwise.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace optlab {

// One named per-coordinate buffer that the "inside the optimizer" view shows:
// the gradient used, the velocity, m, v, m_hat, v_hat, the running max, the
// effective step, ... `persistent` buffers are the optimizer's real state (they
// count towards its memory, as in the chapter's O(2n)/O(3n) table); the others
// are diagnostics recomputed by each step.
// The param_group entries torch's learning-rate schedulers rewrite between steps
// (cpp/core/schedules): "lr", and for OneCycleLR's momentum cycling either
// "momentum" (SGD, RMSprop) or "betas"[0] (the Adam family, Lion). Each is a pointer
// into the optimizer's own configuration, read afresh by its next step; null when
// the optimizer has no such entry.
enum class MomentumKey { None, Momentum, Beta1 };
struct ScheduledHyperparameters {
  double* lr = nullptr;
  double* momentum = nullptr;
  MomentumKey momentumKey = MomentumKey::None;
};

struct Buffer {
  std::string name;    // stable id, torch's state name where one exists ("exp_avg")
  std::string label;   // short human label ("first moment m")
  std::string latex;   // symbol for the UI ("m_t")
  bool persistent = false;
  std::vector<double> values;
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;

  // Forget all state and size it for `n` parameters (torch: a fresh optimizer).
  virtual void reset(std::size_t n) = 0;

  // Where the gradient for the next step must be evaluated. torch always uses the
  // current parameters; only the chapter's look-ahead Nesterov (a teaching switch)
  // asks for the gradient at p - lr*mu*v. `out` has the size of `params`.
  virtual void gradientPoint(std::span<const double> params, std::span<double> out) const;

  // One update of `params` in place, given the gradient evaluated at gradientPoint().
  virtual void step(std::span<double> params, std::span<const double> grad) = 0;

  // The named buffers after the last step (sized n after reset).
  virtual const std::vector<Buffer>& buffers() const = 0;

  // Values of persistent state kept per parameter (SGD 0, momentum 1, Adam 2).
  std::size_t stateValuesPerParameter() const;

  // Steps taken since the last reset.
  virtual long steps() const = 0;

  // What a learning-rate schedule may change between steps (see ScheduledHyperparameters).
  virtual ScheduledHyperparameters scheduledHyperparameters() { return {}; }
};

}  // namespace optlab
