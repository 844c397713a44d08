// @ts-check
// The race on screen as a self-contained PyTorch script: the landscape written with torch
// operations (autograd takes the gradient), each runner's torch.optim optimizer with the
// hyperparameters the page runs, the race's stop rules, and one CSV row per step in the
// page's own CSV format (runner,step,x,y,loss). Run under torch it prints the numbers the
// page shows: the promise "what you see is what PyTorch does" made checkable
// (tests/js/pytorch-export.test.mjs compares it with the core within 1e-12). A runner's lr
// schedule is torch.optim.lr_scheduler's class with the runner's arguments, its clipping
// torch.nn.utils.clip_grad_norm_ / clip_grad_value_, in the core's harness order
// (cpp/core/race/runner.hpp): zero_grad; backward; clip; opt.step(); sched.step().
//
// What torch cannot reproduce is refused in the script, with a comment saying why: gradient
// noise (drawn from the app's own generator), the app's teaching switches, and a schedule
// the core refuses or whose argument has no exact Python literal.
import { hasTraining, trainingOf } from '../state/schedule.js';
import { pythonFloat, pythonString } from './python-literals.js';
import { clippingSource, schedulerSource } from './python-training.js';

/** @typedef {import('../core/wrap-core.js').Core} Core */
/** @typedef {import('../state/properties.js').RaceState} RaceState */

// The race's stop rules (cpp/core/race/runner.hpp StopCriteria defaults); the export test
// fails if they drift from the core's.
const MINIMUM_TOLERANCE = 1e-3;
const GRADIENT_TOLERANCE = 1e-8;
const DIVERGENCE_FACTOR = 50;

const py = pythonFloat;
const pyString = pythonString;

/**
 * Loss functions in torch operations, in the core's order of operations
 * (cpp/core/landscapes/*.cpp): x and y are 0-d float64 tensors, p = the landscape's parameters.
 * @type {Record<string, (p: Record<string, number>) => string[]>}
 */
const LANDSCAPES = {
  rosenbrock: (p) => [`return (${py(p.a)} - x) ** 2 + ${py(p.b)} * (y - x ** 2) ** 2`],
  ravine: (p) => (p.angle === 0
    ? [`return 0.5 * (x ** 2 + ${py(p.kappa)} * y ** 2)`]
    : [`t = ${py(p.angle)} * math.pi / 180.0`, 'c, s = math.cos(t), math.sin(t)',
      'u, v = c * x + s * y, -s * x + c * y', `return 0.5 * (u * u + ${py(p.kappa)} * (v * v))`]),
  beale: () => ['return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2'],
  himmelblau: () => ['return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2'],
  saddle: () => ['return x ** 2 - y ** 2'],
  monkey_saddle: () => ['return x * x * x - 3 * x * y * y'],
  rastrigin: (p) => ['k = 2 * math.pi',
    `return 2 * ${py(p.A)} + (x * x - ${py(p.A)} * torch.cos(k * x)) + (y * y - ${py(p.A)} * torch.cos(k * y))`],
  ackley: () => ['r = torch.sqrt(0.5 * (x * x + y * y))', 'k = 2 * math.pi',
    'return -20 * torch.exp(-0.2 * r) - torch.exp(0.5 * (torch.cos(k * x) + torch.cos(k * y))) + 20 + math.e'],
  six_hump_camel: () => ['x2, y2 = x * x, y * y', 'return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2'],
  booth: () => ['return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2'],
  goldstein_price: () => ['u = x + y + 1', 'P = 19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y',
    'v = 2 * x - 3 * y', 'Q = 18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y',
    'return (1 + u * u * P) * (30 + v * v * Q)'],
  plateau: (p) => [`return 1 - torch.exp(-(x * x + y * y) / ${py(p.width * p.width)})`],
  sparse_feature: () => ['return 0.5 * (x - 1) ** 2 + 0.5 * (y - 1) ** 2'],
};

