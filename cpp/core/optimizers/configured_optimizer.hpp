// An elementwise optimizer whose hyperparameters are one config struct with torch's
// names (AdamConfig, RmspropConfig, ...): it keeps the struct, shows it through
// config(), and tells a learning-rate schedule which of its fields are torch's
// param_group "lr" and momentum entry (ScheduledHyperparameters in optimizer.hpp).
#pragma once

#include "elementwise_optimizer.hpp"

namespace optlab {

template <typename Config>
class ConfiguredOptimizer : public ElementwiseOptimizer {
 public:
  const Config& config() const { return config_; }

  ScheduledHyperparameters scheduledHyperparameters() override {
    return {&config_.lr, momentum_ ? &(config_.*momentum_) : nullptr, momentumKey_};
  }

 protected:
  // `momentum`: the field OneCycleLR cycles (beta1 for the Adam family, momentum for
  // RMSprop), or none.
  explicit ConfiguredOptimizer(const Config& config, double Config::*momentum = nullptr,
                               MomentumKey momentumKey = MomentumKey::None)
      : config_(config), momentum_(momentum), momentumKey_(momentumKey) {}

  Config config_;

 private:
  double Config::*momentum_;
  MomentumKey momentumKey_;
};

}  // namespace optlab
