// Cross-check against torch: every fixture under tests/reference/torch (written by
// tests/reference/generate_torch_reference.py from torch's baseline kernels) is re-run
// by the core, and x, y, loss must agree at all 201 points within
// |d| <= 1e-12 * max(1, |ref|), the bound of UPDATE_RULES.md §4. The spec expects them
// to be bit-identical; the bit-exact count is checked too.
//
// Native only ([native]): a node WebAssembly build cannot read host files. The
// WebAssembly build checks the same numbers through the trajectory digests of
// trajectory_digest_test.cpp instead.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "optimizer_test_support.hpp"

#ifndef OPTLAB_SOURCE_DIR
#define OPTLAB_SOURCE_DIR "."
#endif

using namespace optlab;
using namespace optlab::test;

namespace {

struct Fixture {
  std::string file, landscape, optimizer, settings, source;
};

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string item;
  while (std::getline(ss, item, sep)) out.push_back(item);
  return out;
}

const std::string kDir = std::string(OPTLAB_SOURCE_DIR) + "/tests/reference/torch/";

std::vector<Fixture> readManifest() {
  std::ifstream in(kDir + "manifest.tsv");
  std::vector<Fixture> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto f = split(line, '\t');
    if (f.size() == 5) out.push_back({f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

std::vector<TrajectoryPoint> readTrajectory(const std::string& file) {
  std::ifstream in(kDir + file);
  std::vector<TrajectoryPoint> out;
  std::string line;
  std::getline(in, line);  // step,x,y,loss
  while (std::getline(in, line)) {
    const auto f = split(line, ',');
    if (f.size() != 4) continue;
    out.push_back({std::strtod(f[1].c_str(), nullptr), std::strtod(f[2].c_str(), nullptr),
                   std::strtod(f[3].c_str(), nullptr)});
  }
  return out;
}

double error(double got, double ref) {
  if (std::isnan(got) && std::isnan(ref)) return 0;
  if (got == ref) return 0;
  return std::abs(got - ref) / std::max(1.0, std::abs(ref));
}

}  // namespace

TEST_CASE("TorchReference_EveryFixtureMatchesTorch", "[torch][native]") {
  const auto fixtures = readManifest();
  REQUIRE(fixtures.size() >= 130);  // 26 configurations x 5 landscapes
  double worst = 0;
  std::string worstCase;
  int bitExact = 0;
  for (const auto& fx : fixtures) {
    INFO(fx.file << " (" << fx.optimizer << " " << fx.settings << ", " << fx.source << ")");
    const auto ref = readTrajectory(fx.file);
    REQUIRE(ref.size() == 201);
    auto opt = makeOptimizer(fx.optimizer, parseSettings(fx.optimizer, fx.settings));
    auto landscape = makeLandscape(fx.landscape);
    CHECK(landscape->suggestedStart().x == ref[0].x);
    CHECK(landscape->suggestedStart().y == ref[0].y);
    const auto got = runTrajectory(*opt, *landscape, {ref[0].x, ref[0].y}, 200);
    double caseWorst = 0;
    for (std::size_t k = 0; k < ref.size(); ++k) {
      caseWorst = std::max({caseWorst, error(got[k].x, ref[k].x), error(got[k].y, ref[k].y),
                            error(got[k].loss, ref[k].loss)});
    }
    CHECK(caseWorst <= 1e-12);
    if (sameBits(got, ref)) ++bitExact;
    if (caseWorst >= worst) {
      worst = caseWorst;
      worstCase = fx.file;
    }
  }
  std::printf("torch cross-check: %zu cases, %d bit-exact, worst error %.3g (%s)\n", fixtures.size(), bitExact,
              worst, worstCase.c_str());
  CHECK(bitExact == static_cast<int>(fixtures.size()));
}