/** The functions of the app's formula language; the script defines each as a torch call (FORMULA_HELPERS). */
const FUNCTIONS = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sigmoid', 'min', 'max'];
const FORMULA_HELPERS = [
  '# The formula language\'s functions on tensors (a constant argument becomes a float64 tensor).',
  ...FUNCTIONS.map((name) => `def ${name}_(*args):\n    return torch.${{ min: 'minimum', max: 'maximum' }[name] ?? name}(*(T(a) for a in args))`),
].join('\n');

/**
 * A formula of the app's language (cpp/core/expression/expression.hpp) as a Python expression
 * in torch operations: ^ becomes **, a function f becomes the script's f_ (a torch call). The
 * grammar's precedence matches Python's: unary minus binds looser than ^, and ^ is right-associative.
 * @param {string} text @returns {string}
 */
export function formulaToPython(text) {
  const out = [];
  const re = /\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([a-z_][a-z0-9_]*)|(\^)|([-+*/(),]))/y;
  let pos = 0;
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    pos = re.lastIndex;
    if (m[1]) out.push(m[1]);
    else if (m[2]) {
      const name = m[2];
      if (name === 'x' || name === 'y') out.push(name);
      else if (name === 'pi') out.push('math.pi');
      else if (name === 'e') out.push('math.e');
      else if (FUNCTIONS.includes(name)) out.push(`${name}_`);
      else throw new Error(`unknown name '${name}' in the formula`);
    } else if (m[3]) out.push('**');
    else out.push(m[4]);
  }
  if (text.slice(pos).trim() !== '') throw new Error(`cannot translate the formula from '${text.slice(pos).trim()}'`);
  return out.join(' ').replace(/_ \(/g, '_(');
}

/**
 * The Python source of one runner's optimizer, or the reason it cannot be one.
 * @param {Core} core @param {string} id @param {Record<string, any>} settings
 * @returns {{ make: string, cls: string, kwargs: string } | { refused: string }}
 */
function optimizerSource(core, id, settings) {
  const info = core.optimizer(id);
  const kwargs = [];
  for (const p of info.params) {
    const value = settings[p.name] ?? (p.kind === 'pair' ? p.defaults : p.kind === 'bool' ? Boolean(p.defaults[0]) : p.defaults[0]);
    if (p.teaching) {
      if (Boolean(value) !== Boolean(p.defaults[0])) {
        return { refused: `it uses the app's teaching switch ${p.name}, which torch.optim does not have` };
      }
      continue;
    }
    if (p.kind === 'pair') kwargs.push(`${p.name}=(${value.map(py).join(', ')})`);
    else if (p.kind === 'bool') kwargs.push(`${p.name}=${value ? 'True' : 'False'}`);
    else kwargs.push(`${p.name}=${py(value)}`);
  }
  const cls = { sgd: 'torch.optim.SGD', adagrad: 'torch.optim.Adagrad', rmsprop: 'torch.optim.RMSprop', adam: 'torch.optim.Adam',
    adamw: 'torch.optim.AdamW', nadam: 'NAdam', lion: 'Lion', adamax: 'torch.optim.Adamax', adadelta: 'torch.optim.Adadelta',
    radam: 'torch.optim.RAdam' }[id];
  if (!cls) return { refused: `the optimizer ${id} has no torch counterpart in this export` };
  return { make: `lambda params: ${cls}(params, ${kwargs.join(', ')})`, cls, kwargs: kwargs.join(', ') };
}

/**
 * A runner's lr schedule and clipping as the Python the run loop takes: a function building the
 * scheduler on the optimizer (or None), max_norm and clip_value (or None); or the reason it
 * cannot be exported. The core checks them first, with this runner's optimizer and settings.
 * @param {Core} core @param {import('../state/schedule.js').RunnerTraining & { optimizer: string }} runner
 * @param {Record<string, any>} settings
 * @returns {{ schedule: string, maxNorm: string, clipValue: string } | { refused: string }}
 */
