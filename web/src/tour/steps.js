// The guided tour: the lecture's topics in its order, each with a few plain sentences, the rule
// in the lecture's notation (from the optimizer registry where the step is about one optimizer,
// so the tour and the Rules tab cannot disagree), and a live demo: a setup of the Landscape or
// Train view, written as the text those views put in the URL (so every preset goes through the
// same validated decoders, and tests/web/tour.test.js checks that each one decodes cleanly).
//
// Fields: id (the URL's `tour=` value), title, text (paragraphs), rule: an optimizer type whose
// registry formula is shown, or formula: LaTeX; look: what to watch in the demo; demo: { view,
// state, hide } (hide: control groups the demo starts without, as in the elements' attribute);
// more: { view, text }, a link to the page's view that takes the topic further.

// f = (alpha x^2 + beta y^2) / 2 with alpha = 1, beta = 10: the lecture's strongly convex case.
const VALLEY = 'f=quadratic(alpha:1,beta:10)&x0=-1.8,1.4';

export const TOUR_STEPS = Object.freeze([
  {
    id: 'gd',
    title: 'Gradient descent and its rate',
    text: [
      'Training a network means minimising a loss f over its weights x. Gradient descent takes a step against the gradient, scaled by the learning rate.',
      'If every eigenvalue of the Hessian lies between α > 0 and β, a step of 1/β shrinks the gap to the minimum by at least the factor 1 − α/β per step: a straight line on a log axis.',
    ],
    rule: 'gd',
    formula: 'f(\\mathbf{x}^T) - f(\\mathbf{x}^*) \\le \\left(1 - \\frac{\\alpha}{\\beta}\\right)^T \\left(f(\\mathbf{x}^0) - f(\\mathbf{x}^*)\\right)',
    look: 'The gap f − f* falls on a straight line on the log axis, under the lecture\'s bound. Try a step larger than 2/β = 0.2: it diverges.',
    demo: { view: 'landscape', state: `${VALLEY}&steps=60&opt=gd(lr:0.1)`, hide: ['objective'] },
  },
  {
    id: 'zigzag',
    title: 'The problem with gradient descent',
    text: [
      'In a long narrow valley the gradient points mostly across the valley, not along it. A step large enough to make progress along the floor overshoots across it, so the path zig-zags.',
      'The slow direction sets the pace: the rate depends on the condition number β/α, here 10.',
    ],
    rule: 'gd',
    look: 'The larger step (0.19, close to the limit 2/β) bounces from wall to wall; the smaller one crawls along the floor.',
    demo: { view: 'landscape', state: `${VALLEY}&steps=60&opt=gd(lr:0.19);gd(lr:0.05)`, hide: ['objective'] },
  },
  {
    id: 'momentum',
    title: 'Momentum',
    text: [
      'Momentum keeps a running direction: each step adds the new gradient to a fraction μ of the previous step. Across the valley the gradients alternate and cancel; along it they agree and add up.',
      'On a quadratic the best pair is η = 4/(√α + √β)² and μ = ((√β − √α)/(√β + √α))², and the best rate per step improves from gradient descent\'s (β − α)/(β + α) to (√β − √α)/(√β + √α): here from 0.82 to 0.52.',
    ],
    rule: 'heavyBall',
    more: { view: 'momentum', text: 'The Momentum view: the rate over the whole (η, μ) plane, with the optimum marked' },
    look: 'With the tuned pair (η = 0.23, μ = 0.27) the heavy ball reaches the minimum in a fraction of gradient descent\'s steps.',
    demo: { view: 'landscape', state: `${VALLEY}&steps=60&opt=gd(lr:0.1);heavyBall(lr:0.231,momentum:0.27)`, hide: ['objective'] },
  },
  {
    id: 'nesterov',
    title: 'Nesterov\'s acceleration and its ODE',
    text: [
      'Nesterov\'s method takes the gradient step from a point pushed ahead along the last move, with a weight t/(t + 3) that grows towards 1.',
      'On convex functions gradient descent closes the gap like 1/k, Nesterov\'s method like 1/k². As the step shrinks, gradient descent becomes the gradient flow and Nesterov\'s method the ODE x″ + (3/t) x′ = −∇f(x).',
    ],
    rule: 'nesterovAccelerated',
    formula: '\\ddot{x}(t) + \\frac{3}{t}\\,\\dot{x}(t) = -\\nabla f(x(t))',
    look: 'The log-log chart shows the slopes 1/k and 1/k² beside the two runs, and the two ODE curves the iterates follow.',
    demo: { view: 'landscape', state: 'f=quadratic(alpha:0.01,beta:1)&x0=-1.8,1.4&steps=300&opt=gd(lr:1);nesterovAccelerated(lr:1)', hide: ['objective'] },
  },
  {
    id: 'newton',
    title: 'Preconditioning and Newton\'s method',
    text: [
      'A preconditioner reshapes the step: x ← x − η H⁻¹ ∇f(x). If H is the Hessian, the valley becomes round.',
      'On a quadratic f = c + bᵀx + ½ xᵀAx, setting the gradient of the next point to zero gives H = A, and one Newton step with η = 1 lands exactly on the minimum.',
    ],
    rule: 'newton',
    look: 'Newton\'s path is one straight jump to the minimum, whatever the rotation of the valley; gradient descent still zig-zags.',
    demo: { view: 'landscape', state: 'f=quadratic(alpha:1,beta:10,rotation:30)&x0=-1.8,1.4&steps=40&opt=newton;gd(lr:0.1)', hide: ['objective'] },
  },
  {
    id: 'adagrad',
    title: 'AdaGrad: full matrix and diagonal',
    text: [
      'AdaGrad builds its preconditioner from the gradients seen so far: G_t is the square root of the sum of their outer products. No Hessian is needed.',
      'The full matrix costs d² memory and a matrix square root per step, so in practice only its diagonal is kept: one step size per weight. The diagonal cannot undo a rotated valley; the full matrix can.',
    ],
    rule: 'adagradFull',
    look: 'Compare the two paths on the valley rotated by 45°: the diagonal version can only rescale the axes, the full matrix also turns the step.',
    demo: { view: 'landscape', state: 'f=quadratic(alpha:1,beta:10,rotation:45)&x0=-1.8,1.4&steps=100&opt=adagradFull(lr:1);adagrad(lr:1)', hide: ['objective'] },
  },
  {
    id: 'rmsprop',
    title: 'RMSProp',
    text: [
      'AdaGrad\'s sums only grow, so its steps shrink for ever. RMSProp replaces the sum by a moving average of squared gradients, so old gradients are forgotten and the step size stays alive.',
    ],
    rule: 'rmsprop',
    look: 'On Rosenbrock\'s curved valley, watch the step lengths: AdaGrad\'s shrink as its sums grow, RMSProp\'s do not.',
    demo: { view: 'landscape', state: 'f=rosenbrock&steps=400&opt=adagrad(lr:0.5);rmsprop(lr:0.01)', hide: [] },
  },
  {
    id: 'adam',
    title: 'Adam',
    text: [
      'Adam combines a moving average of the gradients (momentum) with RMSProp\'s moving average of their squares, and corrects both averages for starting at zero.',
    ],
    rule: 'adam',
    look: 'Adam against RMSProp and the heavy ball on Rosenbrock: Adam ends far closer than RMSProp. The heavy ball, at a rate that suits this valley, gets there first: adaptive steps are not faster everywhere. What they buy shows when you change the learning rates: Adam\'s steps stay about lr long whatever the scale of the gradient, so one rate carries over between parameters and problems.',
    demo: { view: 'landscape', state: 'f=rosenbrock&steps=400&opt=adam(lr:0.1);rmsprop(lr:0.01);heavyBall(lr:0.001)', hide: [] },
  },
  {
    id: 'compare',
    title: 'Comparing the optimizers on a network',
    text: [
      'The same network, the same initial weights and the same mini-batches for every optimizer: only the update rule differs. A fair comparison also gives each one a learning rate that suits it.',
    ],
    formula: '\\mathbf{x}^{t+1} = \\mathbf{x}^t - \\eta^t\\,\\mathbf{u}^t(\\nabla f_{B_t}(\\mathbf{x}^t), \\ldots)',
    look: 'Press Play. Watch the training loss and the decision boundaries of a 2-32-32-3 network on the spiral. Then, under the charts, Fair tuning sweeps each optimizer\'s learning rate and races them again, each at its best.',
    demo: { view: 'train', state: 't.data=spiral&t.hidden=32,32&t.act=tanh&t.batch=32&t.epochs=100&t.opt=sgd(lr:0.1);sgd(lr:0.1,momentum:0.9);rmsprop(lr:0.01);adam(lr:0.01)', hide: [] },
  },
  {
    id: 'sgdw',
    title: 'SGD with L2 against SGDW',
    text: [
      'L2 regularisation adds λ/2 ‖x‖² to the loss, so its gradient λx joins the update and, with momentum β, is averaged with everything else: once the momentum has built up, it shrinks the weights by about αλ/(1 − β) per step, in proportion to the learning rate α.',
      'SGDW decouples the decay: it shrinks the weights by λ at each step, apart from the gradient step, whatever α is.',
    ],
    rule: 'sgdw',
    more: { view: 'decay', text: 'The Weight decay view: a grid of learning rate × weight decay, L2 against decoupled' },
    look: 'Four runs with λ = 0.005 and β = 0.9. At α = 0.1, αλ/(1 − β) = λ and the two rules give the same curves. At α = 0.02 they part: L2\'s decay fell with α, SGDW\'s did not, and the weight-norm chart shows it holding the weights down. With SGDW a new learning rate keeps its decay; with L2 the two must be tuned together.',
    demo: { view: 'train', state: 't.data=spiral&t.hidden=32,32&t.act=tanh&t.batch=32&t.epochs=100&t.opt=sgd(lr:0.1,momentum:0.9,weightDecay:0.005);sgdw(lr:0.1,momentum:0.9,weightDecay:0.005);sgd(lr:0.02,momentum:0.9,weightDecay:0.005);sgdw(lr:0.02,momentum:0.9,weightDecay:0.005)', hide: [] },
  },
  {
    id: 'adamw',
    title: 'Adam with L2 against AdamW',
    text: [
      'With Adam the difference matters more. The L2 gradient λθ is divided by Adam\'s running scale √v̂ like any other gradient, so its effect depends on the weight: one whose loss gradient is large is barely decayed, and one whose loss gradient is small sees mostly λθ, normalised to a step of about α towards zero, however small λ is.',
      'AdamW keeps the decay out of the normalisation: every weight shrinks by the same fraction λ per step (PyTorch\'s lr × weight_decay).',
    ],
    rule: 'adamw',
    more: { view: 'decay', text: 'The Weight decay view: Adam with L2 against AdamW over learning rate × weight decay' },
    look: 'Adam with weightDecay 0.01 (L2 inside the gradient) against AdamW with the same value (decoupled), both at α = 0.01. Here L2 decays harder, not softer: the weight-norm chart shows it holding ‖θ‖ below half of AdamW\'s, where AdamW shrinks by only 10⁻⁴ per step, and AdamW reaches the lower loss.',
    demo: { view: 'train', state: 't.data=spiral&t.hidden=32,32&t.act=tanh&t.batch=32&t.epochs=100&t.opt=adam(lr:0.01,weightDecay:0.01);adamw(lr:0.01,weightDecay:0.01)', hide: [] },
  },
  {
    id: 'schedules',
    title: 'Learning-rate schedules and warm restarts',
    text: [
      'The learning rate need not stay fixed: large steps early make progress, small steps late settle into a minimum. A schedule multiplies the base rate by a factor that depends on the epoch: steps, exponential decay, a cosine, or a short linear warm-up first.',
      'SGDR (stochastic gradient descent with warm restarts) runs a cosine down to a small rate, then jumps back up and starts again, each period T_mult times longer than the last.',
    ],
    formula: '\\eta_t = \\eta_{\\min} + \\tfrac12(\\eta - \\eta_{\\min})\\left(1 + \\cos\\tfrac{\\pi T_{cur}}{T_i}\\right)',
    more: { view: 'schedules', text: 'The Schedules view: each schedule\'s rate drawn at once, its formula and PyTorch class, the network trained under each' },
    look: 'Press Play. The learning-rate chart under the curves shows each schedule. At each restart of the SGDR run (epochs 10 and 30) its rate jumps back to 0.3 and its loss rises for an epoch or two, then falls deeper; the constant rate stays noisy and high.',
    demo: { view: 'train', state: 't.data=spiral&t.hidden=32,32&t.act=tanh&t.init=xavierNormal&t.gain=auto&t.batch=16&t.epochs=70&t.opt=' + ['', '.step(stepSize:20,gamma:0.3)', '.exponential(gamma:0.97)', '.cosine(tMax:70)', '.cosineWarmRestarts(t0:10,tMult:2)', '.warmupCosine(steps:5,tMax:65)'].map((s) => `sgd(lr:0.3,momentum:0.9)${s}`).join(';'), hide: [] },
  },
  {
    id: 'init',
    title: 'Initialisation: Xavier with gain, and He',
    text: [
      'Before any optimizer moves, the initial weights decide whether signals survive a deep network. Xavier draws weights with variance gain² · 2/(fan_in + fan_out) so that activations keep their scale; the gain corrects for the activation (5/3 for tanh). He uses 2/fan_in for ReLU.',
      'Too small and the activations vanish layer after layer; too large and tanh saturates. Try init=normal in the network settings.',
    ],
    more: { view: 'init', text: 'The Initialisation view: the schemes side by side, layer by layer' },
    formula: 'W_{ij} \\sim \\mathcal{N}\\!\\left(0,\\; \\text{gain}^2 \\frac{2}{n_{\\text{in}} + n_{\\text{out}}}\\right)',
    look: 'A six-layer tanh network with Xavier\'s initialisation and tanh\'s gain trains; change the initialisation to compare.',
    demo: { view: 'train', state: 't.data=spiral&t.hidden=32,32,32,32,32,32&t.act=tanh&t.init=xavierNormal&t.gain=auto&t.batch=32&t.epochs=100&t.opt=adam(lr:0.01)', hide: [] },
  },
]);

/** The step with this id, or undefined. */
export function findStep(id) {
  return TOUR_STEPS.find((s) => s.id === id);
}

/** The index of a step id (0 for an unknown one: the tour starts at the beginning). */
export function stepIndex(id) {
  return Math.max(0, TOUR_STEPS.findIndex((s) => s.id === id));
}
