// Bindings of what the page asks without a race: the catalogs of optimizers, landscapes
// and datasets, an optimizer's state size and a probe of its steps, and the check of a
// user's expression.
#include "harness/optimizer_probe.hpp"
#include "convert.hpp"
#include "expression/custom_landscape.hpp"
#include "expression/expression.hpp"
#include "landscapes/registry.hpp"
#include "network/dataset.hpp"
#include "optimizers/registry.hpp"
#include "random/seed.hpp"
#include "schedules/registry.hpp"

namespace optlab::bind {
namespace {

val hyperParamObject(const HyperParamSpec& s) {
  return object({{"name", val(s.name)}, {"kind", val(std::string(hyperKindName(s.kind)))},
                 {"defaults", arrayOf(s.defaults)}, {"min", val(s.min)}, {"max", val(s.max)},
                 {"minInclusive", val(s.minInclusive)}, {"maxInclusive", val(s.maxInclusive)},
                 {"required", val(s.required)}, {"teaching", val(s.teaching)}, {"help", val(s.help)}});
}

val optimizerCatalog() {
  return arrayOf(optimizerInfos(), [](const OptimizerInfo& info) {
    return object({{"id", val(info.id)}, {"displayName", val(info.displayName)}, {"reference", val(info.reference)},
                   {"params", arrayOf(info.params, hyperParamObject)}});
  });
}

val landscapeInfoObject(const LandscapeInfo& info) {
  const val params = arrayOf(info.params, [](const LandscapeParamSpec& s) {
    return object({{"name", val(s.name)}, {"label", val(s.label)}, {"default", val(s.defaultValue)}, {"min", val(s.min)},
                   {"max", val(s.max)}, {"integer", val(s.integer)}, {"help", val(s.help)}});
  });
  return object({{"id", val(info.id)}, {"displayName", val(info.displayName)}, {"latex", val(info.latex)},
                 {"description", val(info.description)}, {"params", params}});
}

// The built-in landscapes, then the custom one with its default function and domain.
val landscapeCatalog() {
  val list = arrayOf(landscapeInfos(), landscapeInfoObject);
  val custom = landscapeInfoObject(customLandscapeInfo());
  custom.set("custom", true);
  custom.set("defaultExpression", std::string(kCustomDefaultExpression));
  custom.set("defaultDomain", val(kCustomDefaultDomain));
  list.call<void>("push", custom);
  return list;
}

val datasetCatalog() {
  return arrayOf(datasetInfos(), [](const DatasetInfo& d) {
    return object({{"id", val(d.id)}, {"displayName", val(d.displayName)}, {"description", val(d.description)},
                   {"maxClasses", val(d.maxClasses)}});
  });
}

// Static facts about an optimizer configuration (the chapter's memory table).
val optimizerStateSize(const std::string& id, const val& settings) {
  return guard([&] {
    const std::size_t n = stateValuesPerParameter(id, settingsFrom(id, settings));
    return object({{"valuesPerParameter", val(static_cast<double>(n))}});
  });
}

// harness/optimizer_probe.hpp: {params, buffers}, flat step-major; or {error}.
val optimizerProbe(const std::string& id, const val& settings, const val& start, const val& gradients) {
  return guard([&] {
    const ProbeRecord r = probeOptimizer(id, settingsFrom(id, settings), numbersFrom(start), numbersFrom(gradients));
    return object({{"params", typedCopy(r.params)}, {"buffers", buffersObject(r.buffers, true)}});
  });
}

// torch's schedulers: [{id, help, params: [{name, kind, default ("" required, "None" optional), choices, help}]}]
val schedulerCatalog() {
  return arrayOf(schedulerInfos(), [](const SchedulerInfo& info) {
    const val params = arrayOf(info.params, [](const ScheduleParamSpec& s) {
      return object({{"name", val(s.name)}, {"kind", val(std::string(scheduleParamKindName(s.kind)))},
                     {"default", val(s.defaultText)}, {"choices", arrayOf(s.choices)}, {"help", val(s.help)}});
    });
    return object({{"id", val(info.id)}, {"help", val(info.help)}, {"params", params}});
  });
}

}  // namespace
}  // namespace optlab::bind

EMSCRIPTEN_BINDINGS(optlab_catalog) {
  using namespace optlab::bind;
  // Plain data that crosses as {field: value} objects.
  emscripten::value_object<optlab::Domain>("Domain")
      .field("xmin", &optlab::Domain::xmin)
      .field("xmax", &optlab::Domain::xmax)
      .field("ymin", &optlab::Domain::ymin)
      .field("ymax", &optlab::Domain::ymax);
  emscripten::value_object<optlab::expr::ExpressionCheck>("ExpressionCheck")  // {error: "" or the message, column}
      .field("error", &optlab::expr::ExpressionCheck::error)
      .field("column", &optlab::expr::ExpressionCheck::column);
  emscripten::function("optimizerCatalog", &optimizerCatalog);
  emscripten::function("landscapeCatalog", &landscapeCatalog);
  emscripten::function("datasetCatalog", &datasetCatalog);
  emscripten::function("optimizerStateSize", &optimizerStateSize);
  emscripten::function("optimizerProbe", &optimizerProbe);
  emscripten::function("checkExpression", &optlab::expr::checkExpression);
  emscripten::function("schedulerCatalog", &schedulerCatalog);
  emscripten::constant("maxSeed", optlab::kMaxSeed);
}
