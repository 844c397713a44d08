// The one place where scheduler names (torch's class names: "StepLR", ...) and their
// keyword arguments meet implementations, like optimizers/registry.hpp.
//
// A scheduler is written as torch's call without the optimizer:
//   StepLR(step_size=50,gamma=0.5)
//   MultiStepLR(milestones=30,80,150)            a list: the comma-separated numbers
//   SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180),milestones=20)
// Errors use torch's (Python's) wording: "module 'torch.optim.lr_scheduler' has no
// attribute 'Foo'", "StepLR.__init__() got an unexpected keyword argument 'foo'",
// "StepLR.__init__() missing 1 required positional argument: 'step_size'", and each
// scheduler's own ValueError messages.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lr_scheduler.hpp"

namespace optlab {

enum class ScheduleParamKind { Integer, Number, IntegerList, Choice, Flag, Schedulers };
// "integer", "number", "integers", "choice", "bool" or "schedulers" (the page's catalog).
const char* scheduleParamKindName(ScheduleParamKind kind);

struct ScheduleParamSpec {
  std::string name;  // torch's keyword
  ScheduleParamKind kind = ScheduleParamKind::Number;
  std::string defaultText;  // torch's default as text; "" = required, "None" = optional
  std::vector<std::string> choices;  // for Choice
  std::string help;
};

struct SchedulerInfo {
  std::string id;  // torch's class name
  std::string help;
  std::vector<ScheduleParamSpec> params;
};

const std::vector<SchedulerInfo>& schedulerInfos();

// A scheduler as written: class name and keyword arguments (values as text), in order.
struct ScheduleSpec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> args;
};

// Parses "Name(arg=value,...)" (or a bare "Name"). Throws std::invalid_argument.
ScheduleSpec parseScheduleCall(const std::string& text);
// The same, with "" meaning no schedule (a constant lr): what a runner or a sweep config is given.
std::optional<ScheduleSpec> parseOptionalScheduleCall(const std::string& text);
// "Name(...)" as text again (canonical form of parseScheduleCall's input).
std::string scheduleCallText(const ScheduleSpec& spec);

// Builds the scheduler on `group` (which it changes, as torch's constructors change
// the param_group). Validates everything; throws std::invalid_argument.
std::unique_ptr<LrScheduler> makeScheduler(const ScheduleSpec& spec, ParamGroup& group);

}  // namespace optlab
