#include "adamw.hpp"

namespace optlab {

namespace {
AdamConfig asAdamConfig(const AdamWConfig& c) {
  return AdamConfig{.lr = c.lr,
                    .beta1 = c.beta1,
                    .beta2 = c.beta2,
                    .eps = c.eps,
                    .weight_decay = c.weight_decay,
                    .amsgrad = c.amsgrad,
                    .maximize = c.maximize,
                    .bias_correction = c.bias_correction};
}
}  // namespace

AdamW::AdamW(const AdamWConfig& config) : Adam(asAdamConfig(config), true) {}

}  // namespace optlab
