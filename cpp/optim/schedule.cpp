#include "optim/schedule.hpp"

#include <cmath>

#include "core/error.hpp"

namespace descent {
namespace {

constexpr double kPi = 3.14159265358979323846;
// Periods longer than a billion epochs mean nothing to a run and would risk integer overflow in
// the restart arithmetic (periods times tMult stay far below 2^63).
constexpr double kMaxPeriod = 1e9;

double cosine_between(double base, double eta_min, double fraction) {
  return eta_min + (base - eta_min) * (1 + std::cos(kPi * fraction)) / 2;
}

Schedule make_constant(const Params&) {
  return [](double base, long long) { return base; };
}

Schedule make_step(const Params& p) {
  const long long step_size = p.integer("stepSize");
  const double gamma = p.number("gamma");
  return [=](double base, long long e) { return base * std::pow(gamma, static_cast<double>(e / step_size)); };
}

Schedule make_exponential(const Params& p) {
  const double gamma = p.number("gamma");
  return [=](double base, long long e) { return base * std::pow(gamma, static_cast<double>(e)); };
}

Schedule make_cosine(const Params& p) {
  const double t_max = static_cast<double>(p.integer("tMax"));
  const double eta_min = p.number("etaMin");
  // PyTorch's CosineAnnealingLR keeps following the cosine after tMax (it rises again).
  return [=](double base, long long e) { return cosine_between(base, eta_min, static_cast<double>(e) / t_max); };
}

// Where epoch e falls in SGDR's periods t0, t0 tMult, t0 tMult^2, ...: the fraction of its period
// already done. Constant periods are a modulo and growing ones take at most log_tMult(e / t0) + 1
// steps, so a far epoch costs nothing (a loop over periods of one epoch once hung on epoch 4e9).
double restart_fraction(long long e, long long t0, long long t_mult) {
  if (t_mult == 1) return static_cast<double>(e % t0) / static_cast<double>(t0);
  long long t_cur = e, t_i = t0;
  while (t_cur >= t_i) {
    t_cur -= t_i;
    // The next period is longer than what is left: stop before t_i * tMult could overflow.
    if (t_i > t_cur / t_mult) return static_cast<double>(t_cur) / (static_cast<double>(t_i) * t_mult);
    t_i *= t_mult;
  }
  return static_cast<double>(t_cur) / static_cast<double>(t_i);
}

Schedule make_warm_restarts(const Params& p) {
  const long long t0 = p.integer("t0"), t_mult = p.integer("tMult");
  const double eta_min = p.number("etaMin");
  return [=](double base, long long e) { return cosine_between(base, eta_min, restart_fraction(e, t0, t_mult)); };
}

Schedule make_linear(const Params& p) {
  const double start = p.number("startFactor"), end = p.number("endFactor");
  const long long total = p.integer("totalIters");
  return [=](double base, long long e) {
    const double progress = static_cast<double>(std::min(e, total)) / static_cast<double>(total);
    return base * (start + (end - start) * progress);
  };
}

Schedule make_warmup(const Params& p) {
  const long long steps = p.integer("steps");
  const double start = p.number("startFactor");
  const Schedule then = p.has("then") ? make_schedule(p.object("then")) : make_constant(p);
  return [=](double base, long long e) {
    if (e < steps) return base * (start + (1 - start) * static_cast<double>(e) / static_cast<double>(steps));
    return then(base, e - steps);
  };
}

std::vector<ScheduleInfo> build_registry() {
  const ParamSpec eta_min = param::number("etaMin", 0).at_least(0).symbol("\\eta_{\\min}").torch("eta_min")
                                .help("the lowest learning rate");
  return {
      {"constant", "Constant", "\\eta_t = \\eta", "no scheduler", {}, &make_constant},
      {"step",
       "Step decay",
       "\\eta_t = \\eta\\,\\gamma^{\\lfloor t / s \\rfloor}",
       "torch.optim.lr_scheduler.StepLR(step_size=s, gamma=γ)",
       {param::integer("stepSize", 10).at_least(1).at_most(kMaxPeriod).required().symbol("s").torch("step_size")
            .help("epochs between decays"),
        param::number("gamma", 0.1).above(0).symbol("\\gamma").torch("gamma").help("factor applied at each decay")},
       &make_step},
      {"exponential",
       "Exponential decay",
       "\\eta_t = \\eta\\,\\gamma^{t}",
       "torch.optim.lr_scheduler.ExponentialLR(gamma=γ)",
       {param::number("gamma", 0.95).above(0).required().symbol("\\gamma").torch("gamma")
            .help("factor applied every epoch")},
       &make_exponential},
      {"cosine",
       "Cosine annealing",
       "\\eta_t = \\eta_{\\min} + \\tfrac12(\\eta - \\eta_{\\min})\\left(1 + \\cos\\tfrac{\\pi t}{T}\\right)",
       "torch.optim.lr_scheduler.CosineAnnealingLR(T_max=T, eta_min=η_min)",
       {param::integer("tMax", 100).at_least(1).at_most(kMaxPeriod).required().symbol("T").torch("T_max")
            .help("epochs from the initial rate down to etaMin"),
        eta_min},
       &make_cosine},
      {"cosineWarmRestarts",
       "Cosine with warm restarts (SGDR)",
       "\\eta_t = \\eta_{\\min} + \\tfrac12(\\eta - \\eta_{\\min})\\left(1 + \\cos\\tfrac{\\pi T_{cur}}{T_i}\\right),"
       "\\; T_i = T_0 T_{mult}^{i}",
       "torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)",
       {param::integer("t0", 10).at_least(1).at_most(kMaxPeriod).required().symbol("T_0").torch("T_0")
            .help("length of the first period, in epochs"),
        param::integer("tMult", 1).at_least(1).at_most(1000).symbol("T_{mult}").torch("T_mult")
            .help("each period is this many times longer than the last"),
        eta_min},
       &make_warm_restarts},
      {"linear",
       "Linear",
       "\\eta_t = \\eta\\left(f_0 + (f_1 - f_0)\\min(t, T)/T\\right)",
       "torch.optim.lr_scheduler.LinearLR(start_factor=f₀, end_factor=f₁, total_iters=T)",
       {param::number("startFactor", 1.0 / 3).above(0).at_most(1).symbol("f_0").torch("start_factor")
            .help("multiplier at epoch 0"),
        param::number("endFactor", 1).at_least(0).at_most(1).symbol("f_1").torch("end_factor")
            .help("multiplier from epoch T on"),
        param::integer("totalIters", 5).at_least(1).at_most(kMaxPeriod).symbol("T").torch("total_iters")
            .help("epochs to go from startFactor to endFactor")},
       &make_linear},
      {"warmup",
       "Linear warm-up, then another schedule",
       "\\eta_t = \\eta\\left(f_0 + (1 - f_0)\\,t/W\\right) \\text{ for } t < W, "
       "\\text{ then the next schedule at } t - W",
       "torch.optim.lr_scheduler.SequentialLR([LinearLR(start_factor=f₀, total_iters=W), next], milestones=[W])",
       {param::integer("steps", 5).at_least(1).at_most(kMaxPeriod).required().symbol("W").torch("total_iters")
            .help("warm-up length in epochs"),
        param::number("startFactor", 0.1).above(0).at_most(1).symbol("f_0").torch("start_factor")
            .help("multiplier at epoch 0"),
        param::object("then").optional()
            .help("the schedule that follows the warm-up, counted from its end (default: constant)")},
       &make_warmup},
  };
}

}  // namespace

const std::vector<ScheduleInfo>& schedule_registry() {
  static const std::vector<ScheduleInfo> registry = build_registry();
  return registry;
}

Schedule make_schedule(const Spec& spec) {
  if (spec.is_undefined() || spec.kind() == Spec::Kind::Null) return make_constant(Params{});
  std::vector<std::string> types;
  for (const auto& info : schedule_registry()) types.push_back(info.type);
  const std::string type = read_type(spec, "schedule", types);
  for (const auto& info : schedule_registry())
    if (info.type == type) return info.make(read_params(spec, info.params, "schedule '" + type + "'"));
  fail("internal: schedule '" + type + "' not registered");
}

std::vector<double> schedule_lrs(const Spec& spec, double base_lr, long long epochs) {
  if (!std::isfinite(base_lr) || base_lr <= 0) fail("scheduleLrs: baseLr must be > 0, got " + format_number(base_lr));
  if (epochs < 0 || epochs > 10'000'000)
    fail("scheduleLrs: epochs must be in [0, 10000000], got " + std::to_string(epochs));
  const Schedule schedule = make_schedule(spec);
  std::vector<double> lrs(static_cast<std::size_t>(epochs));
  for (long long e = 0; e < epochs; ++e) lrs[static_cast<std::size_t>(e)] = schedule(base_lr, e);
  return lrs;
}

}  // namespace descent
