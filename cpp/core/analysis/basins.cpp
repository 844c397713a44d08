#include "basins.hpp"

#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "race/race.hpp"
#include "util/format_number.hpp"

namespace optlab {
Point basinCellCentre(const BasinsResult& r, int i, int j) {
  const Domain& d = r.region;
  return {d.xmin + (i + 0.5) * (d.xmax - d.xmin) / r.nx, d.ymin + (j + 0.5) * (d.ymax - d.ymin) / r.ny};
}

BasinsResult computeBasins(const Landscape& f, const std::string& optimizerId, const Settings& settings,
                           const BasinsOptions& o) {
  if (o.nx < 1 || o.nx > 512 || o.ny < 1 || o.ny > 512)
    throw std::invalid_argument("Invalid basin grid: " + std::to_string(o.nx) + " x " + std::to_string(o.ny) +
                                " (each side must be from 1 to 512)");
  if (o.maxSteps < 0 || o.maxSteps > 1000000)
    throw std::invalid_argument("Invalid step count: " + std::to_string(o.maxSteps) + " (must be from 0 to 1000000)");
  const Domain region = o.region.value_or(f.domain());
  if (!std::isfinite(region.xmin) || !std::isfinite(region.xmax) || !std::isfinite(region.ymin) ||
      !std::isfinite(region.ymax) || !(region.xmin < region.xmax) || !(region.ymin < region.ymax))
    throw std::invalid_argument("Invalid basin region: [" + formatNumber(region.xmin) + ", " + formatNumber(region.xmax) + "] x [" +
                                formatNumber(region.ymin) + ", " + formatNumber(region.ymax) + "]");
  RaceOptions ro;
  ro.criteria = o.criteria;
  ro.noise = o.noise;
  Race::validateOptions(ro);
  std::unique_ptr<Optimizer> opt = makeOptimizer(optimizerId, settings);

  const auto t0 = std::chrono::steady_clock::now();
  BasinsResult r;
  r.nx = o.nx;
  r.ny = o.ny;
  r.region = region;
  r.maxSteps = o.maxSteps;
  const std::size_t n = static_cast<std::size_t>(o.nx) * static_cast<std::size_t>(o.ny);
  r.minimum.assign(n, kBasinNone);
  r.steps.assign(n, static_cast<std::int32_t>(o.maxSteps));
  const std::vector<Minimum> minima = f.minima();
  r.counts.assign(minima.size(), 0);
  const MinimaIndex index(minima);
  const Domain d = f.domain();  // divergence bounds are the race's: around the landscape's domain
  StopCriteria crit = o.criteria;
  crit.stopOnConvergence = true;

  Walker w;
  w.optimizer = opt.get();
  for (int j = 0; j < o.ny; ++j) {
    for (int i = 0; i < o.nx; ++i) {
      const std::size_t c = static_cast<std::size_t>(j) * static_cast<std::size_t>(o.nx) + static_cast<std::size_t>(i);
      w.reset(f, index, d, crit, basinCellCentre(r, i, j));
      while (w.outcome.status == RunStatus::Running && w.steps < o.maxSteps) w.step(f, index, d, crit, o.noise);
      const RunOutcome& out = w.outcome;
      if (out.status == RunStatus::Diverged) {
        r.minimum[c] = kBasinDiverged;
        r.steps[c] = static_cast<std::int32_t>(out.statusStep);
        ++r.diverged;
      } else if (out.status == RunStatus::Converged) {
        r.steps[c] = static_cast<std::int32_t>(out.statusStep);
        if (out.reason == StopReason::NearMinimum && out.minimumIndex >= 0) {
          r.minimum[c] = out.minimumIndex;
          ++r.counts[static_cast<std::size_t>(out.minimumIndex)];
        } else {
          ++r.none;
        }
      } else {
        ++r.none;
      }
    }
  }
  r.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

BasinsResult computeBasins(const Race& race, const std::string& optimizerId, const Settings& settings, int nx, int ny,
                           long maxSteps) {
  return computeBasins(race.landscape(), optimizerId, settings,
                       {nx, ny, maxSteps, std::nullopt, race.options().criteria, race.options().noise});
}

}  // namespace optlab
