#include "optim/registry.hpp"

#include "core/error.hpp"
#include "optim/recipes.hpp"

namespace descent {
namespace {

// ---- option specs shared by several entries ----
param lr(double default_value, const char* symbol) {
  return param::number("lr", default_value).above(0).log_scale().symbol(symbol).torch("lr").help("learning rate");
}
param weight_decay(double default_value, const char* symbol = "\\lambda") {
  return param::number("weightDecay", default_value).at_least(0).symbol(symbol).torch("weight_decay")
      .help("L2 penalty added to the gradient");
}
param eps(double default_value, const char* symbol) {
  return param::number("eps", default_value).above(0).log_scale().symbol(symbol).torch("eps")
      .help("added to the denominator for numerical stability");
}
param momentum(double default_value, const char* symbol = "\\mu") {
  return param::number("momentum", default_value).at_least(0).below(1).symbol(symbol).torch("momentum")
      .help("weight of the previous direction");
}
param betas() {
  return param::pair("betas", 0.9, 0.999).at_least(0).below(1).symbol("(\\beta_1, \\beta_2)").torch("betas")
      .help("decay rates of the first and second moment estimates");
}
param amsgrad() {
  return param::boolean("amsgrad", false).symbol("\\text{AMSGrad}").torch("amsgrad")
      .help("use the running maximum of the second moment (Reddi et al. 2018)");
}

// ---- cross-option checks ----
void check_sgd(const Params& p, const std::string& context) {
  if (p.flag("nesterov") && (p.number("momentum") <= 0 || p.number("dampening") != 0))
    fail(context + ": option 'nesterov' needs 'momentum' > 0 and 'dampening' = 0 (as in PyTorch); got momentum " +
         format_number(p.number("momentum")) + ", dampening " + format_number(p.number("dampening")));
}

// ---- the table ----
// Formulas: x^t notation where the slides use it (GD, momentum, Nesterov, preconditioning);
// Algorithms 8.4/8.5 (theta, epsilon, delta, rho) for AdaGrad and RMSProp; Algorithms 1 and 2
// (alpha = lr, eta_t = schedule multiplier) for SGD/SGDW and the Adam family.
std::vector<OptimizerInfo> build_registry() {
  std::vector<OptimizerInfo> r;
  OptimizerInfo e;

  e = {};
  e.type = "gd";
  e.label = "Gradient descent";
  e.family = "lecture";
  e.formula = "\\mathbf{x}^{t+1} = \\mathbf{x}^t - \\eta^t \\nabla f(\\mathbf{x}^t)";
  e.torch = "torch.optim.SGD(params, lr=η): the same steps (momentum 0)";
  e.notes = "$\\eta^t$ is lr times the schedule's multiplier at step $t$. With $\\eta = 1/\\beta$ on a $\\beta$-smooth, "
            "$\\alpha$-strongly convex $f$: $f(\\mathbf{x}^T) - f^* \\le (1 - \\alpha/\\beta)^T (f(\\mathbf{x}^0) - f^*)$.";
  e.options = {lr(0.01, "\\eta")};
  e.recipe = &recipes::gd;
  r.push_back(e);

  e = {};
  e.type = "heavyBall";
  e.label = "Momentum (Polyak's heavy ball)";
  e.family = "lecture";
  e.formula =
      "\\begin{aligned}\\mathbf{v}^{t+1} &= \\mu\\,\\mathbf{v}^t - \\eta^t \\nabla f(\\mathbf{x}^t)\\\\"
      "\\mathbf{x}^{t+1} &= \\mathbf{x}^t + \\mathbf{v}^{t+1}\\end{aligned}";
  e.torch = "torch.optim.SGD(params, lr=η, momentum=μ): the same iterates; PyTorch's buffer is b = −v/η";
  e.notes = "The momentum slide writes $\\mathbf{u}^{t+1} = \\mathbf{u}^t - \\beta^t \\nabla f(\\mathbf{x}^t)$, "
            "$\\mathbf{x}^{t+1} = \\mathbf{x}^t + \\gamma^t \\mathbf{u}^{t+1}$; it means the heavy ball, whose old "
            "direction is kept with a weight $\\mu < 1$. With $\\mathbf{v} = \\gamma\\mathbf{u}$ it is this rule with "
            "$\\eta = \\beta\\gamma$.";
  e.options = {lr(0.01, "\\eta"), momentum(0.9)};
  e.recipe = &recipes::heavy_ball;
  r.push_back(e);

  e = {};
  e.type = "nesterovAccelerated";
  e.label = "Nesterov's accelerated gradient";
  e.family = "lecture";
  e.formula =
      "\\begin{aligned}\\mathbf{u}^{t+1} &= \\mathbf{x}^t - \\eta \\nabla f(\\mathbf{x}^t)\\\\"
      "\\mathbf{x}^{t+1} &= \\mathbf{u}^{t+1} + \\tfrac{t}{t+3}\\left(\\mathbf{u}^{t+1} - \\mathbf{u}^t\\right)"
      "\\end{aligned}";
  e.torch = "No exact PyTorch equivalent: torch.optim.SGD(nesterov=True) uses a constant momentum μ instead of t/(t+3)";
  e.notes = "$t$ counts from 0 and $\\mathbf{u}^0 = \\mathbf{x}^0$; gradients are taken at $\\mathbf{x}^t$, the "
            "parameters shown. On convex $\\beta$-smooth $f$ with $\\eta \\le 1/\\beta$, "
            "$f(\\mathbf{u}^t) - f^* \\le 2\\|\\mathbf{x}^0 - \\mathbf{x}^*\\|^2 / (\\eta (t+1)^2)$, against $O(1/t)$ for "
            "gradient descent; as $\\eta \\to 0$ with $t\\sqrt{\\eta}$ fixed it follows the ODE "
            "$\\ddot{x} + \\frac{3}{t}\\dot{x} + \\nabla f(x) = 0$.";
  e.options = {lr(0.01, "\\eta")};
  e.recipe = &recipes::nesterov_accelerated;
  r.push_back(e);

  e = {};
  e.type = "newton";
  e.label = "Newton's method (damped)";
  e.family = "lecture";
  e.needs_hessian = true;
  e.max_dimension = kMaxMatrixDimension;
  e.formula = "\\mathbf{x}^{t+1} = \\mathbf{x}^t - \\eta^t \\left(\\nabla^2 f(\\mathbf{x}^t) + \\lambda \\mathbf{I}\\right)^{-1}"
              "\\nabla f(\\mathbf{x}^t)";
  e.torch = "No torch.optim counterpart (it needs the Hessian); torch.optim.LBFGS approximates it from gradients";
  e.notes = "The slides' preconditioner $\\mathbf{H}_t$ is the Hessian. With $\\eta = 1$ and $\\lambda = 0$ it solves a "
            "quadratic in one step; $\\lambda > 0$ keeps the step defined where the Hessian is singular or indefinite.";
  e.options = {lr(1, "\\eta"), param::number("damping", 0).at_least(0).symbol("\\lambda").help(
                                   "added to the Hessian's diagonal (Levenberg damping)")};
  e.recipe = &recipes::newton;
  r.push_back(e);

  e = {};
  e.type = "adagradFull";
  e.label = "AdaGrad, full matrix";
  e.family = "lecture";
  e.max_dimension = kMaxMatrixDimension;
  e.formula =
      "\\begin{aligned}\\mathbf{G}_t &= \\Big(\\sum_{i=1}^{t} \\nabla f(\\mathbf{x}^i)\\, \\nabla f(\\mathbf{x}^i)^{\\top}"
      "\\Big)^{1/2}\\\\ \\mathbf{x}^{t+1} &= \\mathbf{x}^t - \\eta \\left(\\delta \\mathbf{I} + \\mathbf{G}_t\\right)^{-1}"
      "\\nabla f(\\mathbf{x}^t)\\end{aligned}";
  e.torch = "No torch.optim counterpart; torch.optim.Adagrad keeps only the diagonal of G_t";
  e.notes = "The matrix square root comes from an eigendecomposition: $O(d^3)$ time per step and a $d \\times d$ "
            "state, so $d$ is limited to 2000.";
  e.options = {lr(0.01, "\\eta"), eps(1e-10, "\\delta")};
  e.recipe = &recipes::adagrad_full;
  r.push_back(e);

  e = {};
  e.type = "sgd";
  e.label = "SGD (PyTorch)";
  e.family = "pytorch";
  e.check = &check_sgd;
  e.formula =
      "\\begin{aligned}\\mathbf{g}_t &= \\nabla f_t(\\boldsymbol\\theta_{t-1}) + \\lambda\\boldsymbol\\theta_{t-1}\\\\"
      "\\mathbf{b}_t &= \\mu\\,\\mathbf{b}_{t-1} + (1-\\tau)\\,\\mathbf{g}_t \\quad (\\mathbf{b}_1 = \\mathbf{g}_1)\\\\"
      "\\boldsymbol\\theta_t &= \\boldsymbol\\theta_{t-1} - \\eta_t\\alpha\\,\\mathbf{b}_t \\quad "
      "\\text{or, with Nesterov,}\\quad \\boldsymbol\\theta_{t-1} - \\eta_t\\alpha\\,(\\mathbf{g}_t + \\mu\\mathbf{b}_t)"
      "\\end{aligned}";
  e.torch = "torch.optim.SGD(params, lr=α, momentum=μ, dampening=τ, weight_decay=λ, nesterov=…)";
  e.notes = "$\\lambda$ here is L2 regularisation: $\\lambda\\boldsymbol\\theta$ joins the gradient and so the momentum "
            "(the lecture's Algorithm 1, SGD with L2). $\\alpha$ = lr and $\\eta_t$ = the schedule's multiplier. "
            "PyTorch 1.13 has no default lr; 0.001 is PyTorch 2's.";
  e.options = {lr(1e-3, "\\alpha"), momentum(0),
               param::number("dampening", 0).at_least(0).at_most(1).symbol("\\tau").torch("dampening")
                   .help("fraction of the new gradient left out of the momentum"),
               param::boolean("nesterov", false).symbol("\\text{Nesterov}").torch("nesterov")
                   .help("look ahead along the momentum (needs momentum > 0, dampening 0)"),
               weight_decay(0)};
  e.recipe = &recipes::sgd;
  r.push_back(e);

  e = {};
  e.type = "sgdw";
  e.label = "SGDW (decoupled weight decay)";
  e.family = "lecture";
  e.formula =
      "\\begin{aligned}\\mathbf{m}_t &= \\beta_1 \\mathbf{m}_{t-1} + \\eta_t \\alpha\\, \\nabla f_t(\\boldsymbol\\theta_{t-1})"
      "\\\\ \\boldsymbol\\theta_t &= \\boldsymbol\\theta_{t-1} - \\mathbf{m}_t - \\eta_t \\lambda\\, \\boldsymbol\\theta_{t-1}"
      "\\end{aligned}";
  e.torch = "No torch.optim class. torch.optim.SGD(lr=α, momentum=β₁, weight_decay=λ) is SGD with L2, where λθ "
            "passes through the momentum instead";
  e.notes = "The lecture's Algorithm 1 (Loshchilov & Hutter). The slide initialises $\\mathbf{m}_0 \\leftarrow "
            "\\boldsymbol\\theta$; the algorithm means $\\mathbf{m}_0 = 0$. $\\eta_t$ is the schedule multiplier and "
            "scales the decay too.";
  e.options = {lr(0.01, "\\alpha"), momentum(0.9, "\\beta_1"),
               weight_decay(1e-4).help("decoupled decay: θ shrinks by η_t λ θ each step")};
  e.recipe = &recipes::sgdw;
  r.push_back(e);

  e = {};
  e.type = "adagrad";
  e.label = "AdaGrad (diagonal)";
  e.family = "pytorch";
  e.formula =
      "\\begin{aligned}\\mathbf{g} &\\leftarrow \\nabla f(\\boldsymbol\\theta) + \\lambda\\boldsymbol\\theta\\\\"
      "\\mathbf{r} &\\leftarrow \\mathbf{r} + \\mathbf{g}\\odot\\mathbf{g}\\\\"
      "\\boldsymbol\\theta &\\leftarrow \\boldsymbol\\theta - \\frac{\\epsilon_t}{\\delta + \\sqrt{\\mathbf{r}}}\\odot"
      "\\mathbf{g},\\qquad \\epsilon_t = \\frac{\\epsilon}{1 + (t-1)\\kappa}\\end{aligned}";
  e.torch = "torch.optim.Adagrad(params, lr=ε, lr_decay=κ, weight_decay=λ, initial_accumulator_value=r₀, eps=δ)";
  e.notes = "The lecture's Algorithm 8.4; $\\mathbf{r}$ starts at $\\mathbf{r}_0$.";
  e.options = {lr(0.01, "\\epsilon"),
               param::number("lrDecay", 0).at_least(0).symbol("\\kappa").torch("lr_decay")
                   .help("the step size decays as ε/(1 + (t−1)κ)"),
               weight_decay(0),
               param::number("initialAccumulatorValue", 0).at_least(0).symbol("\\mathbf{r}_0")
                   .torch("initial_accumulator_value").help("starting value of the squared-gradient sum"),
               eps(1e-10, "\\delta")};
  e.recipe = &recipes::adagrad;
  r.push_back(e);

  e = {};
  e.type = "rmsprop";
  e.label = "RMSProp";
  e.family = "pytorch";
  e.formula =
      "\\begin{aligned}\\mathbf{g} &\\leftarrow \\nabla f(\\boldsymbol\\theta) + \\lambda\\boldsymbol\\theta\\\\"
      "\\mathbf{r} &\\leftarrow \\rho\\,\\mathbf{r} + (1-\\rho)\\,\\mathbf{g}\\odot\\mathbf{g}\\\\"
      "\\boldsymbol\\theta &\\leftarrow \\boldsymbol\\theta - \\frac{\\epsilon}{\\sqrt{\\mathbf{r}} + \\delta}\\odot"
      "\\mathbf{g}\\end{aligned}";
  e.torch = "torch.optim.RMSprop(params, lr=ε, alpha=ρ, eps=δ, weight_decay=λ, momentum=μ, centered=…)";
  e.notes = "The lecture's Algorithm 8.5 puts $\\delta$ inside the square root, $\\epsilon/\\sqrt{\\delta + \\mathbf{r}}$; "
            "PyTorch adds it outside. epsInsideSqrt: true gives the textbook form (PyTorch has none). centered "
            "subtracts the squared running mean of $\\mathbf{g}$ from $\\mathbf{r}$; momentum $\\mu$ accumulates "
            "$\\mathbf{b} \\leftarrow \\mu\\mathbf{b} + \\mathbf{g}/(\\sqrt{\\mathbf{r}} + \\delta)$ and steps "
            "$\\boldsymbol\\theta \\leftarrow \\boldsymbol\\theta - \\epsilon\\mathbf{b}$.";
  e.options = {lr(0.01, "\\epsilon"),
               param::number("alpha", 0.99).at_least(0).at_most(1).symbol("\\rho").torch("alpha")
                   .help("decay rate of the squared-gradient average"),
               eps(1e-8, "\\delta"), weight_decay(0), momentum(0),
               param::boolean("centered", false).symbol("\\text{centered}").torch("centered")
                   .help("normalise by an estimate of the gradient's variance"),
               param::boolean("epsInsideSqrt", false).symbol("\\sqrt{\\delta + \\mathbf{r}}")
                   .help("the textbook form: δ inside the square root (PyTorch has none)")};
  e.recipe = &recipes::rmsprop;
  r.push_back(e);

  const std::string adam_moments =
      "\\mathbf{m}_t &= \\beta_1\\mathbf{m}_{t-1} + (1-\\beta_1)\\,\\mathbf{g}_t\\\\"
      "\\mathbf{v}_t &= \\beta_2\\mathbf{v}_{t-1} + (1-\\beta_2)\\,\\mathbf{g}_t^2\\\\"
      "\\hat{\\mathbf{m}}_t &= \\mathbf{m}_t/(1-\\beta_1^t),\\quad \\hat{\\mathbf{v}}_t = \\mathbf{v}_t/(1-\\beta_2^t)\\\\";

  e = {};
  e.type = "adam";
  e.label = "Adam";
  e.family = "pytorch";
  e.formula = "\\begin{aligned}\\mathbf{g}_t &= \\nabla f_t(\\boldsymbol\\theta_{t-1}) + \\lambda\\boldsymbol\\theta_{t-1}"
              "\\\\" + adam_moments +
              "\\boldsymbol\\theta_t &= \\boldsymbol\\theta_{t-1} - \\eta_t\\,\\alpha\\,\\hat{\\mathbf{m}}_t / "
              "(\\sqrt{\\hat{\\mathbf{v}}_t} + \\epsilon)\\end{aligned}";
  e.torch = "torch.optim.Adam(params, lr=α, betas=(β₁, β₂), eps=ε, weight_decay=λ, amsgrad=…)";
  e.notes = "The lecture's Algorithm 2 with L2: $\\lambda\\boldsymbol\\theta$ joins the gradient and is normalised "
            "with it. Algorithm 8.7 writes the same with $s, r, \\rho_1, \\rho_2, \\delta$; its corrected second moment "
            "should read $\\hat{r} = r/(1 - \\rho_2^t)$. amsgrad uses the running maximum of $\\mathbf{v}_t$.";
  e.options = {lr(1e-3, "\\alpha"), betas(), eps(1e-8, "\\epsilon"), weight_decay(0), amsgrad()};
  e.recipe = &recipes::adam;
  r.push_back(e);

  e = {};
  e.type = "adamw";
  e.label = "AdamW (decoupled weight decay)";
  e.family = "pytorch";
  e.formula = "\\begin{aligned}\\mathbf{g}_t &= \\nabla f_t(\\boldsymbol\\theta_{t-1})\\\\" + adam_moments +
              "\\boldsymbol\\theta_t &= \\boldsymbol\\theta_{t-1} - \\eta_t\\left(\\alpha\\,\\hat{\\mathbf{m}}_t / "
              "(\\sqrt{\\hat{\\mathbf{v}}_t} + \\epsilon) + \\lambda\\boldsymbol\\theta_{t-1}\\right)\\end{aligned}";
  e.torch = "torch.optim.AdamW(params, lr=α, betas=(β₁, β₂), eps=ε, weight_decay=λ/α, amsgrad=…)";
  e.notes = "The lecture's Algorithm 2 with decoupled decay. PyTorch multiplies weight_decay by the learning rate, "
            "so the paper's $\\lambda$ is $\\alpha \\cdot$ weightDecay: weightDecay $= \\lambda/\\alpha$.";
  e.options = {lr(1e-3, "\\alpha"), betas(), eps(1e-8, "\\epsilon"),
               weight_decay(0.01, "\\lambda/\\alpha").help("decoupled decay: θ shrinks by η_t α weightDecay θ"),
               amsgrad()};
  e.recipe = &recipes::adamw;
  r.push_back(e);

  e = {};
  e.type = "nadam";
  e.label = "NAdam";
  e.family = "pytorch";
  e.formula =
      "\\begin{aligned}\\mu_t &= \\beta_1\\left(1 - \\tfrac12\\, 0.96^{t\\psi}\\right)\\\\"
      "\\mathbf{m}_t &= \\beta_1\\mathbf{m}_{t-1} + (1-\\beta_1)\\,\\mathbf{g}_t,\\quad "
      "\\mathbf{v}_t = \\beta_2\\mathbf{v}_{t-1} + (1-\\beta_2)\\,\\mathbf{g}_t^2\\\\"
      "\\boldsymbol\\theta_t &= \\boldsymbol\\theta_{t-1} - \\eta_t\\alpha\\, \\frac{\\frac{1-\\mu_t}{1-\\prod_{i\\le t}"
      "\\mu_i}\\,\\mathbf{g}_t + \\frac{\\mu_{t+1}}{1-\\prod_{i\\le t+1}\\mu_i}\\,\\mathbf{m}_t}"
      "{\\sqrt{\\mathbf{v}_t/(1-\\beta_2^t)} + \\epsilon}\\end{aligned}";
  e.torch = "torch.optim.NAdam(params, lr=α, betas=(β₁, β₂), eps=ε, weight_decay=λ, momentum_decay=ψ)";
  e.notes = "Adam with Nesterov's look-ahead (Dozat 2016); $\\mathbf{g}_t$ includes $\\lambda\\boldsymbol\\theta$. "
            "Matches PyTorch 2: PyTorch 1.13 multiplied $\\mu_t$ twice into the second product.";
  e.options = {lr(2e-3, "\\alpha"), betas(), eps(1e-8, "\\epsilon"), weight_decay(0),
               param::number("momentumDecay", 4e-3).at_least(0).symbol("\\psi").torch("momentum_decay")
                   .help("how fast the momentum schedule μ_t approaches β₁")};
  e.recipe = &recipes::nadam;
  r.push_back(e);

  e = {};
  e.type = "radam";
  e.label = "RAdam";
  e.family = "pytorch";
  e.formula =
      "\\begin{aligned}\\rho_\\infty &= \\tfrac{2}{1-\\beta_2} - 1,\\quad \\rho_t = \\rho_\\infty - "
      "\\tfrac{2t\\beta_2^t}{1-\\beta_2^t}\\\\ \\boldsymbol\\theta_t &= \\boldsymbol\\theta_{t-1} - \\eta_t\\alpha\\,"
      "\\hat{\\mathbf{m}}_t \\cdot \\begin{cases} r_t \\sqrt{1-\\beta_2^t} / (\\sqrt{\\mathbf{v}_t} + \\epsilon) & "
      "\\rho_t > 5\\\\ 1 & \\text{otherwise}\\end{cases}\\\\ r_t &= \\sqrt{\\tfrac{(\\rho_t-4)(\\rho_t-2)\\rho_\\infty}"
      "{(\\rho_\\infty-4)(\\rho_\\infty-2)\\rho_t}}\\end{aligned}";
  e.torch = "torch.optim.RAdam(params, lr=α, betas=(β₁, β₂), eps=ε, weight_decay=λ)";
  e.notes = "Rectified Adam (Liu et al. 2020): $\\mathbf{m}$ and $\\mathbf{v}$ as in Adam, $\\mathbf{g}_t$ includes "
            "$\\lambda\\boldsymbol\\theta$; the adaptive step switches on once its variance is tractable.";
  e.options = {lr(1e-3, "\\alpha"), betas(), eps(1e-8, "\\epsilon"), weight_decay(0)};
  e.recipe = &recipes::radam;
  r.push_back(e);

  e = {};
  e.type = "adamax";
  e.label = "Adamax";
  e.family = "pytorch";
  e.formula =
      "\\begin{aligned}\\mathbf{m}_t &= \\beta_1\\mathbf{m}_{t-1} + (1-\\beta_1)\\,\\mathbf{g}_t\\\\"
      "\\mathbf{u}_t &= \\max\\left(\\beta_2\\mathbf{u}_{t-1},\\, |\\mathbf{g}_t| + \\epsilon\\right)\\\\"
      "\\boldsymbol\\theta_t &= \\boldsymbol\\theta_{t-1} - \\eta_t\\alpha\\,\\mathbf{m}_t / "
      "\\left((1-\\beta_1^t)\\,\\mathbf{u}_t\\right)\\end{aligned}";
  e.torch = "torch.optim.Adamax(params, lr=α, betas=(β₁, β₂), eps=ε, weight_decay=λ)";
  e.notes = "Adam with the infinity norm in place of the second moment (Kingma & Ba, §7.1); $\\mathbf{g}_t$ "
            "includes $\\lambda\\boldsymbol\\theta$.";
  e.options = {lr(2e-3, "\\alpha"), betas(), eps(1e-8, "\\epsilon"), weight_decay(0)};
  e.recipe = &recipes::adamax;
  r.push_back(e);

  e = {};
  e.type = "adadelta";
  e.label = "Adadelta";
  e.family = "pytorch";
  e.formula =
      "\\begin{aligned}\\mathbf{r} &\\leftarrow \\rho\\,\\mathbf{r} + (1-\\rho)\\,\\mathbf{g}\\odot\\mathbf{g}\\\\"
      "\\Delta\\boldsymbol\\theta &= -\\frac{\\sqrt{\\mathbf{a} + \\delta}}{\\sqrt{\\mathbf{r} + \\delta}}\\odot\\mathbf{g}"
      "\\\\ \\mathbf{a} &\\leftarrow \\rho\\,\\mathbf{a} + (1-\\rho)\\,\\Delta\\boldsymbol\\theta\\odot\\Delta"
      "\\boldsymbol\\theta\\\\ \\boldsymbol\\theta &\\leftarrow \\boldsymbol\\theta + \\epsilon\\,\\Delta\\boldsymbol\\theta"
      "\\end{aligned}";
  e.torch = "torch.optim.Adadelta(params, lr=ε, rho=ρ, eps=δ, weight_decay=λ)";
  e.notes = "Zeiler (2012): the ratio of running RMS values gives steps in the parameters' own units, hence "
            "PyTorch's default lr of 1. $\\mathbf{g}$ includes $\\lambda\\boldsymbol\\theta$.";
  e.options = {lr(1.0, "\\epsilon"),
               param::number("rho", 0.9).at_least(0).at_most(1).symbol("\\rho").torch("rho")
                   .help("decay rate of both running averages"),
               eps(1e-6, "\\delta"), weight_decay(0)};
  e.recipe = &recipes::adadelta;
  r.push_back(e);

  const ParamSpec schedule = param::object("schedule").optional().symbol("\\eta_t").help(
      "learning-rate schedule, e.g. {type: 'cosine', tMax: 100}; see listSchedules()");
  for (auto& entry : r) entry.options.push_back(schedule);
  return r;
}

std::vector<std::string> optimizer_types() {
  std::vector<std::string> types;
  for (const auto& info : optimizer_registry()) types.push_back(info.type);
  return types;
}

}  // namespace

const std::vector<OptimizerInfo>& optimizer_registry() {
  static const std::vector<OptimizerInfo> registry = build_registry();
  return registry;
}

const OptimizerInfo& find_optimizer(const std::string& type) {
  for (const auto& info : optimizer_registry())
    if (info.type == type) return info;
  fail("unknown optimizer type '" + type + "'; allowed: " + join_names(optimizer_types()));
}

std::unique_ptr<Optimizer> make_optimizer(const Spec& spec) {
  const std::string type = read_type(spec, "optimizer", optimizer_types());
  const OptimizerInfo& info = find_optimizer(type);
  const std::string context = "optimizer '" + type + "'";
  Params params = read_params(spec, info.options, context);
  if (info.check != nullptr) info.check(params, context);
  Schedule schedule = make_schedule(params.has("schedule") ? params.object("schedule") : Spec());
  Chain transforms = info.recipe(params);
  return std::make_unique<Optimizer>(info, std::move(params), std::move(transforms), std::move(schedule));
}

}  // namespace descent
