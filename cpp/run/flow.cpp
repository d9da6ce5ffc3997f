#include "run/flow.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace descent {
namespace {

const std::string kContext = "integrateFlow options";
// Attempted steps; a stiff flow stops instead of hanging (about a second natively at the limit).
// The fuzz build (tests/fuzz) lowers it: instrumented, the full limit takes over a minute.
#ifndef DESCENT_FLOW_MAX_STEPS
#define DESCENT_FLOW_MAX_STEPS 2000000
#endif
constexpr long long kMaxSteps = DESCENT_FLOW_MAX_STEPS;
constexpr double kExplosion = 1e12;       // |f| > kExplosion (1 + |f(x0)|) counts as divergence
constexpr double kMaxSamples = 1e7;       // numbers in xs: 80 MB, about what a browser tab can spare

// Dormand-Prince 5(4) tableau (Hairer, Norsett & Wanner, Solving ODEs I, table 5.2).
constexpr double c2 = 1.0 / 5, c3 = 3.0 / 10, c4 = 4.0 / 5, c5 = 8.0 / 9;
constexpr double a21 = 1.0 / 5;
constexpr double a31 = 3.0 / 40, a32 = 9.0 / 40;
constexpr double a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9;
constexpr double a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729;
constexpr double a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176,
                 a65 = -5103.0 / 18656;
constexpr double b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784, b6 = 11.0 / 84;
// 5th- minus 4th-order weights: the local error estimate.
constexpr double e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200,
                 e6 = 22.0 / 525, e7 = -1.0 / 40;

// The right-hand side y' = F(t, y) of either flow, with buffers so evaluation allocates nothing.
class System {
 public:
  System(const Objective& f, bool second_order) : f_(f), n_(f.dimension()), second_order_(second_order) {
    x_.resize(n_);
    g_.resize(n_);
  }
  Index size() const { return second_order_ ? 2 * n_ : n_; }

  void rhs(double t, const Vec& y, Vec& dy) {
    if (!second_order_) {  // gradient flow: y = x
      f_.gradient(y, dy);
      dy = -dy;
      return;
    }
    x_ = y.head(n_);  // Nesterov's ODE as a first-order system: y = (x, v), v = x'
    f_.gradient(x_, g_);
    dy.head(n_) = y.tail(n_);
    dy.tail(n_) = -(3 / t) * y.tail(n_) - g_;
  }

  // f at the position part of the state.
  double value(const Vec& y) {
    x_ = y.head(n_);
    return f_.value(x_);
  }

 private:
  const Objective& f_;
  Index n_;
  bool second_order_;
  Vec x_, g_;
};

struct Solver {
  System& sys;
  double rtol, atol;
  Vec k1, k2, k3, k4, k5, k6, k7, tmp, next;

  explicit Solver(System& s, double r, double a) : sys(s), rtol(r), atol(a) {
    for (Vec* v : {&k1, &k2, &k3, &k4, &k5, &k6, &k7, &tmp, &next}) v->setZero(s.size());
  }

  // RMS of v scaled by the tolerance at y (and at `next`, when `both`).
  double norm(const Vec& v, const Vec& y, bool both) const {
    double sum = 0;
    for (Index i = 0; i < v.size(); ++i) {
      const double scale = atol + rtol * (both ? std::max(std::abs(y[i]), std::abs(next[i])) : std::abs(y[i]));
      sum += (v[i] / scale) * (v[i] / scale);
    }
    return std::sqrt(sum / double(v.size()));
  }