function trainingSource(core, runner, settings) {
  if (!hasTraining(runner)) return { schedule: 'None', maxNorm: 'None', clipValue: 'None' };
  const verdict = core.checkTraining(runner.optimizer, settings, trainingOf(runner));
  if (verdict) return { refused: `the core refuses its lr schedule or clipping (${verdict.replace(/\s+/g, ' ')})` };
  try {
    const schedule = runner.schedule === undefined ? 'None' : `lambda opt: ${schedulerSource(core.schedulers, runner.schedule)}`;
    return { schedule, ...clippingSource(runner) };
  } catch (e) {
    return { refused: /** @type {Error} */ (e).message };
  }
}

/** The landscape's facts the stop rules need, read from the core. @param {Core} core @param {RaceState} state */
function landscapeFacts(core, state) {
  const custom = state.landscape === 'custom' ? { expr: state.expr, domain: state.domain } : undefined;
  const race = core.createRace(state.landscape, state.landscapeParams, state.start, custom);
  try {
    const info = race.landscape();
    return { domain: info.domain, minima: info.minima.map((m) => [m.x, m.y]), params: { ...info.params } };
  } finally {
    race.dispose();
  }
}

const NADAM_AND_LION = String.raw`
class NAdam(torch.optim.Optimizer):
    """NAdam as torch 2.x steps it (torch 1.13's NAdam counts mu_t twice in its look-ahead
    product, fixed in torch 2.0); the running product of mu is kept in float32, as torch does."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=4e-3):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, momentum_decay=momentum_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                st = self.state[p]
                if not st:
                    st["t"] = 0
                    st["mu_product"] = torch.tensor(1.0)  # default dtype, float32
                    st["m"] = torch.zeros_like(p)
                    st["v"] = torch.zeros_like(p)
                st["t"] += 1
                t = st["t"]
                g = p.grad
                if group["weight_decay"] != 0:
                    g = g.add(p, alpha=group["weight_decay"])
                mu = beta1 * (1.0 - 0.5 * 0.96 ** (t * group["momentum_decay"]))
                mu_next = beta1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * group["momentum_decay"]))
                st["mu_product"] *= mu
                st["m"].mul_(beta1).add_(g, alpha=1 - beta1)
                st["v"].mul_(beta2).addcmul_(g, g, value=1 - beta2)
                denom = st["v"].div(1 - beta2 ** t).sqrt().add_(group["eps"])
                product = st["mu_product"].item()
                p.addcdiv_(g, denom, value=-group["lr"] * (1.0 - mu) / (1.0 - product))
                p.addcdiv_(st["m"], denom, value=-group["lr"] * mu_next / (1.0 - product * mu_next))


class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023), which torch.optim does not have: step against the sign of
    c = beta1*m + (1 - beta1)*g, then update m with beta2. Written in the app's order of operations."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                m = self.state[p].setdefault("m", torch.zeros_like(p))
                g = p.grad
                c = m.mul(beta1).add(g.mul(1 - beta1))
                p.add_(torch.sign(c).add(p, alpha=group["weight_decay"]), alpha=-group["lr"])
                m.copy_(m.mul(beta2).add(g.mul(1 - beta2)))
`;

