#include "race.hpp"
#include "schedules/registry.hpp"
#include "util/format_number.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace optlab {
void Race::validateStart(Point p) {
  if (!std::isfinite(p.x) || !std::isfinite(p.y))
    throw std::invalid_argument("Invalid start point: (" + formatNumber(p.x) + ", " + formatNumber(p.y) + ") is not finite");
}

void Race::validateOptions(const RaceOptions& o) {
  const StopCriteria& c = o.criteria;
  if (!(c.minimumTolerance >= 0) || !std::isfinite(c.minimumTolerance))
    throw std::invalid_argument("Invalid minimum tolerance: " + formatNumber(c.minimumTolerance));
  if (!(c.gradientTolerance >= 0) || !std::isfinite(c.gradientTolerance))
    throw std::invalid_argument("Invalid gradient tolerance: " + formatNumber(c.gradientTolerance));
  if (!(c.divergenceFactor > 0) || !std::isfinite(c.divergenceFactor))
    throw std::invalid_argument("Invalid divergence factor: " + formatNumber(c.divergenceFactor) + " (must be > 0)");
  if (!(o.noise.sigma >= 0) || !std::isfinite(o.noise.sigma))
    throw std::invalid_argument("Invalid noise sigma: " + formatNumber(o.noise.sigma) + " (must be >= 0)");
}

Race::Race(std::unique_ptr<Landscape> landscape, Point start, RaceOptions options) {
  validateOptions(options);
  options_ = options;
  setLandscape(std::move(landscape), start);
}

std::size_t Race::addRunner(const std::string& optimizerId, const Settings& settings, const std::string& label) {
  Runner r;
  r.optimizer = makeOptimizer(optimizerId, settings);  // throws before anything changes
  r.optimizerId = optimizerId;
  r.settings = settings;
  r.label = label.empty() ? optimizerId : label;
  runners_.push_back(std::move(r));
  reset();
  return runners_.size() - 1;
}

std::size_t Race::addRunner(std::unique_ptr<Optimizer> optimizer, const std::string& label) {
  if (!optimizer) throw std::invalid_argument("Race::addRunner(): null optimizer");
  Runner r;
  r.optimizer = std::move(optimizer);
  r.label = label;
  runners_.push_back(std::move(r));
  reset();
  return runners_.size() - 1;
}

void Race::removeRunner(std::size_t index) {
  runner(index);
  runners_.erase(runners_.begin() + static_cast<std::ptrdiff_t>(index));
  fillFrame();
}

void Race::setRunnerSettings(std::size_t index, const Settings& settings) {
  Runner& r = runners_.at(index);
  if (r.optimizerId.empty())
    throw std::invalid_argument("Race::setRunnerSettings(): runner " + std::to_string(index) +
                                " was not built from the registry");
  auto optimizer = makeOptimizer(r.optimizerId, settings);
  if (r.schedule) {
    try {
      r.schedule->bind(*optimizer);
    } catch (...) {
      r.schedule->bind(*r.optimizer);
      throw;
    }
  }
  r.optimizer = std::move(optimizer);
  r.settings = settings;
  reset();
}

void Race::setRunnerTraining(std::size_t index, const std::optional<ScheduleSpec>& spec,
                             const GradientClipping& clipping) {
  Runner& r = runners_.at(index);
  std::unique_ptr<Schedule> schedule;
  if (spec) schedule = std::make_unique<Schedule>(*spec);  // throws on a bad spec
  if (r.schedule) r.schedule->unbind();
  if (schedule) {
    try {
      schedule->bind(*r.optimizer);
    } catch (...) {
      if (r.schedule) r.schedule->bind(*r.optimizer);
      throw;
    }
  }
  r.schedule = std::move(schedule);
  r.walker.clipping = clipping;
  reset();
}

void Race::setLandscape(std::unique_ptr<Landscape> landscape, Point start) {
  if (!landscape) throw std::invalid_argument("Race: null landscape");
  validateStart(start);
  landscape_ = std::move(landscape);
  minima_ = MinimaIndex(landscape_->minima());
  domain_ = landscape_->domain();
  start_ = start;
  reset();
}

void Race::setStart(Point start) {
  validateStart(start);
  start_ = start;
  reset();
}

