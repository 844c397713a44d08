// The "custom" landscape: a user's expression f(x, y) (expression.hpp) with a
// plotting domain and a start point. Value, gradient and Hessian come from the
// expression's automatic differentiation, so they are exact.
//
// It is not in the registry's list of built-in landscapes (its parameter is a
// text, not a number): the bindings and the CLI build it with
// makeCustomLandscape() when the landscape id is kCustomLandscapeId. Catalogs that
// offer it next to the built-ins use customLandscapeInfo().
//
// Minima: a custom landscape reports the local minima found by this search, and
// only those (it may miss minima; it never reports one it did not find):
//   1. sample f on a 41 x 41 grid over the domain (boundary included);
//   2. every interior grid point with a finite value strictly below all eight
//      neighbours seeds Newton's method (newtonRefine, exact gradient and Hessian);
//   3. a refined point is kept if it is finite, inside the domain, its gradient
//      norm is below 1e-8 (1 + |f|), its Hessian is positive semi-definite
//      (both eigenvalues >= -1e-9 (1 + |f|)), its value is not above its seed's,
//      and it is farther than 1e-6 (domain size) from every point kept already;
//   4. at most kMaxCustomMinima minima are kept (the lowest ones); those within
//      1e-9 (1 + |lowest|) of the lowest value are marked global.
// Minima narrower than the grid spacing, minima on the domain's edge, and flat
// bottoms without a single lowest point (abs(x) + 0*y) are not found.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "landscapes/landscape.hpp"
#include "landscapes/registry.hpp"

namespace optlab {

inline constexpr const char* kCustomLandscapeId = "custom";
inline constexpr int kMaxCustomMinima = 16;
inline constexpr int kCustomMinimaGrid = 41;

// The default domain of a custom landscape, and its default start
// (a quarter of the way in from the top-left corner).
inline constexpr Domain kCustomDefaultDomain{-3, 3, -3, 3};

// The function a custom landscape starts from when the user has typed none.
inline constexpr const char* kCustomDefaultExpression = "sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)";

// The catalog entry of the custom landscape: its id, name, generic formula and a
// sentence; no numeric parameters (the expression and domain are its parameters).
const LandscapeInfo& customLandscapeInfo();

// No domain: kCustomDefaultDomain; no start: the default start of the domain.
// Throws expr::ExpressionError (std::invalid_argument) for a malformed expression,
// std::invalid_argument for a domain that is not finite with xmin < xmax and
// ymin < ymax ("Invalid domain: ...") or a start that is not finite.
std::unique_ptr<Landscape> makeCustomLandscape(const std::string& expression,
                                               std::optional<Domain> domain = std::nullopt,
                                               std::optional<Point> start = std::nullopt);

// The expression of a custom landscape ("" for any other landscape).
std::string customExpression(const Landscape& f);

}  // namespace optlab
