// Helpers shared by the schedule tests (not a test file itself): one scheduled,
// clipped run in the torch training-loop order (harness/torch_harness.hpp).
#pragma once

#include <string>
#include <vector>

#include "optimizer_test_support.hpp"
#include "schedules/registry.hpp"
#include "schedules/schedule.hpp"

namespace optlab::test {

struct ScheduledRun {
  std::vector<TrajectoryPoint> points;
  std::vector<double> lrs;
};

// `scheduler` in parseScheduleCall's syntax ("" for none); `clipping` as the fixture
// manifest writes it: "max_norm=1.0", "clip_value=0.5" or "".
inline ScheduledRun runScheduled(const std::string& optimizerId, const std::string& settings,
                                 const std::string& landscape, const std::string& scheduler,
                                 const std::string& clipping, int steps) {
  auto opt = make(optimizerId, settings);
  auto f = makeLandscape(landscape);
  TrainingControls controls;
  std::unique_ptr<Schedule> schedule;
  if (!scheduler.empty()) {
    schedule = std::make_unique<Schedule>(parseScheduleCall(scheduler));
    controls.schedule = schedule.get();
  }
  const auto eq = clipping.find('=');
  if (eq != std::string::npos) {
    const double v = std::stod(clipping.substr(eq + 1));
    if (clipping.substr(0, eq) == "max_norm") controls.clipping.maxNorm = v;
    else controls.clipping.clipValue = v;
  }
  ScheduledRun out;
  out.points = runTrajectory(*opt, *f, f->suggestedStart(), steps, controls, &out.lrs);
  return out;
}

// The lrs as trajectory points (lr, 0, 0), so trajectoryDigest() covers them too.
inline std::string lrDigest(const std::vector<double>& lrs) {
  std::vector<TrajectoryPoint> points;
  for (double lr : lrs) points.push_back({lr, 0, 0});
  return trajectoryDigest(points);
}

}  // namespace optlab::test