void Race::setRunnerSchedule(std::size_t index, const std::string& schedulerCall,
                             const GradientClipping& clipping) {
  runner(index);
  setRunnerTraining(index, parseOptionalScheduleCall(schedulerCall), clipping);
}

void Race::setNoise(const NoiseSettings& noise) {
  RaceOptions o = options_;
  o.noise = noise;
  setOptions(o);
}

void Race::setOptions(const RaceOptions& options) {
  validateOptions(options);
  options_ = options;
  reset();
}

void Race::restartRunner(Runner& r) {
  r.walker.optimizer = r.optimizer.get();
  r.walker.schedule = r.schedule.get();
  r.walker.reset(*landscape_, minima_, domain_, options_.criteria, start_);
  r.trajectory = BoundedTrajectory(options_.trajectoryCap);
  r.trajectory.add(0, r.walker.p[0], r.walker.p[1], r.walker.loss);
}

void Race::reset() {
  for (Runner& r : runners_) restartRunner(r);
  steps_ = 0;
  fillFrame();
}

void Race::advance(long k) {
  if (k < 0) throw std::invalid_argument("Race::advance(): negative step count " + std::to_string(k));
  for (Runner& r : runners_) {
    Walker& w = r.walker;
    for (long i = 0; i < k; ++i) {
      if (!w.step(*landscape_, minima_, domain_, options_.criteria, options_.noise)) break;
      r.trajectory.add(w.steps, w.p[0], w.p[1], w.loss);
    }
    steps_ = std::max(steps_, w.steps);
  }
  fillFrame();
}

bool Race::finished() const {
  return std::none_of(runners_.begin(), runners_.end(),
                      [&](const Runner& r) { return r.walker.active(options_.criteria); });
}

void Race::fillFrame() {
  frame_.resize(runners_.size() * kFrameStride);
  double* f = frame_.data();
  for (const Runner& r : runners_) {
    const Walker& w = r.walker;
    f[0] = w.p[0];
    f[1] = w.p[1];
    f[2] = w.loss;
    f[3] = static_cast<double>(w.outcome.status);
    f[4] = static_cast<double>(w.steps);
    f[5] = static_cast<double>(w.outcome.statusStep);
    f += kFrameStride;
  }
}

const Race::Runner& Race::runner(std::size_t index) const {
  if (index >= runners_.size())
    throw std::out_of_range("Race: no runner " + std::to_string(index) + " (there are " +
                            std::to_string(runners_.size()) + ")");
  return runners_[index];
}

RunnerInfo Race::runnerInfo(std::size_t index) const {
  const Runner& r = runner(index);
  const Walker& w = r.walker;
  RunnerInfo info;
  info.optimizerId = r.optimizerId;
  info.label = r.label;
  info.x = w.p[0];
  info.y = w.p[1];
  info.loss = w.loss;
  info.gx = w.lastObserved.x;
  info.gy = w.lastObserved.y;
  info.steps = w.steps;
  info.status = w.outcome.status;
  info.reason = w.outcome.reason;
  info.statusStep = w.outcome.statusStep;
  info.minimumIndex = w.outcome.minimumIndex;
  info.lr = w.lastLr;
  info.scheduleError = w.scheduleError;
  std::string text = statusName(info.status);
  if (info.status != RunStatus::Running) {
    text += " at step " + std::to_string(info.statusStep) + ": ";
    if (info.reason == StopReason::NearMinimum) {
      const Minimum& m = minima_.minima()[static_cast<std::size_t>(info.minimumIndex)];
      info.minimumGlobal = m.global;
      text += std::string("near ") + (m.global ? "global" : "local") + " minimum " +
              std::to_string(info.minimumIndex) + " (" + formatNumber(m.at.x) + ", " + formatNumber(m.at.y) +
              "), f = " + formatNumber(m.value);
    } else {
      text += reasonName(info.reason);
    }
  }
  info.statusText = text;
  return info;
}

std::vector<double> Race::trajectory(std::size_t index) const { return runner(index).trajectory.flatPoints(); }

std::vector<double> Race::trajectorySteps(std::size_t index) const { return runner(index).trajectory.steps(); }

TrajectoryTail Race::trajectorySince(std::size_t index, double afterStep) const {
  return runner(index).trajectory.since(afterStep);
}

const std::vector<Buffer>& Race::buffers(std::size_t index) const { return runner(index).optimizer->buffers(); }

}  // namespace optlab
