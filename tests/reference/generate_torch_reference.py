#!/usr/bin/python3
"""Generate the torch reference trajectories the C++ core is checked against.

Run with Debian's torch (python3-torch, 1.13) and torch's baseline CPU kernels, which
round every operation separately exactly as the plain-IEEE C++ core does:

    ATEN_CPU_CAPABILITY=default /usr/bin/python3 tests/reference/generate_torch_reference.py

The harness is UPDATE_RULES.md section 1: float64 parameters, default dtype left at
float32, 200 steps; for k = 0..199 the gradient and loss are taken at p, the point
(x, y, loss) is recorded, then opt.step(); the final point is recorded after the loop.

Every optimizer comes from torch.optim except two, which this script implements with
torch tensor operations (clearly labelled in the manifest's `source` column):
  * NAdam: torch 1.13 has a bug fixed in 2.0 (pytorch PR #92699: mu_product_next
    counted mu_t twice). `TorchTwoNAdam` below is torch 2.x's _single_tensor_nadam,
    line for line, with the 1.13-style `mul_(beta1).add_(grad, alpha=1-beta1)` for
    exp_avg, as UPDATE_RULES.md specifies.
  * Lion: not in torch. `PaperLion` below is Chen et al. 2023, Algorithm 2, in the
    rounding order of UPDATE_RULES.md.

Output: tests/reference/torch/<landscape>__<optimizer>__<config>.csv with the header
`step,x,y,loss` and 201 rows of %.17g numbers (the format of `optlab run`), plus
manifest.tsv: file, landscape, optimizer, settings (optlab's `name=value;...` syntax),
source.

Schedules and clipping: tests/reference/torch_schedules/ holds 240-step runs of the
torch training loop with an lr scheduler and/or gradient clipping:

    opt.zero_grad(set_to_none=True); loss = f(p); loss.backward(); record (x, y, loss)
    clip_grad_norm_([p], max_norm) or clip_grad_value_([p], clip_value)
    record lr = opt.param_groups[0]["lr"]            (the lr this step uses)
    opt.step(); sched.step()                         (ReduceLROnPlateau: sched.step(loss))

plus the final point and the lr after the last scheduler step. Files have the header
`step,x,y,loss,lr` (the format of `optlab run --scheduler ...`); manifest.tsv there has
file, landscape, optimizer, settings, scheduler (torch's call, optlab's syntax, or
empty), clipping (`max_norm=X`, `clip_value=X` or empty), steps, source, note. The
note says where torch 1.13 (which generated the files) and torch 2.x differ for that
case, and why the file is still the 2.x behaviour.
"""
import math
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "torch")
STEPS = 200


class TorchTwoNAdam(torch.optim.Optimizer):
    """torch 2.x NAdam (single-tensor path, default dtype float32 mu_product)."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), eps = group["lr"], group["betas"], group["eps"]
            weight_decay, momentum_decay = group["weight_decay"], group["momentum_decay"]
            for param in group["params"]:
                grad = param.grad
                state = self.state[param]
                if not state:
                    state["step"] = torch.tensor(0.)
                    state["mu_product"] = torch.tensor(1.)  # default dtype: float32, as for users
                    state["exp_avg"] = torch.zeros_like(param, memory_format=torch.preserve_format)
                    state["exp_avg_sq"] = torch.zeros_like(param, memory_format=torch.preserve_format)
                step_t, mu_product = state["step"], state["mu_product"]
                exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
                step_t += 1
                step = step_t.item()
                bias_correction2 = 1 - beta2 ** step
                if weight_decay != 0:
                    grad = grad.add(param, alpha=weight_decay)
                mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
                mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
                mu_product *= mu
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
                mu_product_next = mu_product.item() * mu_next  # 2.x: prod_{i<=t+1} mu_i
                param.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product.item())))
                param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))


class PaperLion(torch.optim.Optimizer):
    """Lion, Chen et al. 2023 Algorithm 2, in UPDATE_RULES.md's rounding order."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), wd = group["lr"], group["betas"], group["weight_decay"]
            for p in group["params"]:
                grad = p.grad
                state = self.state[p]
                if not state:
                    state["exp_avg"] = torch.zeros_like(p)
                exp_avg = state["exp_avg"]
                c = exp_avg.mul(beta1).add(grad.mul(1 - beta1))      # m*beta1 + g*(1-beta1)
                direction = torch.sign(c).add(p, alpha=wd)           # sign(c) + wd*p
                p.add_(direction, alpha=-lr)                         # p - lr*(...)
                exp_avg.copy_(exp_avg.mul(beta2).add(grad.mul(1 - beta2)))