  // One trial step of size h from (t, y) with k1 = F(t, y); leaves y(t + h) in `next`, F there in
  // k7 (first same as last), and returns the scaled error estimate (<= 1 means acceptable).
  double step(double t, const Vec& y, double h) {
    tmp = y + h * (a21 * k1);
    sys.rhs(t + c2 * h, tmp, k2);
    tmp = y + h * (a31 * k1 + a32 * k2);
    sys.rhs(t + c3 * h, tmp, k3);
    tmp = y + h * (a41 * k1 + a42 * k2 + a43 * k3);
    sys.rhs(t + c4 * h, tmp, k4);
    tmp = y + h * (a51 * k1 + a52 * k2 + a53 * k3 + a54 * k4);
    sys.rhs(t + c5 * h, tmp, k5);
    tmp = y + h * (a61 * k1 + a62 * k2 + a63 * k3 + a64 * k4 + a65 * k5);
    sys.rhs(t + h, tmp, k6);
    next = y + h * (b1 * k1 + b3 * k3 + b4 * k4 + b5 * k5 + b6 * k6);
    sys.rhs(t + h, next, k7);
    tmp = h * (e1 * k1 + e3 * k3 + e4 * k4 + e5 * k5 + e6 * k6 + e7 * k7);
    return norm(tmp, y, true);
  }

  // Hairer's starting step: a size at which an Euler step's error is about the tolerance.
  double initial_step(double t, const Vec& y, double span) {
    const double d0 = norm(y, y, false), d1 = norm(k1, y, false);
    double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
    h0 = std::min(h0, span);
    next = y + h0 * k1;
    sys.rhs(t + h0, next, k2);
    tmp = k2 - k1;
    const double d2 = norm(tmp, y, false) / h0, d = std::max(d1, d2);
    const double h1 = (d <= 1e-15 || !std::isfinite(d)) ? std::max(1e-6, h0 * 1e-3) : std::pow(0.01 / d, 0.2);
    const double h = std::min(100 * h0, h1);
    return std::isfinite(h) && h > 0 ? h : 1e-6 * span;  // a non-finite gradient at the start
  }
};

// A state that left the numbers, or a value past `limit`: the flow has run off to infinity.
bool diverged(const Vec& y, double value, double limit) {
  return !y.allFinite() || !std::isfinite(value) || std::abs(value) > limit;
}

}  // namespace

const std::vector<ParamSpec>& flow_params() {
  static const std::vector<ParamSpec> table = [] {
    std::vector<ParamSpec> t(6);
    t[0].name = "kind";
    t[0].kind = ParamKind::Choice;
    t[0].choices = {"gradient", "nesterov"};
    t[0].required = true;
    t[0].help = "'gradient' for dx/dt = -grad f(x), 'nesterov' for x'' + (3/t) x' + grad f(x) = 0";
    t[1].name = "x0";
    t[1].kind = ParamKind::Numbers;
    t[1].required = true;
    t[1].symbol = R"(\boldsymbol{x}^0)";
    t[1].help = "the start point, one number per dimension of the objective";
    t[2].name = "tEnd";
    t[2].min = 0;
    t[2].min_open = true;
    t[2].required = true;
    t[2].symbol = "T";
    t[2].help = "the end of the time span [0, tEnd]";
    t[3].name = "points";
    t[3].kind = ParamKind::Integer;
    t[3].number = 201;
    t[3].min = 2;
    t[3].max = 100000;
    t[3].help = "number of samples, uniformly spaced on [0, tEnd]";
    t[4].name = "rtol";
    t[4].number = 1e-8;
    t[4].help = "relative error tolerance of each step";
    t[5].name = "atol";
    t[5].number = 1e-10;
    t[5].help = "absolute error tolerance of each step";
    for (auto* p : {&t[4], &t[5]}) {
      p->min = 0;
      p->min_open = true;
      p->log_scale = true;
    }
    return t;
  }();
  return table;
}

