// The race: one landscape, one start point, any number of runners (each an
// optimizer configuration), advanced together k steps per call.
//
// Each step of each runner follows the torch harness order (see runner.hpp).
// Per runner the race keeps a bounded trajectory (bounded_trajectory.hpp), the
// optimizer's named buffers after its last step, and a status: running,
// converged at step n (near which minimum, or gradient norm below tolerance),
// or diverged at step n (non-finite, or out of bounds). A stopped runner stops
// alone; the others go on.
//
// Restarts: reset(), setStart(), setLandscape(), setOptions() and
// setRunnerSettings() all put *every* runner back at the start with a fresh
// optimizer, so the runners always have taken the same number of steps (a race
// is a fair comparison). Adding a runner restarts the race too.
//
// Designed for a thin Embind layer: plain structs, flat std::vector<double>,
// no callbacks. After every advance() the per-frame buffer frame() holds, per
// runner, kFrameStride doubles: x, y, loss, status (0 running, 1 converged,
// 2 diverged), steps taken, status step (-1 while running).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "landscapes/landscape.hpp"
#include "optimizers/registry.hpp"
#include "runner.hpp"
#include "bounded_trajectory.hpp"

namespace optlab {

struct RaceOptions {
  StopCriteria criteria;
  NoiseSettings noise;
  std::size_t trajectoryCap = 4096;  // points kept per runner (see bounded_trajectory.hpp)
};

// A snapshot of one runner, for the UI.
struct RunnerInfo {
  std::string optimizerId;
  std::string label;
  double x = 0, y = 0, loss = 0;
  double gx = 0, gy = 0;  // the gradient the last step used (after mask and noise)
  long steps = 0;
  RunStatus status = RunStatus::Running;
  StopReason reason = StopReason::None;
  long statusStep = -1;
  int minimumIndex = -1;        // for NearMinimum
  bool minimumGlobal = false;   // for NearMinimum
  std::string statusText;       // "converged at step 412: near global minimum 0 (1, 1)"
  double lr = 0;                // the lr the last step used (before any step: the lr the first will use)
  std::string scheduleError;    // the scheduler's error, if it raised (lr then stays put)
};

class Race {
 public:
  static constexpr std::size_t kFrameStride = 6;

  // Throws std::invalid_argument for a null landscape, a non-finite start or invalid options.
  Race(std::unique_ptr<Landscape> landscape, Point start, RaceOptions options = {});
  // Throws std::invalid_argument for invalid stop criteria or noise (shared with the basins).
  static void validateOptions(const RaceOptions& o);

  // Runner built by the optimizer registry; invalid settings throw (torch's
  // wording) and leave the race unchanged. Returns the runner's index.
  std::size_t addRunner(const std::string& optimizerId, const Settings& settings,
                        const std::string& label = "");
  // A ready-made optimizer (tests, custom rules). setRunnerSettings() cannot rebuild it.
  std::size_t addRunner(std::unique_ptr<Optimizer> optimizer, const std::string& label);
  void removeRunner(std::size_t index);
  void setRunnerSettings(std::size_t index, const Settings& settings);
  // An lr schedule (or none) and gradient clipping for one runner; restarts the race.
  // A spec the scheduler or the optimizer rejects throws and changes nothing.
  void setRunnerTraining(std::size_t index, const std::optional<ScheduleSpec>& schedule,
                         const GradientClipping& clipping);
  // The same from torch's call text, e.g. "StepLR(step_size=50,gamma=0.5)"; "" for no
  // schedule. A bad index is reported before a bad call.
  void setRunnerSchedule(std::size_t index, const std::string& schedulerCall, const GradientClipping& clipping);

  void setLandscape(std::unique_ptr<Landscape> landscape, Point start);
  void setStart(Point start);
  void setOptions(const RaceOptions& options);
  // setOptions() with only the gradient noise changed.
  void setNoise(const NoiseSettings& noise);
  void reset();

  // Advance every active runner by up to k steps (k >= 0), then refill frame().
  void advance(long k);

  const std::vector<double>& frame() const { return frame_; }
  std::size_t runnerCount() const { return runners_.size(); }
  long steps() const { return steps_; }  // steps taken by the race (max over runners)
  bool finished() const;                 // no runner is active any more

  const Landscape& landscape() const { return *landscape_; }
  Point start() const { return start_; }
  const RaceOptions& options() const { return options_; }

  RunnerInfo runnerInfo(std::size_t index) const;
  // Flat [x, y, loss] * n and the n matching step numbers (see bounded_trajectory.hpp).
  std::vector<double> trajectory(std::size_t index) const;
  std::vector<double> trajectorySteps(std::size_t index) const;
  TrajectoryTail trajectorySince(std::size_t index, double afterStep) const;
  // The optimizer's named buffers after the runner's last step.
  const std::vector<Buffer>& buffers(std::size_t index) const;

 private:
  struct Runner {
    std::string optimizerId;  // empty for a ready-made optimizer
    Settings settings;
    std::string label;
    std::unique_ptr<Optimizer> optimizer;
    std::unique_ptr<Schedule> schedule;  // bound to `optimizer`
    Walker walker;
    BoundedTrajectory trajectory;
  };

  const Runner& runner(std::size_t index) const;
  void restartRunner(Runner& r);
  void fillFrame();
  static void validateStart(Point start);

  std::unique_ptr<Landscape> landscape_;
  MinimaIndex minima_;
  Domain domain_;
  Point start_;
  RaceOptions options_;
  std::vector<Runner> runners_;
  std::vector<double> frame_;
  long steps_ = 0;
};

}  // namespace optlab