# The five landscapes of UPDATE_RULES.md section 3, with their starts.
LANDSCAPES = {
    "rosenbrock": ((-1.5, 2.0), lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2),
    "ravine": ((-4.0, 1.0), lambda x, y: 0.5 * (x ** 2 + 50 * y ** 2)),
    "beale": ((1.0, 1.5), lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2
              + (2.625 - x + x * y ** 3) ** 2),
    "himmelblau": ((-0.5, -0.5), lambda x, y: (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2),
    "saddle": ((-1.0, 0.001), lambda x, y: x ** 2 - y ** 2),
}

TORCH = "torch %s, ATEN_CPU_CAPABILITY=%s" % (torch.__version__, os.environ.get("ATEN_CPU_CAPABILITY", "(unset)"))

# (optimizer id, config name, torch constructor, kwargs, source)
CONFIGS = [
    ("sgd", "plain", torch.optim.SGD, dict(lr=2e-4), TORCH),
    ("sgd", "momentum", torch.optim.SGD, dict(lr=2e-4, momentum=0.9), TORCH),
    ("sgd", "nesterov", torch.optim.SGD, dict(lr=2e-4, momentum=0.9, nesterov=True), TORCH),
    ("sgd", "dampening_wd", torch.optim.SGD, dict(lr=2e-4, momentum=0.9, dampening=0.1, weight_decay=0.01), TORCH),
    ("adagrad", "default", torch.optim.Adagrad, dict(lr=0.1), TORCH),
    ("adagrad", "lr_decay_wd_init", torch.optim.Adagrad,
     dict(lr=0.1, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1), TORCH),
    ("adagrad", "maximize", torch.optim.Adagrad, dict(lr=0.01, maximize=True), TORCH),
    ("rmsprop", "default", torch.optim.RMSprop, dict(lr=0.01), TORCH),
    ("rmsprop", "centered", torch.optim.RMSprop, dict(lr=0.01, centered=True), TORCH),
    ("rmsprop", "momentum_centered_wd", torch.optim.RMSprop,
     dict(lr=1e-3, momentum=0.5, centered=True, weight_decay=0.01, alpha=0.9), TORCH),
    ("adam", "default", torch.optim.Adam, dict(lr=0.01), TORCH),
    ("adam", "amsgrad", torch.optim.Adam, dict(lr=0.01, amsgrad=True, betas=(0.8, 0.99)), TORCH),
    ("adam", "weight_decay", torch.optim.Adam, dict(lr=0.01, weight_decay=0.1, eps=1e-6), TORCH),
    ("adam", "maximize", torch.optim.Adam, dict(lr=0.01, maximize=True), TORCH),
    ("adamw", "default", torch.optim.AdamW, dict(lr=0.01), TORCH),
    ("adamw", "amsgrad_wd", torch.optim.AdamW, dict(lr=0.01, weight_decay=0.1, amsgrad=True), TORCH),
    ("nadam", "default", TorchTwoNAdam, dict(lr=0.01),
     "torch 2.x NAdam rule implemented with torch %s tensors in this script" % torch.__version__),
    ("nadam", "wd_momentum_decay", TorchTwoNAdam, dict(lr=0.01, weight_decay=0.01, momentum_decay=8e-3),
     "torch 2.x NAdam rule implemented with torch %s tensors in this script" % torch.__version__),
    ("lion", "default", PaperLion, dict(lr=1e-3),
     "Lion paper rule implemented with torch %s tensors in this script" % torch.__version__),
    ("lion", "weight_decay", PaperLion, dict(lr=1e-3, weight_decay=0.1, betas=(0.95, 0.98)),
     "Lion paper rule implemented with torch %s tensors in this script" % torch.__version__),
    ("adamax", "default", torch.optim.Adamax, dict(lr=0.01), TORCH),
    ("adamax", "weight_decay", torch.optim.Adamax, dict(lr=0.01, weight_decay=0.01), TORCH),
    ("adadelta", "default", torch.optim.Adadelta, dict(), TORCH),
    ("adadelta", "rho_wd", torch.optim.Adadelta, dict(lr=0.5, rho=0.95, weight_decay=0.01), TORCH),
    ("radam", "default", torch.optim.RAdam, dict(lr=0.01), TORCH),
    ("radam", "weight_decay", torch.optim.RAdam, dict(lr=0.01, weight_decay=0.01), TORCH),
]


# ---- schedules and clipping ----

SCHED_OUT = os.path.join(HERE, "torch_schedules")
SCHED_STEPS = 240
LRS = torch.optim.lr_scheduler
SAME = "same rule in torch 1.13 and 2.x"

# (name for files, optimizer id, torch constructor, kwargs)
OPTIMIZERS = {
    "sgd": ("sgd", torch.optim.SGD, dict(lr=2e-4)),
    "sgd_momentum": ("sgd", torch.optim.SGD, dict(lr=2e-4, momentum=0.9)),
    "sgd_nesterov": ("sgd", torch.optim.SGD, dict(lr=2e-4, momentum=0.9, nesterov=True)),
    "adam": ("adam", torch.optim.Adam, dict(lr=0.01)),
    "adamw": ("adamw", torch.optim.AdamW, dict(lr=0.01)),
    "adagrad": ("adagrad", torch.optim.Adagrad, dict(lr=0.1)),
    "rmsprop": ("rmsprop", torch.optim.RMSprop, dict(lr=0.01)),
    "rmsprop_momentum": ("rmsprop", torch.optim.RMSprop, dict(lr=1e-3, momentum=0.5)),
    "radam": ("radam", torch.optim.RAdam, dict(lr=0.01)),
    "adamax": ("adamax", torch.optim.Adamax, dict(lr=0.01)),
    "nadam": ("nadam", TorchTwoNAdam, dict(lr=0.01)),
    "lion": ("lion", PaperLion, dict(lr=1e-3)),
}

SEQ_NOTE = ("torch 1.13 calls step(0) at a milestone where 2.x calls _update_lr(0): the same lr "
            "(closed form at epoch 0)")

# (config name, scheduler call in optlab's syntax, factory(opt), clipping, optimizers, note)
SCHEDULE_CONFIGS = [
    ("step", "StepLR(step_size=50,gamma=0.5)", lambda o: LRS.StepLR(o, step_size=50, gamma=0.5), {},
     ["sgd_momentum", "adam"], SAME),
    ("multistep", "MultiStepLR(milestones=30,80,150,gamma=0.3)",
     lambda o: LRS.MultiStepLR(o, milestones=[30, 80, 150], gamma=0.3), {}, ["sgd_nesterov", "rmsprop"], SAME),
    ("exponential", "ExponentialLR(gamma=0.99)", lambda o: LRS.ExponentialLR(o, gamma=0.99), {},
     ["adam", "adagrad"], "2.x tests 'initial step' where 1.13 tests last_epoch == 0: the same for a fresh run"),
    ("cosine", "CosineAnnealingLR(T_max=100,eta_min=0.0001)",
     lambda o: LRS.CosineAnnealingLR(o, T_max=100, eta_min=1e-4), {}, ["sgd_momentum", "adamw"],
     SAME + " (recursive form; 240 steps run past T_max, where lr climbs again)"),
    ("warm_restarts", "CosineAnnealingWarmRestarts(T_0=30,T_mult=2,eta_min=1e-05)",
     lambda o: LRS.CosineAnnealingWarmRestarts(o, T_0=30, T_mult=2, eta_min=1e-5), {}, ["adam", "sgd"], SAME),
    ("linear_warmup", "LinearLR(start_factor=0.1,total_iters=40)",
     lambda o: LRS.LinearLR(o, start_factor=0.1, total_iters=40), {}, ["adam", "radam"], SAME),
    ("onecycle_cos", "OneCycleLR(max_lr=0.05,total_steps=240)",
     lambda o: LRS.OneCycleLR(o, max_lr=0.05, total_steps=240), {}, ["adam", "rmsprop_momentum"],
     SAME + " (momentum / beta1 cycled)"),
    ("onecycle_linear", "OneCycleLR(max_lr=0.2,total_steps=240,anneal_strategy=linear,cycle_momentum=false)",
     lambda o: LRS.OneCycleLR(o, max_lr=0.2, total_steps=240, anneal_strategy="linear", cycle_momentum=False),
     {}, ["adagrad", "rmsprop_momentum"], SAME),
    ("onecycle_three_phase", "OneCycleLR(max_lr=0.02,total_steps=240,three_phase=true,pct_start=0.25)",
     lambda o: LRS.OneCycleLR(o, max_lr=0.02, total_steps=240, three_phase=True, pct_start=0.25), {},
     ["nadam"], SAME),
    ("polynomial", "PolynomialLR(total_iters=200,power=2.0)",
     lambda o: LRS.PolynomialLR(o, total_iters=200, power=2.0), {}, ["sgd", "adamax"],
     "2.x tests 'initial step' where 1.13 tests last_epoch == 0: the same for a fresh run"),
    ("plateau", "ReduceLROnPlateau(patience=5,factor=0.5)",
     lambda o: LRS.ReduceLROnPlateau(o, patience=5, factor=0.5), {}, ["adam", "sgd_momentum"], SAME),
    ("plateau_max_abs", "ReduceLROnPlateau(mode=max,threshold_mode=abs,threshold=0.01,cooldown=3,min_lr=0.0001,patience=2)",
     lambda o: LRS.ReduceLROnPlateau(o, mode="max", threshold_mode="abs", threshold=0.01, cooldown=3, min_lr=1e-4,
                                     patience=2), {}, ["rmsprop"], SAME),
    ("warmup_cosine", "SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180),milestones=20)",
     lambda o: LRS.SequentialLR(o, [LRS.LinearLR(o, start_factor=0.1, total_iters=20),
                                    LRS.CosineAnnealingLR(o, T_max=180)], milestones=[20]), {},
     ["adam", "sgd_momentum"], SEQ_NOTE),
    ("three_stage", "SequentialLR(schedulers=LinearLR(start_factor=0.25,total_iters=10)+ExponentialLR(gamma=0.98)+StepLR(step_size=30,gamma=0.5),milestones=10,100)",
     lambda o: LRS.SequentialLR(o, [LRS.LinearLR(o, start_factor=0.25, total_iters=10), LRS.ExponentialLR(o, gamma=0.98),
                                    LRS.StepLR(o, step_size=30, gamma=0.5)], milestones=[10, 100]), {},
     ["lion", "adam"], SEQ_NOTE),
    ("clip_norm", "", None, dict(max_norm=1.0), ["sgd_momentum", "adam"],
     "clip_grad_norm_: same formula in 1.13 and 2.x (always multiplies by min(coef, 1))"),
    ("clip_value", "", None, dict(clip_value=0.5), ["sgd_momentum", "rmsprop"],
     "clip_grad_value_: 1.13 clamps in place, 2.x clamp_min then clamp_max: the same numbers"),
    ("warmup_cosine_clip_norm",
     "SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=220),milestones=20)",
     lambda o: LRS.SequentialLR(o, [LRS.LinearLR(o, start_factor=0.1, total_iters=20),
                                    LRS.CosineAnnealingLR(o, T_max=220)], milestones=[20]), dict(max_norm=5.0),
     ["sgd_momentum", "adam"], SEQ_NOTE),
    ("onecycle_clip_value", "OneCycleLR(max_lr=0.001,total_steps=240)",
     lambda o: LRS.OneCycleLR(o, max_lr=1e-3, total_steps=240), dict(clip_value=2.0), ["sgd_momentum"], SAME),
]

SCHEDULE_LANDSCAPES = ["rosenbrock", "himmelblau", "beale"]


def scheduled_trajectory(make_opt, kwargs, make_sched, clipping, f, start):
    p = torch.tensor(list(start), dtype=torch.float64, requires_grad=True)
    opt = make_opt([p], **kwargs)
    sched = make_sched(opt) if make_sched else None
    plateau = isinstance(sched, LRS.ReduceLROnPlateau)
    rows, lrs = [], []
    for _ in range(SCHED_STEPS):
        opt.zero_grad(set_to_none=True)
        loss = f(p[0], p[1])
        loss.backward()
        rows.append((p[0].item(), p[1].item(), loss.item()))
        if "max_norm" in clipping:
            torch.nn.utils.clip_grad_norm_([p], clipping["max_norm"])
        if "clip_value" in clipping:
            torch.nn.utils.clip_grad_value_([p], clipping["clip_value"])
        lrs.append(float(opt.param_groups[0]["lr"]))
        opt.step()
        if sched is not None:
            if plateau:
                sched.step(loss.item())
            else:
                sched.step()
    with torch.no_grad():
        rows.append((p[0].item(), p[1].item(), f(p[0], p[1]).item()))
    lrs.append(float(opt.param_groups[0]["lr"]))
    return rows, lrs


def clipping_string(clipping):
    return ";".join("%s=%s" % (k, repr(float(v))) for k, v in clipping.items())


def write_schedules():
    import warnings
    warnings.simplefilter("ignore")  # the scheduler's "step() before optimizer.step()" checks
    os.makedirs(SCHED_OUT, exist_ok=True)
    manifest = ["file\tlandscape\toptimizer\tsettings\tscheduler\tclipping\tsteps\tsource\tnote"]
    nonfinite = []
    for landscape in SCHEDULE_LANDSCAPES:
        start, f = LANDSCAPES[landscape]
        for config, call, make_sched, clipping, optimizers, note in SCHEDULE_CONFIGS:
            for opt_name in optimizers:
                opt_id, make_opt, kwargs = OPTIMIZERS[opt_name]
                rows, lrs = scheduled_trajectory(make_opt, kwargs, make_sched, clipping, f, start)
                name = "%s__%s__%s.csv" % (landscape, opt_name, config)
                with open(os.path.join(SCHED_OUT, name), "w") as out:
                    out.write("step,x,y,loss,lr\n")
                    for k, ((x, y, loss), lr) in enumerate(zip(rows, lrs)):
                        out.write("%d,%.17g,%.17g,%.17g,%.17g\n" % (k, x, y, loss, lr))
                if not all(math.isfinite(v) for row in rows for v in row):
                    nonfinite.append(name)
                source = TORCH if make_opt.__module__.startswith("torch") else \
                    "%s, optimizer implemented with torch tensors in this script" % TORCH
                manifest.append("\t".join([name, landscape, opt_id, settings_string(kwargs), call,
                                           clipping_string(clipping), str(SCHED_STEPS), source, note]))
    with open(os.path.join(SCHED_OUT, "manifest.tsv"), "w") as out:
        out.write("\n".join(manifest) + "\n")
    print("%d scheduled/clipped trajectories written to %s" % (len(manifest) - 1, SCHED_OUT))
    if nonfinite:
        print("non-finite trajectories: %s" % ", ".join(nonfinite), file=sys.stderr)


def settings_string(kwargs):
    parts = []
    for key, value in kwargs.items():
        if isinstance(value, bool):
            parts.append("%s=%s" % (key, "true" if value else "false"))
        elif isinstance(value, tuple):
            parts.append("%s=%s" % (key, ",".join(repr(float(v)) for v in value)))
        else:
            parts.append("%s=%s" % (key, repr(float(value))))
    return ";".join(parts)


def trajectory(make_opt, kwargs, f, start):
    p = torch.tensor(list(start), dtype=torch.float64, requires_grad=True)
    opt = make_opt([p], **kwargs)
    rows = []
    for _ in range(STEPS):
        opt.zero_grad(set_to_none=True)
        loss = f(p[0], p[1])
        loss.backward()
        rows.append((p[0].item(), p[1].item(), loss.item()))
        opt.step()
    with torch.no_grad():
        rows.append((p[0].item(), p[1].item(), f(p[0], p[1]).item()))
    return rows


def main():
    if os.environ.get("ATEN_CPU_CAPABILITY") != "default":
        print("warning: ATEN_CPU_CAPABILITY=default is not set; the AVX2 kernels use FMA and the "
              "fixtures will not be bit-exact targets", file=sys.stderr)
    assert torch.get_default_dtype() == torch.float32
    os.makedirs(OUT, exist_ok=True)
    manifest = ["file\tlandscape\toptimizer\tsettings\tsource"]
    nonfinite = []
    for landscape, (start, f) in LANDSCAPES.items():
        for opt_id, config, make_opt, kwargs, source in CONFIGS:
            rows = trajectory(make_opt, kwargs, f, start)
            name = "%s__%s__%s.csv" % (landscape, opt_id, config)
            with open(os.path.join(OUT, name), "w") as out:
                out.write("step,x,y,loss\n")
                for k, (x, y, loss) in enumerate(rows):
                    out.write("%d,%.17g,%.17g,%.17g\n" % (k, x, y, loss))
            if not all(math.isfinite(v) for row in rows for v in row):
                nonfinite.append(name)
            manifest.append("\t".join([name, landscape, opt_id, settings_string(kwargs), source]))
    with open(os.path.join(OUT, "manifest.tsv"), "w") as out:
        out.write("\n".join(manifest) + "\n")
    print("%d trajectories written to %s" % (len(manifest) - 1, OUT))
    if nonfinite:
        print("non-finite trajectories: %s" % ", ".join(nonfinite), file=sys.stderr)
    write_schedules()


if __name__ == "__main__":
    main()
