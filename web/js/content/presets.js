// @ts-check
// The chapter's experiments, one click each: a state patch and two sentences on
// what it sets up and what to look for. The sentences describe the set-up, never
// the outcome: what actually happens is reported from the run (ui/summary.js).

/**
 * @typedef {{ id: string, title: string, text: string,
 *   state: Partial<import('../state/properties.js').RaceState> }} Preset
 */

const ROSENBROCK = { landscape: 'rosenbrock', landscapeParams: { a: 1, b: 100 }, start: { x: -1.5, y: 2 } };
const RAVINE = { landscape: 'ravine', landscapeParams: { kappa: 50, angle: 0 }, start: { x: -4, y: 1 } };

/** @type {Preset[]} */
export const PRESETS = [
  { id: 'chapter', title: 'The chapter\'s race',
    text: 'SGD, momentum and Adam leave (-1.5, 2) on the Rosenbrock valley with one learning rate, 0.0010, exactly as in the chapter\'s widget. Watch who bends into the curved valley floor and who reaches the yellow dot first.',
    state: { ...ROSENBROCK, lr: 0.001, speed: 20, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'adam', params: {} }] } },
  { id: 'ravine', title: 'Zig-zag in a ravine',
    text: 'A ravine 50 times steeper across than along, and a learning rate near the limit the steep direction allows. Plain SGD bounces between the walls; see whether momentum\'s averaging cancels the bounce.',
    state: { ...RAVINE, lr: 0.035, speed: 2, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { momentum: 0.9 } }] } },
  { id: 'momentum-099', title: 'Momentum 0.9 versus 0.99',
    text: 'Two momentum runners that differ only in μ: 0.99 remembers about ten times as many past gradients as 0.9. More memory means more smoothing, but also more overshoot before the velocity turns.',
    state: { ...RAVINE, lr: 0.01, speed: 5, runners: [{ optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'sgd', params: { momentum: 0.99 } }] } },
  { id: 'adagrad-long', title: 'AdaGrad\'s shrinking step',
    text: 'AdaGrad divides by the square root of every squared gradient it has ever seen, so its steps can only shrink; RMSprop forgets old gradients. Run long and compare how far each gets along the valley.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 200, runners: [{ optimizer: 'adagrad', params: {} }, { optimizer: 'rmsprop', params: {} }] } },
  { id: 'bias-correction', title: 'Adam without bias correction',
    text: 'The same Adam twice, once with the teaching switch that drops the division by 1 − βᵗ. Watch the first dozen steps (use Step): without the correction the zero-initialised moments distort the early steps.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 1, runners: [{ optimizer: 'adam', params: {} }, { optimizer: 'adam', params: { bias_correction: false } }] } },
  { id: 'epsilon', title: 'Epsilon too large',
    text: 'ε is meant to guard against division by zero; at ε = 1 it dominates √v̂ wherever gradients are small. Compare with the default 1e-8 and watch the large-ε runner slow down near the minimum.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 20, runners: [{ optimizer: 'adam', params: {} }, { optimizer: 'adam', params: { eps: 1 } }] } },
  { id: 'adam-lr-for-sgd', title: 'Adam\'s learning rate used for SGD',
    text: 'Adam\'s usual 0.001 is handed to plain SGD as well. Adam\'s step size hardly depends on the gradient\'s scale, SGD\'s is proportional to it, so the same number means very different steps.',
    state: { ...ROSENBROCK, lr: 0.001, speed: 50, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'adam', params: {} }] } },
  { id: 'lr-robustness', title: 'Learning-rate robustness',
    text: 'SGD and Adam each at learning rates 0.01 and 0.1 from the chapter\'s start. Look for which runners survive the larger rate and which are stopped and marked as diverged.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 10, runners: [{ optimizer: 'sgd', params: {} }, { optimizer: 'sgd', params: { lr: 0.1 } },
      { optimizer: 'adam', params: {} }, { optimizer: 'adam', params: { lr: 0.1 } }] } },
  { id: 'nesterov', title: 'Nesterov versus momentum',
    text: 'Both runners use μ = 0.9; Nesterov corrects its velocity with the gradient one step ahead. Compare how far each overshoots where the valley bends.',
    state: { ...ROSENBROCK, lr: 0.001, speed: 20, runners: [{ optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'sgd', params: { momentum: 0.9, nesterov: true } }] } },
  { id: 'adamw', title: 'AdamW versus Adam with L2',
    text: 'Both pull the weights toward zero with λ = 0.1: Adam adds λθ to the gradient, which the adaptive scaling then shrinks or inflates; AdamW decays the weights directly. The pull toward the origin moves where each one settles.',
    state: { ...ROSENBROCK, lr: 0.01, speed: 50, runners: [{ optimizer: 'adam', params: { weight_decay: 0.1 } }, { optimizer: 'adamw', params: { weight_decay: 0.1 } }] } },
  { id: 'lion', title: 'Lion versus Adam',
    text: 'Lion moves every coordinate by exactly the learning rate in the direction of its momentum\'s sign, Adam by a scaled amount. At the same learning rate, see which is faster and how Lion\'s fixed-size steps behave near the minimum.',
    state: { ...ROSENBROCK, lr: 0.001, speed: 50, runners: [{ optimizer: 'lion', params: {} }, { optimizer: 'adam', params: {} }] } },
];