// Coding exercise 1's answer key: SGD with momentum (and Nesterov) written by hand. The
// from-scratch variant of the script races it and asserts it equals torch.optim.SGD exactly.
const SGD_FROM_SCRATCH = String.raw`
class SGDFromScratch:
    """Exercise 1: SGD with momentum by hand, the same arithmetic as torch.optim.SGD.
    The velocity starts as the first gradient itself (not as zero), as torch's buffer does."""

    def __init__(self, params, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, maximize=False):
        self.params = list(params)
        self.lr, self.momentum, self.dampening = lr, momentum, dampening
        self.weight_decay, self.nesterov, self.maximize = weight_decay, nesterov, maximize
        self.velocity = [None] * len(self.params)

    def zero_grad(self, set_to_none=True):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for i, p in enumerate(self.params):
            d = -p.grad if self.maximize else p.grad
            if self.weight_decay != 0:
                d = d.add(p, alpha=self.weight_decay)            # L2: the gradient of (wd/2)|p|^2
            if self.momentum != 0:
                if self.velocity[i] is None:
                    self.velocity[i] = torch.clone(d).detach()   # v_1 = g_1
                else:
                    self.velocity[i].mul_(self.momentum).add_(d, alpha=1 - self.dampening)
                v = self.velocity[i]
                d = d.add(v, alpha=self.momentum) if self.nesterov else v
            p.add_(d, alpha=-self.lr)


def check_from_scratch(label, kwargs, steps):
    """Runs torch.optim.SGD and SGDFromScratch side by side; every position must be equal."""
    a = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    pairs = [(a, torch.optim.SGD([a], **kwargs)), (b, SGDFromScratch([b], **kwargs))]
    for k in range(steps):
        for p, optimizer in pairs:
            optimizer.zero_grad(set_to_none=True)
            f(p[0], p[1]).backward()
            observe_gradient(p.grad, k)
        if not bool(torch.isfinite(a).all()):
            break
        for _, optimizer in pairs:
            optimizer.step()
        assert torch.equal(a, b), "%s: step %d: torch %s, by hand %s" % (label, k + 1, a.tolist(), b.tolist())
    sys.stderr.write("%s: SGD from scratch matches torch.optim.SGD for %d steps\n" % (label, steps))
`;

const RUN = String.raw`
def js_number(v):
    """A float as JavaScript writes it (the page's CSV): the shortest round-trip digits,
    in fixed notation for 1e-7 < |v| < 1e21 and as d.ddde+n otherwise."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "0"
    sign = "-" if v < 0 else ""
    mantissa, _, exponent = repr(abs(v)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    digits = all_digits.lstrip("0")
    n = len(whole) + int(exponent or 0) - (len(all_digits) - len(digits))  # v = 0.digits * 10**n
    digits = digits.rstrip("0")
    if 0 < n <= 21:
        return sign + (digits + "0" * (n - len(digits)) if len(digits) <= n else digits[:n] + "." + digits[n:])
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return sign + body + "e" + ("+" if n - 1 > 0 else "-") + str(abs(n - 1))


def stopped(x, y, loss, gx, gy):
    """The race's stop rules: diverged (not finite, or far outside the map), or converged
    (within MINIMUM_TOLERANCE of a minimum, or a gradient norm below GRADIENT_TOLERANCE)."""
    if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(loss)):
        return True
    xmin, xmax, ymin, ymax = DOMAIN
    w, h = xmax - xmin, ymax - ymin
    k = DIVERGENCE_FACTOR
    if x < xmin - k * w or x > xmax + k * w or y < ymin - k * h or y > ymax + k * h:
        return True
    for mx, my in MINIMA:
        dx, dy = x - mx, y - my
        if dx * dx + dy * dy <= MINIMUM_TOLERANCE * MINIMUM_TOLERANCE:
            return True
    return gx * gx + gy * gy < GRADIENT_TOLERANCE * GRADIENT_TOLERANCE


def clip(p, max_norm, clip_value):
    """Gradient clipping between backward() and opt.step(), the norm first, then the value (as the app does)."""
    if max_norm is not None:
        torch.nn.utils.clip_grad_norm_([p], max_norm)
    if clip_value is not None:
        torch.nn.utils.clip_grad_value_([p], clip_value)


def run(label, make_optimizer, make_scheduler, max_norm, clip_value, steps, out, with_lr):
    """One runner in the harness order: zero_grad; backward; (row; stop?); clip; opt.step(); sched.step().
    The lr of step k is the param group's lr when opt.step() runs, after sched.step() of step k - 1."""
    p = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer([p])
    # The scheduler's constructor may already change the lr (LinearLR, OneCycleLR, SequentialLR).
    scheduler = make_scheduler(optimizer) if make_scheduler is not None else None
    plateau = isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau)
    quoted = '"' + label.replace('"', '""') + '"'
    for k in range(steps + 1):
        optimizer.zero_grad(set_to_none=True)
        loss = f(p[0], p[1])
        loss.backward()
        x, y, value = p[0].item(), p[1].item(), loss.item()
        gx, gy = p.grad[0].item(), p.grad[1].item()
        row = "%s,%d,%s,%s,%s" % (quoted, k, js_number(x), js_number(y), js_number(value))
        if with_lr:
            lr = optimizer.param_groups[0]["lr"] if hasattr(optimizer, "param_groups") else optimizer.lr
            row += "," + js_number(float(lr))
        out.write(row + "\n")
        if k == steps or stopped(x, y, value, gx, gy):
            return
        observe_gradient(p.grad, k)
        clip(p, max_norm, clip_value)
        optimizer.step()
        if scheduler is not None:
            try:
                if plateau:
                    scheduler.step(value)  # the loss of this step, f(p_k), measured before opt.step()
                else:
                    scheduler.step()
            except ValueError as error:
                # OneCycleLR past total_steps: torch raises and training would stop; the page keeps
                # racing this runner with the lr it had, so the script does the same.
                sys.stderr.write("%s: the schedule stopped after step %d: %s; the lr stays\n" % (label, k + 1, error))
                scheduler = None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=STEPS, help="steps per runner (default: the page's, %(default)s)")
    parser.add_argument("--lr", action="store_true", help="add a column lr: the lr a step from that row uses")
    args = parser.parse_args()
    torch.set_default_dtype(torch.float32)  # as for any user: only the parameters are float64
    for label, kwargs in FROM_SCRATCH_CHECKS:
        check_from_scratch(label, kwargs, args.steps)
    sys.stdout.write("runner,step,x,y,loss" + (",lr" if args.lr else "") + "\n")
    for label, make_optimizer, make_scheduler, max_norm, clip_value in RUNNERS:
        run(label, make_optimizer, make_scheduler, max_norm, clip_value, args.steps, sys.stdout, args.lr)


if __name__ == "__main__":
    main()
`;

