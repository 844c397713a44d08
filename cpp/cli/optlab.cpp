// optlab: the command-line front end of the core, for course authors and cross-checks.
//
//   optlab list
//   optlab run --landscape rosenbrock --optimizer adam --set lr=0.01 --set betas=0.9,0.999
//              [--param kappa=50] [--start=-1.5,2] [--steps 200] [--digest]
//              [--scheduler StepLR --sched step_size=50 --sched gamma=0.5] [--clip-grad-norm X | --clip-grad-value X]
//   optlab run --landscape custom --expr "(1-x)^2 + 100*(y-x^2)^2" [--domain=-2,2,-1,3] ...
//
// `run` prints CSV `step,x,y,loss` (rows for steps 0..N, %.17g numbers), produced by the
// torch harness order of UPDATE_RULES.md §1 (runTrajectory). With --scheduler (torch's
// class name; --sched gives its keyword arguments, lists as milestones=30,80, the
// schedulers of SequentialLR as "LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180)")
// the CSV gains a fifth column `lr`: the lr each step used, and on the last row the
// lr after the last scheduler step. --clip-grad-norm / --clip-grad-value clip each
// gradient as torch.nn.utils.clip_grad_norm_ / clip_grad_value_ before the step.
// With --digest it prints only the trajectory's bit-exact digest (harness/torch_harness.hpp).
// Bad input prints one line on stderr and exits with status 2; nothing is written to stdout.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "expression/custom_landscape.hpp"
#include "expression/expression.hpp"
#include "landscapes/registry.hpp"
#include "optimizers/registry.hpp"
#include "optimizers/torch_validation.hpp"
#include "harness/torch_harness.hpp"
#include "schedules/registry.hpp"
#include "schedules/schedule.hpp"

namespace {

using namespace optlab;

const char* kUsage =
    "usage: optlab list | optlab run --landscape ID --optimizer ID [--set name=value]... "
    "[--param name=value]... [--expr F --domain XMIN,XMAX,YMIN,YMAX] [--start=X,Y] [--steps N] [--digest] "
    "[--scheduler NAME [--sched name=value]...] [--clip-grad-norm MAX_NORM | --clip-grad-value CLIP_VALUE]";

double parseDouble(const std::string& text, const std::string& what) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) {
    throw std::invalid_argument("Malformed " + what + ": '" + text + "' (expected a number)");
  }
  return v;
}

std::string formatNumber(double v) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

std::string defaultText(const HyperParamSpec& p) {
  if (p.kind == HyperKind::Bool) return p.defaults[0] != 0 ? "true" : "false";
  std::string out;
  for (double d : p.defaults) out += (out.empty() ? "" : ",") + pythonFloat(d);
  return out;
}

std::string list() {
  std::string out = "optimizers:\n";
  for (const auto& info : optimizerInfos()) {
    out += "  " + info.id + "  (" + info.displayName + "; " + info.reference + ")\n";
    for (const auto& p : info.params) {
      out += "    " + p.name + "=" + defaultText(p) + "  [" + hyperKindName(p.kind) +
             (p.required ? ", required" : "") + (p.teaching ? ", teaching switch" : "") + "]  " + p.help + "\n";
    }
  }
  out += "schedulers (--scheduler NAME --sched name=value):\n";
  for (const auto& info : schedulerInfos()) {
    out += "  " + info.id + "  " + info.help + "\n";
    for (const auto& p : info.params)
      out += "    " + p.name + "=" + (p.defaultText.empty() ? "(required)" : p.defaultText) + "  " + p.help + "\n";
  }
  out += "landscapes:\n";
  for (const auto& info : landscapeInfos()) {
    out += "  " + info.id + "  (" + info.displayName + ")  " + info.description + "\n";
    for (const auto& p : info.params) {
      out += "    " + p.name + "=" + formatNumber(p.defaultValue) + "  [" + formatNumber(p.min) + ", " +
             formatNumber(p.max) + "]  " + p.help + "\n";
    }
  }
  return out;
}

