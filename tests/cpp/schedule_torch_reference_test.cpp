// Cross-check of lr schedules and gradient clipping against torch: every fixture under
// tests/reference/torch_schedules (240 steps of the torch training loop, written by
// tests/reference/generate_torch_reference.py from torch's baseline kernels) is re-run
// by the core. x, y, loss and the lr of every step must be bit-identical to torch's;
// the 1e-12 bound of UPDATE_RULES.md §4 is reported as well.
//
// Native only ([native]): the WebAssembly build cannot read host files; it checks the
// same runs through the digests of schedule_digest_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "schedule_test_support.hpp"

#ifndef OPTLAB_SOURCE_DIR
#define OPTLAB_SOURCE_DIR "."
#endif

using namespace optlab;
using namespace optlab::test;

namespace {

const std::string kDir = std::string(OPTLAB_SOURCE_DIR) + "/tests/reference/torch_schedules/";

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string item;
  while (std::getline(ss, item, sep)) out.push_back(item);
  if (!line.empty() && line.back() == sep) out.push_back("");
  return out;
}

struct Row {
  double x, y, loss, lr;
};

std::vector<Row> readFixture(const std::string& file) {
  std::ifstream in(kDir + file);
  std::vector<Row> out;
  std::string line;
  std::getline(in, line);  // step,x,y,loss,lr
  while (std::getline(in, line)) {
    const auto f = split(line, ',');
    if (f.size() != 5) continue;
    out.push_back({std::strtod(f[1].c_str(), nullptr), std::strtod(f[2].c_str(), nullptr),
                   std::strtod(f[3].c_str(), nullptr), std::strtod(f[4].c_str(), nullptr)});
  }
  return out;
}

double error(double got, double ref) {
  if (std::isnan(got) && std::isnan(ref)) return 0;
  if (got == ref) return 0;
  return std::abs(got - ref) / std::max(1.0, std::abs(ref));
}

}  // namespace

TEST_CASE("ScheduleTorchReference_EveryFixtureMatchesTorch", "[torch][native][schedules]") {
  std::ifstream manifest(kDir + "manifest.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  int cases = 0, bitExact = 0;
  double worst = 0;
  std::string worstCase;
  while (std::getline(manifest, line)) {
    const auto f = split(line, '\t');
    if (f.size() != 9) continue;
    const std::string &file = f[0], &landscape = f[1], &optimizer = f[2], &settings = f[3], &scheduler = f[4],
                      &clipping = f[5];
    const int steps = std::stoi(f[6]);
    INFO(file << ": " << optimizer << " " << settings << " " << scheduler << " " << clipping);
    const auto ref = readFixture(file);
    REQUIRE(ref.size() == static_cast<std::size_t>(steps) + 1);
    const auto got = runScheduled(optimizer, settings, landscape, scheduler, clipping, steps);
    REQUIRE(got.points.size() == ref.size());
    REQUIRE(got.lrs.size() == ref.size());
    double caseWorst = 0;
    bool same = true;
    for (std::size_t k = 0; k < ref.size(); ++k) {
      const auto& p = got.points[k];
      caseWorst = std::max({caseWorst, error(p.x, ref[k].x), error(p.y, ref[k].y), error(p.loss, ref[k].loss),
                            error(got.lrs[k], ref[k].lr)});
      same = same && sameBits(p.x, ref[k].x) && sameBits(p.y, ref[k].y) && sameBits(p.loss, ref[k].loss) &&
             sameBits(got.lrs[k], ref[k].lr);
    }
    CHECK(caseWorst <= 1e-12);
    CHECK(same);
    ++cases;
    if (same) ++bitExact;
    if (caseWorst >= worst) {
      worst = caseWorst;
      worstCase = file;
    }
  }
  std::printf("torch schedule cross-check: %d cases, %d bit-exact, worst error %.3g (%s)\n", cases, bitExact, worst,
              worstCase.c_str());
  CHECK(cases >= 90);
}
