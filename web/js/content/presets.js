// @ts-check
// The chapter's experiments, one click each: a state patch and two sentences on
// what it sets up and what to look for. The sentences describe the set-up, never
// the outcome: what actually happens is reported from the run (ui/summary.js).

/**
 * @typedef {{ id: string, title: string, text: string,
 *   state: Partial<import('../state/properties.js').RaceState> }} Preset
 */

// noise 0: a preset's text describes the noise-free race, whatever noise was set before.
const ROSENBROCK = { landscape: 'rosenbrock', landscapeParams: { a: 1, b: 100 }, start: { x: -1.5, y: 2 }, noise: 0 };
const RAVINE = { landscape: 'ravine', landscapeParams: { kappa: 50, angle: 0 }, start: { x: -4, y: 1 }, noise: 0 };

/** @type {Preset[]} */
export const PRESETS = [
  { id: 'chapter', title: 'The chapter\'s race',
    text: 'SGD, momentum and Adam leave (-1.5, 2) on the Rosenbrock valley with one learning rate, 0.0010, exactly as in the chapter\'s widget. Watch who bends into the curved valley floor and who reaches the yellow dot first.',
    state: { ...ROSENBROCK, lr: 0.001, speed: 20, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'adam', params: {} }] } },
  { id: 'ravine', title: 'Zig-zag in a ravine',
    text: 'A ravine 50 times steeper across than along, and a learning rate, 0.035, just under the limit 2/50 = 0.04 that the steep direction allows. Plain SGD bounces between the walls; see whether momentum\'s averaging cancels the bounce.',
    state: { ...RAVINE, lr: 0.035, speed: 2, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }] } },
  { id: 'momentum-099', title: 'Momentum 0.9 versus 0.99',
    text: 'Two momentum runners that differ only in μ: 0.99 remembers about ten times as many past gradients as 0.9. More memory means more smoothing, but also more overshoot before the velocity turns.',
    state: { ...RAVINE, lr: 0.01, speed: 5, runners: [{ optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'sgd', params: { momentum: 0.99 } }] } },
  { id: 'adagrad-long', title: 'AdaGrad\'s shrinking step',
    text: 'AdaGrad divides by the square root of the sum of every squared gradient it has seen, so its step size per unit of gradient can only shrink; RMSprop averages and forgets old gradients. Run long and compare how far each gets along the valley.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 200, runners: [{ optimizer: 'adagrad', params: {} }, { optimizer: 'rmsprop', params: {} }] } },
  { id: 'bias-correction', title: 'Adam without bias correction',
    text: 'The same Adam twice, once with the teaching switch that drops the division by 1 − βᵗ. Watch the first dozen steps (use Step): without the correction the zero-initialised moments make the first steps longer, not shorter: the very first one about √10 ≈ 3.16 times.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 1, runners: [{ optimizer: 'adam', params: {} }, { optimizer: 'adam', params: { bias_correction: false } }] } },
  { id: 'epsilon', title: 'Epsilon too large',
    text: 'ε is meant to guard against division by zero; at ε = 1 it dominates √v̂ wherever gradients are small. Compare with the default 1e-8 and watch the large-ε runner slow down near the minimum.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 20, runners: [{ optimizer: 'adam', params: {} }, { optimizer: 'adam', params: { eps: 1 } }] } },
  { id: 'adam-lr-for-sgd', title: 'Adam\'s learning rate used for SGD',
    text: 'Adam\'s usual 0.001 handed to plain SGD, next to SGD at 0.03, a typical rate for SGD. SGD\'s step is the learning rate times the gradient, and along this ravine\'s floor the gradient is small, so at 0.001 SGD needs about thirty times as many steps to arrive.',
    state: { ...RAVINE, lr: 0.001, speed: 20, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { lr: 0.03 } }] } },
  { id: 'lr-robustness', title: 'Learning-rate robustness',
    text: 'SGD and Adam, each at learning rates 0.01 and 0.1, from the chapter\'s start. See which runners survive these rates and which are stopped and marked as diverged.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 10, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { lr: 0.1 } },
      { optimizer: 'adam', params: {} }, { optimizer: 'adam', params: { lr: 0.1 } }] } },
  { id: 'nesterov', title: 'Nesterov versus momentum',
    text: 'Three runners with μ = 0.9: classical momentum, torch\'s Nesterov (the gradient at the current point, plus μ times the new velocity in the step) and the chapter\'s Nesterov (the gradient at the look-ahead point θ − ημv, the teaching switch nesterov_lookahead). The two Nesterov forms make the same moves but torch\'s stores the look-ahead point, so its path is drawn a little ahead of the chapter\'s.',
    state: { ...ROSENBROCK, lr: 0.001, speed: 20, runners: [{ optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'sgd', params: { momentum: 0.9, nesterov: true } },
      { optimizer: 'sgd', params: { momentum: 0.9, nesterov_lookahead: true } }] } },
  { id: 'adamw', title: 'AdamW versus Adam with L2',
    text: 'Both pull the weights toward zero with λ = 0.1: Adam adds λθ to the gradient, which the adaptive scaling then shrinks or inflates; AdamW decays the weights directly. The pull toward the origin moves where each one settles.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 50, runners: [{ optimizer: 'adam', params: { weight_decay: 0.1 } }, { optimizer: 'adamw', params: { weight_decay: 0.1 } }] } },
  { id: 'lion', title: 'Lion versus Adam',
    text: 'Lion steps every coordinate by the learning rate against the sign of c, a blend of its momentum and the new gradient (with weight decay off and c not zero); Adam by a scaled amount. At the same learning rate, see which is faster and how Lion\'s fixed-size steps behave near the minimum.',
    state: { ...ROSENBROCK, lr: 0.001, speed: 50, runners: [{ optimizer: 'lion', params: {} }, { optimizer: 'adam', params: {} }] } },
  { id: 'saddle', title: 'Leaving a saddle',
    text: 'The saddle x² − y² from a start just beside its ridge: the slope leads toward the saddle point at the centre, and only a tiny sideways gradient leads away. Plain SGD lingers near the centre longest; momentum and Adam leave sooner. There is no minimum, so each runner is stopped (as diverged) once it leaves the map far behind.',
    state: { landscape: 'saddle', landscapeParams: {}, start: { x: -1, y: 0.001 }, noise: 0, lr: 0.01, speed: 5,
      runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'adam', params: {} }] } },
  { id: 'himmelblau', title: 'Four minima, one start',
    text: 'Himmelblau\'s function has four minima, all of loss 0. Three optimizers leave the centre with one learning rate: see which minimum each one ends in. Momentum\'s velocity carries it past the minimum plain SGD settles in, into another one.',
    state: { landscape: 'himmelblau', landscapeParams: {}, start: { x: 0, y: 0 }, noise: 0, lr: 0.01, speed: 5,
      runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'adam', params: {} }] } },
  { id: 'sparse', title: 'A rare feature',
    text: 'A round bowl, but the y-gradient shows up on only 10% of the steps, like the weight of a rare word. SGD\'s y-steps are few and as small as the gradient; Adam scales each coordinate by its own gradient history, so the rare y-gradients count for more. Adam arrives first.',
    state: { landscape: 'sparse_feature', landscapeParams: { density: 0.1, seed: 1 }, start: { x: -2, y: -2 }, noise: 0, lr: 0.1, speed: 10,
      runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'adam', params: {} }] } },
  // Schedules and clipping (issue 17): a runner's `schedule` is torch's call, its clipping torch's max_norm.
  { id: 'cosine-settle', title: 'Cosine decay lets SGD settle',
    text: 'Plain SGD twice at lr 0.03 on the ravine, with noisy gradients (σ = 2, like small batches). One keeps its rate; the other follows CosineAnnealingLR(T_max=400), half a cosine from 0.03 down to 0 over 400 steps (the dashed line in the loss chart). The constant rate keeps the runner jumping around the minimum; the decaying one settles, and over the last 50 of the 400 steps its loss averages less than a fiftieth of the other\'s. Let it run on and torch\'s cosine climbs back: by step 800 the lr is 0.03 again and the jumping returns.',
    state: { ...RAVINE, noise: 2, seed: 1, lr: 0.03, speed: 2, runners: [{ optimizer: 'sgd', params: {} },
      { optimizer: 'sgd', params: {}, schedule: 'CosineAnnealingLR(T_max=400)' }] } },
  { id: 'warmup-adam', title: 'Warm-up tames Adam\'s first steps',
    text: 'Adam at lr 0.3 on the Rosenbrock valley, twice. Adam\'s first step moves each coordinate by the full learning rate, whatever the gradient, so the plain runner leaps up the far wall and its loss climbs above 60 (it starts at 12.5). The second warms up with LinearLR(start_factor=0.1, total_iters=20): its first step is ten times shorter, its loss never rises above the start, and it reaches the minimum first.',
    state: { ...ROSENBROCK, lr: 0.3, speed: 5, runners: [{ optimizer: 'adam', params: {} },
      { optimizer: 'adam', params: {}, schedule: 'LinearLR(start_factor=0.1,total_iters=20)' }] } },
  { id: 'clip-momentum', title: 'Clipping keeps momentum on the Rosenbrock wall',
    text: 'SGD with momentum 0.9 at lr 0.003 from (-1.5, 2), where the valley\'s wall is steep (a gradient of length about 160). Unclipped, the first steps fling it off the wall and it diverges within ten steps. With clip_grad_norm_(max_norm=10) the gradient is shortened to length 10 whenever it is longer, and the same optimizer stays on the wall, turns into the valley and reaches the minimum.',
    state: { ...ROSENBROCK, lr: 0.003, speed: 5, runners: [{ optimizer: 'sgd', params: { momentum: 0.9 } },
      { optimizer: 'sgd', params: { momentum: 0.9 }, clipGradNorm: 10 }] } },
];