std::string run(const std::vector<std::string>& args) {
  std::string landscapeId, optimizerId, settingsText, startText, exprText, domainText;
  LandscapeParams params;
  long steps = 200;
  bool digest = false;
  std::string schedulerName;
  ScheduleSpec scheduleSpec;
  GradientClipping clipping;

  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string key = args[i], value;
    const bool isFlag = key == "--digest";
    if (key.rfind("--", 0) != 0) throw std::invalid_argument("Unexpected argument '" + key + "'");
    if (!isFlag) {
      const auto eq = key.find('=');
      if (eq != std::string::npos) {
        value = key.substr(eq + 1);
        key = key.substr(0, eq);
      } else {
        if (i + 1 >= args.size()) throw std::invalid_argument("Missing value after " + key);
        value = args[++i];
      }
    }
    if (key == "--digest") {
      digest = true;
    } else if (key == "--landscape") {
      landscapeId = value;
    } else if (key == "--optimizer") {
      optimizerId = value;
    } else if (key == "--set") {
      settingsText += value + ";";
    } else if (key == "--scheduler") {
      schedulerName = value;
    } else if (key == "--sched") {
      const auto eq = value.find('=');
      if (eq == std::string::npos) throw std::invalid_argument("Malformed --sched '" + value + "': expected name=value");
      scheduleSpec.args.emplace_back(value.substr(0, eq), value.substr(eq + 1));
    } else if (key == "--clip-grad-norm") {
      clipping.maxNorm = parseDouble(value, "--clip-grad-norm");
    } else if (key == "--clip-grad-value") {
      clipping.clipValue = parseDouble(value, "--clip-grad-value");
    } else if (key == "--param") {
      const auto eq = value.find('=');
      if (eq == std::string::npos) throw std::invalid_argument("Malformed --param '" + value + "': expected name=value");
      params[value.substr(0, eq)] = parseDouble(value.substr(eq + 1), "value for landscape parameter " + value.substr(0, eq));
    } else if (key == "--expr") {
      exprText = value;
    } else if (key == "--domain") {
      domainText = value;
    } else if (key == "--start") {
      startText = value;
    } else if (key == "--steps") {
      const double n = parseDouble(value, "--steps");
      if (!(n >= 0 && n <= 10000000 && n == std::floor(n))) {
        throw std::invalid_argument("Invalid --steps: '" + value + "' (expected an integer from 0 to 10000000)");
      }
      steps = static_cast<long>(n);
    } else {
      throw std::invalid_argument("Unknown option '" + key + "'");
    }
  }
  if (landscapeId.empty()) throw std::invalid_argument("Missing --landscape");
  if (optimizerId.empty()) throw std::invalid_argument("Missing --optimizer");
  if (schedulerName.empty() && !scheduleSpec.args.empty()) throw std::invalid_argument("--sched needs --scheduler");
  if (clipping.maxNorm && clipping.clipValue)
    throw std::invalid_argument("Choose one of --clip-grad-norm and --clip-grad-value");
  std::unique_ptr<Schedule> schedule;
  if (!schedulerName.empty()) {
    scheduleSpec.name = schedulerName;
    schedule = std::make_unique<Schedule>(scheduleSpec);
  }

  auto optimizer = makeOptimizer(optimizerId, parseSettings(optimizerId, settingsText));
  const bool custom = landscapeId == kCustomLandscapeId;
  if (!custom && (!exprText.empty() || !domainText.empty()))
    throw std::invalid_argument("--expr and --domain need --landscape custom");
  if (custom && exprText.empty()) throw std::invalid_argument("Missing --expr for --landscape custom");
  if (custom && !params.empty()) throw std::invalid_argument("--param does not apply to --landscape custom");
  Domain domain = kCustomDefaultDomain;
  if (!domainText.empty()) {
    double b[4];
    std::size_t from = 0;
    for (int k = 0; k < 4; ++k) {
      const auto comma = k < 3 ? domainText.find(',', from) : domainText.size();
      if (comma == std::string::npos)
        throw std::invalid_argument("Malformed --domain '" + domainText + "': expected XMIN,XMAX,YMIN,YMAX");
      b[k] = parseDouble(domainText.substr(from, comma - from), "--domain bound");
      from = comma + 1;
    }
    domain = {b[0], b[1], b[2], b[3]};
  }
  std::unique_ptr<Landscape> landscape;
  if (custom) {
    try {
      landscape = makeCustomLandscape(exprText, domain);
    } catch (const expr::ExpressionError& e) {
      throw std::invalid_argument("Invalid --expr '" + exprText + "': " + e.what());
    }
  } else {
    landscape = makeLandscape(landscapeId, params);
  }
  Point start = landscape->suggestedStart();
  if (!startText.empty()) {
    const auto comma = startText.find(',');
    if (comma == std::string::npos) throw std::invalid_argument("Malformed --start '" + startText + "': expected X,Y");
    start = {parseDouble(startText.substr(0, comma), "--start x"), parseDouble(startText.substr(comma + 1), "--start y")};
  }

  std::vector<double> lrs;
  const auto points = runTrajectory(*optimizer, *landscape, start, static_cast<int>(steps),
                                    TrainingControls{schedule.get(), clipping}, &lrs);
  if (digest) return trajectoryDigest(points) + "\n";
  std::string out = schedule ? "step,x,y,loss,lr\n" : "step,x,y,loss\n";
  out.reserve(points.size() * 84);
  for (std::size_t k = 0; k < points.size(); ++k) {
    out += std::to_string(k) + "," + formatNumber(points[k].x) + "," + formatNumber(points[k].y) + "," +
           formatNumber(points[k].loss);
    if (schedule) out += "," + formatNumber(lrs[k]);
    out += "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    std::string out;
    if (args.size() == 1 && args[0] == "list") {
      out = list();
    } else if (!args.empty() && args[0] == "run") {
      out = run(std::vector<std::string>(args.begin() + 1, args.end()));
    } else {
      std::fprintf(stderr, "%s\n", kUsage);
      return 2;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "optlab: %s\n", e.what());
    return 2;
  }
}
