// Core throughput for `npm run bench` (bench/run.mjs): the same source is built natively
// (g++ -O3, $OPTLAB_BUILD/native/core_bench) and to WebAssembly for node (emcc -O3,
// $OPTLAB_BUILD/wasm/core_bench.cjs), so the two numbers are the same work.
//
// For every optimizer: one Walker (the race's per-step loop: gradient point, gradient,
// mask, step, loss, stop checks) on Rosenbrock from (-1.5, 2) at the optimizer's default
// settings (SGD: lr=0.001), restarted whenever it diverges; convergence does not stop it.
// Then a Race with every optimizer (trajectories on) advanced in frames of 16 steps.
// Prints one JSON object per line: {"kind":"walker"|"race","optimizer":id,"steps":n,"seconds":s}.
//
//   core_bench [seconds per measurement, default 0.5]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "landscapes/registry.hpp"
#include "optimizers/registry.hpp"
#include "race/race.hpp"
#include "race/runner.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

optlab::Settings benchSettings(const std::string& id) {
  return optlab::parseSettings(id, id == "sgd" ? "lr=0.001" : "");
}

}  // namespace

int main(int argc, char** argv) {
  const double budget = argc > 1 ? std::atof(argv[1]) : 0.5;
  const auto f = optlab::makeLandscape("rosenbrock");
  const optlab::MinimaIndex minima(f->minima());
  const optlab::Domain domain = f->domain();
  optlab::StopCriteria criteria;
  criteria.stopOnConvergence = false;
  const optlab::NoiseSettings noise;
  const optlab::Point start{-1.5, 2.0};
  double sink = 0;

  // Every optimizer at its defaults, plus SGD with momentum (the peers' "momentum").
  std::vector<std::pair<std::string, std::string>> configs;  // (label, id)
  for (const optlab::OptimizerInfo& info : optlab::optimizerInfos()) configs.emplace_back(info.id, info.id);
  configs.emplace_back("sgd_momentum", "sgd");
  for (const auto& [label, id] : configs) {
    auto opt = optlab::makeOptimizer(
        id, label == "sgd_momentum" ? optlab::parseSettings(id, "lr=0.001;momentum=0.9") : benchSettings(id));
    optlab::Walker w;
    w.optimizer = opt.get();
    w.reset(*f, minima, domain, criteria, start);
    long steps = 0;
    const auto t0 = Clock::now();
    double seconds = 0;
    do {
      for (int k = 0; k < 4096; ++k) {
        if (!w.step(*f, minima, domain, criteria, noise)) w.reset(*f, minima, domain, criteria, start);
      }
      steps += 4096;
      seconds = since(t0);
    } while (seconds < budget);
    sink += w.p[0];
    std::printf("{\"kind\":\"walker\",\"optimizer\":\"%s\",\"steps\":%ld,\"seconds\":%.6f}\n", label.c_str(), steps,
                seconds);
  }

  optlab::RaceOptions options;
  options.criteria = criteria;
  optlab::Race race(optlab::makeLandscape("rosenbrock"), start, options);
  for (const optlab::OptimizerInfo& info : optlab::optimizerInfos()) race.addRunner(info.id, benchSettings(info.id));
  long steps = 0;
  const auto t0 = Clock::now();
  double seconds = 0;
  do {
    for (int frame = 0; frame < 64; ++frame) {
      const long before = race.steps();
      race.advance(16);
      steps += (race.steps() - before) * static_cast<long>(race.runnerCount());
      if (race.finished() || race.steps() > 200000) race.reset();
    }
    seconds = since(t0);
  } while (seconds < budget);
  std::printf("{\"kind\":\"race\",\"optimizer\":\"all\",\"steps\":%ld,\"seconds\":%.6f}\n", steps, seconds);
  std::fprintf(stderr, "checksum %g\n", sink);
  return 0;
}
