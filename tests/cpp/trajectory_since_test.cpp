// What a frame appends to a trail: BoundedTrajectory::since.
#include <catch2/catch.hpp>

#include "race/bounded_trajectory.hpp"

using namespace optlab;

TEST_CASE("TrajectorySince_ReturnsThePointsAfterAStep", "[trajectory]") {
  BoundedTrajectory t(64);
  for (long s = 0; s <= 10; ++s) t.add(s, static_cast<double>(s), -static_cast<double>(s), 0.5 * s);
  const TrajectoryTail all = t.since(-1);
  CHECK(all.steps == t.steps());
  CHECK(all.points == t.flatPoints());

  const TrajectoryTail tail = t.since(7);
  CHECK(tail.steps == std::vector<double>{8, 9, 10});
  CHECK(tail.points == std::vector<double>{8, -8, 4, 9, -9, 4.5, 10, -10, 5});
  CHECK(t.since(10).steps.empty());
  CHECK(t.since(10).points.empty());
}

TEST_CASE("TrajectorySince_IncludesTheLatestUnstoredPoint", "[trajectory]") {
  // With a cap of 4 the stride grows; the latest step is exported even when not stored.
  BoundedTrajectory t(4);
  for (long s = 0; s <= 9; ++s) t.add(s, static_cast<double>(s), 0, 0);
  const std::vector<double> steps = t.steps();
  REQUIRE(steps.back() == 9);
  const TrajectoryTail tail = t.since(steps[steps.size() - 2]);
  CHECK(tail.steps == std::vector<double>{9});
  CHECK(tail.points == std::vector<double>{9, 0, 0});
}
