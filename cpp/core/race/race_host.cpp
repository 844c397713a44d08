#include "race_host.hpp"

#include <stdexcept>

namespace optlab {

void RaceHost::setLandscape(std::unique_ptr<Landscape> landscape, Point start) {
  if (race_) race_->setLandscape(std::move(landscape), start);
  else race_ = std::make_unique<Race>(std::move(landscape), start);
}

Race& RaceHost::noRace() { throw std::logic_error("The race has no landscape yet"); }

}  // namespace optlab
