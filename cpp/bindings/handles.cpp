#include "bindings/handles.hpp"

#include <cmath>

#include "bindings/convert.hpp"
#include "bindings/js_error.hpp"
#include "core/error.hpp"
#include "optim/registry.hpp"

namespace descent::bindings {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

val params_to_js(const Params& params, const std::vector<ParamSpec>& table) {
  val out = val::object();
  for (const auto& p : table) {
    if (!params.has(p.name)) continue;
    switch (p.kind) {
      case ParamKind::Number:
      case ParamKind::Integer: out.set(p.name, params.number(p.name)); break;
      case ParamKind::Boolean: out.set(p.name, params.flag(p.name)); break;
      case ParamKind::Pair: {
        val pair = val::array();
        pair.call<void>("push", params.pair(p.name)[0]);
        pair.call<void>("push", params.pair(p.name)[1]);
        out.set(p.name, pair);
        break;
      }
      case ParamKind::Choice: out.set(p.name, params.choice(p.name)); break;
      case ParamKind::Numbers: out.set(p.name, to_float64_array(params.numbers(p.name))); break;
      case ParamKind::Object: break;  // nested specs (schedules) are the caller's own objects
    }
  }
  return out;
}

}  // namespace

val OptimizerHandle::step(val params, val grads, val hessian) {
  return guarded([&]() -> val {
    const std::string context = "optimizer '" + optimizer_->info().type + "'";
    if (!params.instanceof(val::global("Float64Array")))
      fail(context + ": params must be a Float64Array (it is updated in place), got " +
           params.typeOf().as<std::string>());
    Vec x = to_vec(params, "params");
    const Vec g = to_vec(grads, "grads");
    Mat h;
    const bool has_hessian = !hessian.isUndefined() && !hessian.isNull();
    if (has_hessian) {
      const Vec flat = to_vec(hessian, "hessian");
      if (flat.size() != x.size() * x.size())
        fail(context + ": hessian must hold d*d = " + std::to_string(x.size() * x.size()) +
             " numbers (row-major), got " + std::to_string(flat.size()));
      h = Eigen::Map<const RowMajor>(flat.data(), x.size(), x.size());
    }
    optimizer_->step(x, g, has_hessian ? &h : nullptr);
    for (Index i = 0; i < x.size(); ++i)
      if (!std::isfinite(x[i]))
        fail(context + ": the step made params[" + std::to_string(i) +
             "] non-finite: the run has diverged (lower the learning rate, then reset()); params were left unchanged");
    params.call<void>("set", val(emscripten::typed_memory_view(static_cast<std::size_t>(x.size()), x.data())));
    return params;
  });
}

void OptimizerHandle::reset() {
  guarded([&] { optimizer_->reset(); });
}

val OptimizerHandle::state() const {
  return guarded([&]() -> val {
    val out = val::object();
    for (const auto& entry : optimizer_->state()) out.set(entry.name, to_float64_array(entry.value));
    return out;
  });
}

std::string OptimizerHandle::type() const { return optimizer_->info().type; }

val OptimizerHandle::options() const {
  return guarded([&] { return params_to_js(optimizer_->params(), optimizer_->info().options); });
}

double OptimizerHandle::currentLr() const {
  return guarded([&] { return optimizer_->current_lr(); });
}

double OptimizerHandle::stepsTaken() const { return static_cast<double>(optimizer_->steps_taken()); }

Vec ObjectiveHandle::point(const val& x) const {
  Vec v = to_vec(x, "x");
  if (v.size() != objective_->dimension())
    fail("objective '" + type_ + "': x has length " + std::to_string(v.size()) + " but the objective has dimension " +
         std::to_string(objective_->dimension()));
  return v;
}

double ObjectiveHandle::value(val x) const {
  return guarded([&] { return objective_->value(point(x)); });
}

val ObjectiveHandle::gradient(val x) const {
  return guarded([&]() -> val {
    Vec g(objective_->dimension());
    objective_->gradient(point(x), g);
    return to_float64_array(g);
  });
}

val ObjectiveHandle::hessian(val x) const {
  return guarded([&]() -> val {
    Mat h(objective_->dimension(), objective_->dimension());
    objective_->hessian(point(x), h);
    const RowMajor row_major = h;
    return to_float64_array(row_major.data(), static_cast<std::size_t>(row_major.size()));
  });
}

int ObjectiveHandle::dimension() const { return static_cast<int>(objective_->dimension()); }

val ObjectiveHandle::minimum() const {
  return guarded([&]() -> val {
    const auto minimum = objective_->minimum();
    if (!minimum) return val::null();
    val out = val::object();
    out.set("x", to_float64_array(minimum->x));
    out.set("value", minimum->value);
    return out;
  });
}

val ObjectiveHandle::window() const {
  return guarded([&]() -> val {
    const Window w = objective_->window();
    val out = val::object();
    out.set("xMin", w.x_min);
    out.set("xMax", w.x_max);
    out.set("yMin", w.y_min);
    out.set("yMax", w.y_max);
    out.set("start", to_float64_array(w.start));
    return out;
  });
}

val ObjectiveHandle::valuesOnGrid(val grid) const {
  return guarded([&]() -> val {
    const std::string context = "objective '" + type_ + "': valuesOnGrid";
    if (objective_->dimension() != 2) fail(context + " needs a 2-D objective");
    const Params p = read_params(
        to_spec(grid, "grid"),
        {param::number("xMin", 0).required(), param::number("xMax", 1).required(), param::number("yMin", 0).required(),
         param::number("yMax", 1).required(), param::integer("nx", 100).at_least(2).at_most(2000),
         param::integer("ny", 100).at_least(2).at_most(2000)},
        context, {"start"});  // so that window() can be passed as it is
    const double x0 = p.number("xMin"), x1 = p.number("xMax"), y0 = p.number("yMin"), y1 = p.number("yMax");
    if (!(x1 > x0) || !(y1 > y0)) fail(context + ": needs xMax > xMin and yMax > yMin");
    const long long nx = p.integer("nx"), ny = p.integer("ny");
    std::vector<double> values(static_cast<std::size_t>(nx * ny));
    Vec x(2);
    for (long long j = 0; j < ny; ++j)
      for (long long i = 0; i < nx; ++i) {
        x << x0 + (x1 - x0) * static_cast<double>(i) / static_cast<double>(nx - 1),
            y0 + (y1 - y0) * static_cast<double>(j) / static_cast<double>(ny - 1);
        values[static_cast<std::size_t>(j * nx + i)] = objective_->value(x);
      }
    return to_float64_array(values);
  });
}

}  // namespace descent::bindings
