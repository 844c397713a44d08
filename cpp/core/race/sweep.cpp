#include "sweep.hpp"
#include "schedules/schedule.hpp"
#include "util/format_number.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace optlab {
std::vector<double> logSpacedLrs(double lrMin, double lrMax, int lrCount) {
  if (!(lrMin > 0) || !(lrMax >= lrMin) || !std::isfinite(lrMax))
    throw std::invalid_argument("Invalid learning-rate range: [" + formatNumber(lrMin) + ", " + formatNumber(lrMax) +
                                "] (need 0 < lrMin <= lrMax)");
  if (lrCount < 1) throw std::invalid_argument("Invalid learning-rate count: " + std::to_string(lrCount));
  std::vector<double> lrs(static_cast<std::size_t>(lrCount));
  const double a = std::log10(lrMin), b = std::log10(lrMax);
  for (int k = 0; k < lrCount; ++k)
    lrs[static_cast<std::size_t>(k)] = lrCount == 1 ? lrMin : std::pow(10.0, a + (b - a) * k / (lrCount - 1));
  lrs.front() = lrMin;
  lrs.back() = lrCount == 1 ? lrMin : lrMax;
  return lrs;
}

ScheduleSpec scheduleAtPeak(const ScheduleSpec& spec, double lr) {
  if (spec.name != "OneCycleLR") return spec;
  ScheduleSpec out = spec;
  char text[32];
  for (int digits = 1; digits <= 17; ++digits) {  // the shortest text that reads back as the same double
    std::snprintf(text, sizeof text, "%.*g", digits, lr);
    if (std::strtod(text, nullptr) == lr) break;
  }
  for (auto& [name, value] : out.args)
    if (name == "max_lr") { value = text; return out; }
  out.args.insert(out.args.begin(), {"max_lr", text});  // max_lr is OneCycleLR's first argument
  return out;
}

std::string scheduleAtPeakText(const std::string& call, double lr) {
  return scheduleCallText(scheduleAtPeak(parseScheduleCall(call), lr));
}

SweepResult runSweep(const Landscape& f, Point start, const std::vector<SweepConfig>& configs,
                     const SweepOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  if (!std::isfinite(start.x) || !std::isfinite(start.y))
    throw std::invalid_argument("Invalid start point: (" + formatNumber(start.x) + ", " + formatNumber(start.y) + ") is not finite");
  if (o.steps < 0) throw std::invalid_argument("Invalid step count: " + std::to_string(o.steps));
  if (!(o.noise.sigma >= 0) || !std::isfinite(o.noise.sigma))
    throw std::invalid_argument("Invalid noise sigma: " + formatNumber(o.noise.sigma) + " (must be >= 0)");
  SweepResult r;
  r.lrs = logSpacedLrs(o.lrMin, o.lrMax, o.lrCount);
  const std::size_t nl = r.lrs.size();

  // Build every optimizer first, so a bad configuration fails before any work.
  // Schedules are built and bound here too: a bad schedule fails in torch's words.
  std::vector<std::unique_ptr<Optimizer>> opts;
  std::vector<std::unique_ptr<Schedule>> schedules;
  opts.reserve(configs.size() * nl);
  schedules.reserve(configs.size() * nl);
  for (const SweepConfig& c : configs) {
    r.labels.push_back(c.label.empty() ? c.optimizerId : c.label);
    for (double lr : r.lrs) {
      Settings s = c.settings;
      s["lr"] = {lr};
      opts.push_back(makeOptimizer(c.optimizerId, s));
      schedules.push_back(c.schedule ? std::make_unique<Schedule>(scheduleAtPeak(*c.schedule, lr)) : nullptr);
      if (schedules.back()) schedules.back()->bind(*opts.back());
    }
  }

  const std::size_t n = configs.size() * nl;
  r.finalLoss.assign(n, 0);
  r.convergedStep.assign(n, -1);
  r.divergedStep.assign(n, -1);
  r.bestIndex.assign(configs.size(), -1);
  const MinimaIndex minima(f.minima());
  const Domain d = f.domain();
  StopCriteria crit = o.criteria;
  crit.stopOnConvergence = false;

  for (std::size_t i = 0; i < n; ++i) {
    Walker w;
    w.optimizer = opts[i].get();
    w.schedule = schedules[i].get();
    w.clipping = configs[i / nl].clipping;
    w.reset(f, minima, d, crit, start);
    if (w.outcome.status == RunStatus::Converged) r.convergedStep[i] = 0;
    while (w.steps < o.steps && w.outcome.status != RunStatus::Diverged) {
      w.step(f, minima, d, crit, o.noise);
      if (r.convergedStep[i] < 0 && w.outcome.status == RunStatus::Converged)
        r.convergedStep[i] = static_cast<std::int32_t>(w.steps);
    }
    if (w.outcome.status == RunStatus::Diverged) r.divergedStep[i] = static_cast<std::int32_t>(w.outcome.statusStep);
    r.finalLoss[i] = w.loss;
  }

  for (std::size_t c = 0; c < configs.size(); ++c) {
    double best = INFINITY;
    for (std::size_t k = 0; k < nl; ++k) {
      const std::size_t i = c * nl + k;
      if (r.divergedStep[i] < 0 && r.finalLoss[i] < best) {
        best = r.finalLoss[i];
        r.bestIndex[c] = static_cast<std::int32_t>(k);
      }
    }
  }
  r.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace optlab
