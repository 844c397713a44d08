// SequentialLR (torch 2.x): runs schedulers one after another, switching at the
// milestones (e.g. LinearLR warm-up, then CosineAnnealingLR decay).
//
// Construction, as torch: the wrapped schedulers were built first, each on the same
// group (each ran its initial step); then lr = initial_lr, every wrapped scheduler's
// last_epoch -= 1, and only the first one takes its initial step again.
//   step():  last_epoch += 1;  i = bisect_right(milestones, last_epoch)
//            if i > 0 and milestones[i-1] == last_epoch:  schedulers[i]._update_lr(0)  (closed form at 0)
//            else:                                        schedulers[i].step()
// torch 1.13 calls schedulers[i].step(0) at a milestone: the same lr; 1.13 has no
// ReduceLROnPlateau check and does not undo nested SequentialLRs (2.x recurses).
#pragma once

#include <memory>
#include <vector>

#include "lr_scheduler.hpp"

namespace optlab {

class SequentialLR final : public LrScheduler {
 public:
  // `schedulers` must have been built on `group`, in order. Throws in torch's wording.
  SequentialLR(ParamGroup& group, std::vector<std::unique_ptr<LrScheduler>> schedulers,
               std::vector<long> milestones);
  void step(double metric) override;
  void initialStep() override;
  void undoInitialStep() override;

 private:
  double getLr() override { return group_.lr; }
  std::vector<std::unique_ptr<LrScheduler>> schedulers_;
  std::vector<long> milestones_;
};

}  // namespace optlab
