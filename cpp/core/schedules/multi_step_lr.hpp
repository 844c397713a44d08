// MultiStepLR (torch 2.x): lr *= gamma ** (times last_epoch appears in milestones).
//
//   get_lr:  last_epoch not in milestones  ->  lr
//            otherwise                     ->  lr * gamma ** milestones.count(last_epoch)
//   closed form:  base_lr * gamma ** bisect_right(sorted(milestones), last_epoch)
// torch keeps milestones in a Counter: unsorted and repeated milestones are allowed.
#pragma once

#include <vector>

#include "lr_scheduler.hpp"

namespace optlab {

struct MultiStepLRConfig {
  std::vector<long> milestones;  // required
  double gamma = 0.1;
};

class MultiStepLR final : public LrScheduler {
 public:
  MultiStepLR(ParamGroup& group, const MultiStepLRConfig& config);

 private:
  double getLr() override;
  std::optional<double> closedFormLr() const override;
  MultiStepLRConfig config_;
  std::vector<long> sorted_;
};

}  // namespace optlab
