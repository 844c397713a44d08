#include "runner.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

#include "noise.hpp"

namespace optlab {

MinimaIndex::MinimaIndex(std::vector<Minimum> minima) : minima_(std::move(minima)) {
  order_.resize(minima_.size());
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int>(i);
  std::sort(order_.begin(), order_.end(),
            [&](int a, int b) { return minima_[static_cast<std::size_t>(a)].at.x < minima_[static_cast<std::size_t>(b)].at.x; });
  for (int i : order_) xs_.push_back(minima_[static_cast<std::size_t>(i)].at.x);
}

int MinimaIndex::within(double x, double y, double tol) const {
  const double tol2 = tol * tol;
  int best = -1;
  for (auto it = std::lower_bound(xs_.begin(), xs_.end(), x - tol); it != xs_.end() && *it <= x + tol; ++it) {
    const int i = order_[static_cast<std::size_t>(it - xs_.begin())];
    const Minimum& m = minima_[static_cast<std::size_t>(i)];
    const double dx = x - m.at.x, dy = y - m.at.y;
    if (dx * dx + dy * dy <= tol2 && (best < 0 || i < best)) best = i;
  }
  return best;
}

bool checkStop(const MinimaIndex& minima, const Domain& d, const StopCriteria& c, double x,
               double y, double loss, Point g, long steps, RunOutcome& out) {
  if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(loss)) {
    out = {RunStatus::Diverged, StopReason::NonFinite, steps, -1};
    return true;
  }
  const double w = d.xmax - d.xmin, h = d.ymax - d.ymin, k = c.divergenceFactor;
  if (x < d.xmin - k * w || x > d.xmax + k * w || y < d.ymin - k * h || y > d.ymax + k * h) {
    out = {RunStatus::Diverged, StopReason::OutOfBounds, steps, -1};
    return true;
  }
  if (out.status == RunStatus::Converged) return false;
  const int m = minima.within(x, y, c.minimumTolerance);
  if (m >= 0) {
    out = {RunStatus::Converged, StopReason::NearMinimum, steps, m};
    return true;
  }
  if (c.gradientTolerance > 0) {
    // |g| < tol compared squared: hypot is a slow library call in WebAssembly (musl),
    // and this check runs every step. Overflow gives inf (not converged), as it should.
    if (g.x * g.x + g.y * g.y < c.gradientTolerance * c.gradientTolerance) {
      out = {RunStatus::Converged, StopReason::SmallGradient, steps, -1};
      return true;
    }
  }
  return false;
}

void Walker::reset(const Landscape& f, const MinimaIndex& minima, const Domain& d,
                   const StopCriteria& c, Point start) {
  optimizer->reset(2);
  if (schedule) schedule->restart();
  scheduleError.clear();
  const ScheduledHyperparameters hyper = optimizer->scheduledHyperparameters();
  lastLr = hyper.lr ? *hyper.lr : 0.0;
  p[0] = start.x;
  p[1] = start.y;
  loss = f.value(p[0], p[1]);
  grad = f.gradient(p[0], p[1]);
  lastObserved = {0, 0};
  steps = 0;
  outcome = {};
  checkStop(minima, d, c, p[0], p[1], loss, grad, 0, outcome);
}

bool Walker::step(const Landscape& f, const MinimaIndex& minima, const Domain& d,
                  const StopCriteria& c, const NoiseSettings& noise) {
  if (!active(c)) return false;
  double gp[2];
  optimizer->gradientPoint(std::span<const double>(p, 2), std::span<double>(gp, 2));
  Point g = (gp[0] == p[0] && gp[1] == p[1]) ? grad : f.gradient(gp[0], gp[1]);
  const auto k = static_cast<std::uint64_t>(steps);
  f.maskGradient(g, k);
  if (noise.sigma > 0) {
    const Point z = gradientNoise(noise.seed, k);
    g.x += noise.sigma * z.x;
    g.y += noise.sigma * z.y;
  }
  double gv[2] = {g.x, g.y};
  if (clipping.active()) {
    applyClipping(clipping, std::span<double>(gv, 2));
    g = {gv[0], gv[1]};
  }
  lastObserved = g;
  optimizer->step(std::span<double>(p, 2), std::span<const double>(gv, 2));
  ++steps;
  if (schedule) stepSchedule();  // `loss` is still f(p_k), the loss of this step
  loss = f.valueAndGradient(p[0], p[1], grad);
  checkStop(minima, d, c, p[0], p[1], loss, grad, steps, outcome);
  return true;
}

void Walker::stepSchedule() {
  lastLr = schedule->lr();  // the lr the optimizer step just used
  if (!scheduleError.empty()) return;
  try {
    schedule->afterOptimizerStep(loss);
  } catch (const std::exception& e) {
    scheduleError = e.what();  // one failing runner never stops the race
  }
}

std::string statusName(RunStatus s) {
  switch (s) {
    case RunStatus::Running: return "running";
    case RunStatus::Converged: return "converged";
    case RunStatus::Diverged: return "diverged";
  }
  return "unknown";
}

std::string reasonName(StopReason r) {
  switch (r) {
    case StopReason::None: return "none";
    case StopReason::NearMinimum: return "near a minimum";
    case StopReason::SmallGradient: return "gradient norm below tolerance";
    case StopReason::NonFinite: return "non-finite value";
    case StopReason::OutOfBounds: return "left the bounded region";
  }
  return "unknown";
}

}  // namespace optlab