/**
 * The whole script.
 * @param {Core} core
 * @param {RaceState} state the page's race (landscape, its parameters, start, noise, runners, shared lr)
 * @param {string[]} labels the runners' names as the page shows them
 * @param {number} steps the step the page is at (the script's default --steps)
 * @param {{ fromScratch?: boolean }} [options] fromScratch: coding exercise 1's answer key: every
 *   SGD runner runs the hand-written SGDFromScratch, checked against torch.optim.SGD first
 * @returns {string}
 */
export function pytorchScript(core, state, labels, steps, { fromScratch = false } = {}) {
  const facts = landscapeFacts(core, state);
  const header = [];
  let body;
  if (state.landscape === 'custom') {
    body = [`return ${formulaToPython(state.expr)}`];
  } else {
    const write = LANDSCAPES[state.landscape];
    if (!write) throw new Error(`the landscape ${state.landscape} has no PyTorch translation`);
    body = write(facts.params);
  }
  let observe = ['pass'];
  if (state.landscape === 'sparse_feature') {
    observe = [
      '# The rare feature: the y-gradient is seen at step k only if a hash of (seed, k) says so,',
      '# the same function of (seed, k) as the app uses, so every runner sees it at the same steps.',
      'M = (1 << 64) - 1',
      `s = (${facts.params.seed} ^ (k * 0xD1B54A32D192ED03)) & M`,
      's = (s + 0x9E3779B97F4A7C15) & M',
      's = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) & M',
      's = ((s ^ (s >> 27)) * 0x94D049BB133111EB) & M',
      's = s ^ (s >> 31)',
      `if not ((s >> 11) * 2.0 ** -53 < ${py(facts.params.density)}):`,
      '    grad[1] = 0.0',
    ];
  }
  const runners = [];
  const checks = [];
  state.runners.forEach((r, i) => {
    const settings = { lr: state.lr, ...r.params };
    const src = optimizerSource(core, r.optimizer, settings);
    if ('refused' in src) {
      header.push(`# Runner "${labels[i]}" is left out: ${src.refused}.`);
      return;
    }
    const training = trainingSource(core, r, settings);
    if ('refused' in training) {
      header.push(`# Runner "${labels[i]}" is left out: ${training.refused}.`);
      return;
    }
    const extra = `${training.schedule}, ${training.maxNorm}, ${training.clipValue}`;
    if (fromScratch && r.optimizer === 'sgd' && r.schedule === undefined) {
      runners.push(`    (${pyString(labels[i])}, lambda params: SGDFromScratch(params, ${src.kwargs}), ${extra}),`);
      checks.push(`    (${pyString(labels[i])}, dict(${src.kwargs})),`);
    } else {
      if (fromScratch && r.optimizer === 'sgd') {
        header.push(`# Runner "${labels[i]}" runs torch.optim.SGD, not SGDFromScratch: its lr schedule needs torch's param_groups.`);
      }
      runners.push(`    (${pyString(labels[i])}, ${src.make}, ${extra}),`);
    }
  });
  if (state.noise > 0) {
    header.push(`# The race adds gradient noise (sigma ${state.noise}, seed ${state.seed}) drawn from the app's own`,
      '# random generator, which torch does not have: this script refuses to run rather than',
      '# print a different race. Set the noise to 0 on the page and export again.');
  }
  const start = `(${py(state.start.x)}, ${py(state.start.y)})`;
  const lines = [
    '#!/usr/bin/python3',
    `"""Optimizer Lab race on the ${state.landscape} landscape, rebuilt in PyTorch; prints the page's CSV (runner,step,x,y,loss).`,
    '',
    `Start ${start}, ${runners.length} runner(s), one row per step. Run it with Debian's python3-torch:`,
    '',
    '    ATEN_CPU_CAPABILITY=default /usr/bin/python3 this-file.py [--steps N]',
    '',
    'ATEN_CPU_CAPABILITY=default keeps torch on its plain kernels (no fused multiply-add), so',
    'every operation rounds as the app\'s core does and the rows equal the page\'s CSV.',
    '"""',
    'import argparse',
    'import math',
    'import sys',
    '',
    'import torch',
    '',
    ...header,
    `STEPS = ${Math.max(0, Math.round(steps))}`,
    `START = ${start}`,
    `DOMAIN = (${[facts.domain.xmin, facts.domain.xmax, facts.domain.ymin, facts.domain.ymax].map(py).join(', ')})`,
    `MINIMA = [${facts.minima.map(([x, y]) => `(${py(x)}, ${py(y)})`).join(', ')}]`,
    `MINIMUM_TOLERANCE = ${py(MINIMUM_TOLERANCE)}`,
    `GRADIENT_TOLERANCE = ${py(GRADIENT_TOLERANCE)}`,
    `DIVERGENCE_FACTOR = ${py(DIVERGENCE_FACTOR)}`,
    '',
    '',
    'def T(v):',
    '    """A constant as a float64 tensor, so torch functions accept it."""',
    '    return v if torch.is_tensor(v) else torch.tensor(v, dtype=torch.float64)',
    '',
    '',
    'def f(x, y):',
    `    """The loss: ${state.landscape === 'custom' ? state.expr.replace(/"/g, "'") : state.landscape}, in the app's order of operations."""`,
    ...body.map((l) => `    ${l}`),
    '',
    '',
    'def observe_gradient(grad, k):',
    '    """What the optimizer sees of the gradient at step k."""',
    ...observe.map((l) => `    ${l}`),
    NADAM_AND_LION,
    ...(fromScratch ? [SGD_FROM_SCRATCH] : []),
    ...(state.landscape === 'custom' ? [FORMULA_HELPERS, '', ''] : []),
    '# (name, optimizer(params), scheduler(opt) or None, clip_grad_norm_ max_norm or None, clip_grad_value_ clip_value or None)',
    'RUNNERS = [',
    ...runners,
    ']',
    'FROM_SCRATCH_CHECKS = [',
    ...checks,
    ']',
    RUN,
  ];
  if (state.noise > 0) {
    const at = lines.findIndex((l) => l.startsWith('# (name, optimizer(params)'));
    lines.splice(at, 0, 'sys.exit("this race has gradient noise, which torch cannot reproduce: see the comment at the top")', '');
  }
  return `${lines.join('\n')}`;
}
