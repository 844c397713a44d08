// @ts-check
// The update rule of each optimizer as LaTeX: the form torch.optim implements
// (what the core runs, step for step), and the textbook form the chapter uses
// where the two differ, with a sentence on the difference. Keyed by the core's
// optimizer id. Written for this app; symbols: θ parameters, g gradient, γ lr.

/** @typedef {{ torch: string, textbook?: string, difference?: string }} UpdateRule */

/** @type {Record<string, UpdateRule>} */
export const UPDATE_RULES = {
  sgd: {
    torch: String.raw`\begin{aligned}
g_t &\leftarrow \nabla f(\theta_{t-1}) + \lambda\,\theta_{t-1}\\
b_t &\leftarrow \begin{cases} g_t & t=1\\ \mu\, b_{t-1} + (1-\tau)\, g_t & t>1\end{cases}\\
d_t &\leftarrow \begin{cases} g_t + \mu\, b_t & \text{nesterov}\\ b_t & \text{otherwise}\end{cases}\\
\theta_t &\leftarrow \theta_{t-1} - \gamma\, d_t
\end{aligned}`,
    textbook: String.raw`\begin{aligned}
v_t &= \mu\, v_{t-1} + \nabla f\big(\theta_t - \eta\mu\, v_{t-1}\big) \;\;\text{(Nesterov)}\\
\theta_{t+1} &= \theta_t - \eta\, v_t
\end{aligned}`,
    difference: 'Plain momentum is the same in both. For Nesterov the textbook evaluates the gradient at the look-ahead point θ − ημv; torch evaluates it at the point it stores and steps by g + μ·b. The two make the same moves, but the point torch stores is the textbook\'s look-ahead point, so the two paths are drawn apart (switch "nesterov_lookahead" on to run the textbook form next to torch\'s). With μ = 0 both are plain SGD.',
  },
  adagrad: {
    torch: String.raw`\begin{aligned}
\tilde\gamma &\leftarrow \gamma / \big(1 + (t-1)\,\text{lr\_decay}\big)\\
s_t &\leftarrow s_{t-1} + g_t^2\\
\theta_t &\leftarrow \theta_{t-1} - \tilde\gamma\, \frac{g_t}{\sqrt{s_t} + \epsilon}
\end{aligned}`,
  },
  rmsprop: {
    torch: String.raw`\begin{aligned}
v_t &\leftarrow \alpha\, v_{t-1} + (1-\alpha)\, g_t^2\\
\theta_t &\leftarrow \theta_{t-1} - \gamma\, \frac{g_t}{\sqrt{v_t} + \epsilon}
\end{aligned}`,
    textbook: String.raw`\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{v_t + \epsilon}}\, g_t`,
    difference: 'The chapter\'s RMSprop section adds ε outside the square root, as torch does; its summary table (and some other texts) put it inside, as shown here. The switch "eps_inside_sqrt" runs that placement. With momentum or centered on, torch adds a velocity buffer or subtracts the squared mean gradient.',
  },
  adam: {
    torch: String.raw`\begin{aligned}
m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t\\
v_t &\leftarrow \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2\\
\hat m_t &\leftarrow m_t / (1-\beta_1^t), \quad \hat v_t \leftarrow v_t / (1-\beta_2^t)\\
\theta_t &\leftarrow \theta_{t-1} - \gamma\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}
\end{aligned}`,
    difference: 'The chapter\'s Adam section writes this rule, with ε outside the square root as torch does; only its summary table writes √(v̂ + ε). weight_decay adds λθ to the gradient (L2), which then goes through the adaptive scaling; the teaching switch "bias_correction" drops the two divisions.',
  },
  adamw: {
    torch: String.raw`\begin{aligned}
\theta &\leftarrow \theta_{t-1} - \gamma\lambda\, \theta_{t-1}\\
m_t,\ v_t,\ \hat m_t,\ \hat v_t &\ \text{as in Adam (no decay in } g_t)\\
\theta_t &\leftarrow \theta - \gamma\, \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}
\end{aligned}`,
    textbook: String.raw`\theta_{t+1} = \theta_t - \eta \Big( \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} + \lambda\, \theta_t \Big)`,
    difference: 'The same rule written in two orders: torch shrinks the weights first, then takes the Adam step. Either way the decay skips the adaptive scaling, unlike Adam with weight_decay.',
  },
  nadam: {
    torch: String.raw`\begin{aligned}
\mu_t &\leftarrow \beta_1\big(1 - \tfrac12\, 0.96^{\,t\psi}\big)\\
m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t, \quad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2\\
\theta_t &\leftarrow \theta_{t-1} - \gamma\Big(\frac{\mu_{t+1}\, m_t}{1-\prod_{i\le t+1}\mu_i} + \frac{(1-\mu_t)\, g_t}{1-\prod_{i\le t}\mu_i}\Big) \Big/ \Big(\sqrt{\tfrac{v_t}{1-\beta_2^t}} + \epsilon\Big)
\end{aligned}`,
  },
  lion: {
    torch: String.raw`\begin{aligned}
c_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t\\
\theta_t &\leftarrow \theta_{t-1} - \gamma\big(\operatorname{sign}(c_t) + \lambda\, \theta_{t-1}\big)\\
m_t &\leftarrow \beta_2 m_{t-1} + (1-\beta_2)\, g_t
\end{aligned}`,
    textbook: String.raw`\theta_{t+1} = \theta_t - \eta\, \operatorname{sign}(m_t)`,
    difference: 'The textbook keeps one average and steps by its sign. The published Lion (and this app) takes the sign of c, a blend with β₁ of the stored momentum and the new gradient, steps against it, and then updates the stored momentum with a second rate β₂. The sign part of each step is exactly γ per coordinate; weight decay adds γλθ, and a coordinate whose c is exactly 0 does not move.',
  },
  adamax: {
    torch: String.raw`\begin{aligned}
m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t\\
u_t &\leftarrow \max\big(\beta_2 u_{t-1},\ |g_t| + \epsilon\big)\\
\theta_t &\leftarrow \theta_{t-1} - \frac{\gamma}{1-\beta_1^t}\, \frac{m_t}{u_t}
\end{aligned}`,
  },
  adadelta: {
    torch: String.raw`\begin{aligned}
v_t &\leftarrow \rho\, v_{t-1} + (1-\rho)\, g_t^2\\
\Delta_t &\leftarrow \frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\, g_t\\
u_t &\leftarrow \rho\, u_{t-1} + (1-\rho)\, \Delta_t^2\\
\theta_t &\leftarrow \theta_{t-1} - \gamma\, \Delta_t
\end{aligned}`,
  },
  radam: {
    torch: String.raw`\begin{aligned}
m_t,\ v_t,\ \hat m_t &\ \text{as in Adam};\quad \rho_t \leftarrow \rho_\infty - \frac{2t\beta_2^t}{1-\beta_2^t}\\
\theta_t &\leftarrow \begin{cases} \theta_{t-1} - \gamma\, \hat m_t\, r_t \sqrt{1-\beta_2^t}\,/\,(\sqrt{v_t}+\epsilon) & \rho_t > 5\\ \theta_{t-1} - \gamma\, \hat m_t & \text{otherwise} \end{cases}
\end{aligned}`,
  },
};