FlowResult integrate_flow(const Objective& f, const Spec& options) {
  const Params p = read_params(options, flow_params(), kContext, {});
  const bool nesterov = p.choice("kind") == "nesterov";
  const auto& x0_list = p.numbers("x0");
  const Index n = f.dimension();
  if (Index(x0_list.size()) != n)
    fail(kContext + ": option 'x0' must have length " + std::to_string(n) + " (the objective's dimension), got " +
         std::to_string(x0_list.size()));
  const double t_end = p.number("tEnd");
  const long long points = p.integer("points");
  if (double(points) * double(n) > kMaxSamples)
    fail(kContext + ": option 'points' times the dimension must be at most " + format_number(kMaxSamples) +
         ", got " + std::to_string(points) + " x " + std::to_string(n));

  const Vec x0 = Eigen::Map<const Vec>(x0_list.data(), n);
  const double f0 = f.value(x0);
  if (!std::isfinite(f0)) fail(kContext + ": option 'x0': the objective is not finite there, f(x0) = " + format_number(f0));
  const double limit = kExplosion * (1 + std::abs(f0));

  FlowResult result;
  result.t.reserve(std::size_t(points));
  result.xs.reserve(std::size_t(points * n));
  result.values.reserve(std::size_t(points));
  auto record = [&](double t, const Vec& y, double value) {
    result.t.push_back(t);
    for (Index i = 0; i < n; ++i) result.xs.push_back(y[i]);
    result.values.push_back(value);
  };
  auto stop = [&](std::string reason) {
    result.stopped_early = true;
    result.reason = std::move(reason);
  };
  record(0, x0, f0);

  System sys(f, nesterov);
  Solver solver(sys, p.number("rtol"), p.number("atol"));
  Vec y(sys.size());
  double t = 0;
  if (nesterov) {
    // The ODE is singular at t = 0; start a little later on its series solution. t0 lies well
    // before the first sample (tEnd / 99999 at the most points).
    t = 1e-6 * std::min(1.0, t_end);
    Vec g(n);
    f.gradient(x0, g);
    y.head(n) = x0 - (t * t / 8) * g;
    y.tail(n) = -(t / 4) * g;
  } else {
    y = x0;
  }
  sys.rhs(t, y, solver.k1);
  double h = solver.initial_step(t, y, t_end - t);

  long long steps = 0;
  for (long long j = 1; j < points && !result.stopped_early; ++j) {
    const double t_out = j + 1 == points ? t_end : t_end * double(j) / double(points - 1);
    while (t < t_out) {
      if (steps++ >= kMaxSteps) {
        stop("step limit of " + std::to_string(kMaxSteps) + " steps reached at t = " + format_number(t) +
             " (the flow is too stiff for this tolerance or time span)");
        break;
      }
      // Land exactly on the sample time rather than interpolating past it.
      const bool last = t + h >= t_out * (1 - 1e-12);
      const double h_try = last ? t_out - t : h;
      const double err = solver.step(t, y, h_try);
      if (!(err <= 1)) {  // rejected, also when the error is NaN
        h = h_try * (std::isfinite(err) ? std::max(0.2, 0.9 * std::pow(err, -0.2)) : 0.2);
        if (!(h >= 1e-13 * std::max(std::abs(t), 1e-6 * t_end))) {  // too small to move t
          stop("diverged at t = " + format_number(t) + ": the step size underflowed");
          break;
        }
        continue;
      }
      t = last ? t_out : t + h_try;
      y = solver.next;
      std::swap(solver.k1, solver.k7);
      const double h_new = h_try * std::min(5.0, std::max(0.2, err == 0 ? 5.0 : 0.9 * std::pow(err, -0.2)));
      h = last ? std::max(h, h_new) : h_new;  // a step shortened to land on t_out says little
      const double value = sys.value(y);
      if (diverged(y, value, limit)) {
        stop("diverged at t = " + format_number(t) + ": " +
             (std::isfinite(value) && y.allFinite() ? "|f(x)| exceeded 1e12 (1 + |f(x0)|)"
                                                    : "the state is no longer finite"));
        break;
      }
    }
    if (!result.stopped_early) record(t_out, y, sys.value(y));
  }
  return result;
}

}  // namespace descent
