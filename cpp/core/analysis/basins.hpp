// Basins of attraction: for one optimizer configuration, run it from the centre
// of every cell of an nx x ny grid over a region (the landscape's domain by
// default) with the race's step and stop rules (runner.hpp: Walker, checkStop),
// and report per cell which reported minimum the run reached and when.
//
// Per cell (row-major, row 0 at ymin, cell (i, j) centred at
// xmin + (i + 0.5) (xmax - xmin) / nx, ymin + (j + 0.5) (ymax - ymin) / ny):
//   minimum[c] = index into landscape.minima() of the minimum the run converged
//                near (StopReason::NearMinimum), kBasinNone (-1) if it stalled
//                (small gradient away from every minimum, e.g. on a saddle) or was
//                still running after maxSteps, kBasinDiverged (-2) if it diverged;
//   steps[c]   = the step at which it converged or diverged, maxSteps if neither.
// Runs stop at convergence (stopOnConvergence is forced on). Noise and the
// landscape's gradient mask apply exactly as in the race, so cell c is the race
// started at that cell's centre, step for step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "landscapes/landscape.hpp"
#include "optimizers/registry.hpp"
#include "race/runner.hpp"

namespace optlab {

inline constexpr std::int32_t kBasinNone = -1;
inline constexpr std::int32_t kBasinDiverged = -2;

struct BasinsOptions {
  int nx = 64, ny = 64;             // 1..512 each
  long maxSteps = 1000;             // per start, 0..1,000,000
  std::optional<Domain> region;     // default: the landscape's domain
  StopCriteria criteria;
  NoiseSettings noise;
};

struct BasinsResult {
  int nx = 0, ny = 0;
  Domain region;
  std::vector<std::int32_t> minimum;  // nx * ny, see above
  std::vector<std::int32_t> steps;    // nx * ny
  std::vector<std::int32_t> counts;   // per reported minimum: cells that reached it
  std::int32_t diverged = 0, none = 0;
  long maxSteps = 0;                  // the step budget of each run
  double milliseconds = 0;            // wall time of the runs
};

// The centre of cell (i, j).
Point basinCellCentre(const BasinsResult& r, int i, int j);

// Throws std::invalid_argument for an unknown optimizer or invalid settings
// (torch's wording), a grid or step count out of range, an invalid region, or
// invalid stop criteria / noise, before running anything.
BasinsResult computeBasins(const Landscape& f, const std::string& optimizerId, const Settings& settings,
                           const BasinsOptions& options = {});

class Race;
// The basins on a race's landscape with the race's stop criteria and noise (the page's
// basins tool): cell c is that race started at the cell's centre.
BasinsResult computeBasins(const Race& race, const std::string& optimizerId, const Settings& settings, int nx, int ny,
                           long maxSteps);

}  // namespace optlab
