// A race that comes into being with its first landscape: what a long-lived owner (the
// page's Race object, which exists before its landscape is chosen) holds. Later
// landscapes keep the runners (Race::setLandscape).
#pragma once

#include <memory>

#include "race.hpp"

namespace optlab {

class RaceHost {
 public:
  // The first call builds the race; later calls change its landscape and start.
  // Throws as Race's constructor / setLandscape do, and then changes nothing.
  void setLandscape(std::unique_ptr<Landscape> landscape, Point start);

  std::size_t runnerCount() const { return race_ ? race_->runnerCount() : 0; }
  // Throws std::logic_error before the first setLandscape().
  Race& race() { return race_ ? *race_ : noRace(); }
  const Race& race() const { return race_ ? *race_ : noRace(); }

 private:
  [[noreturn]] static Race& noRace();
  std::unique_ptr<Race> race_;
};

}  // namespace optlab
