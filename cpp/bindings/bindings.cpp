// The module's whole JavaScript surface: Embind declarations and the free functions behind
// them. Every name here is declared in descent.d.ts (a test compares the two).
#include <emscripten/bind.h>
#include <malloc.h>

#include <cstdlib>

#include "bindings/convert.hpp"
#include "bindings/experiment_handle.hpp"
#include "bindings/handles.hpp"
#include "bindings/network_handle.hpp"
#include "bindings/js_error.hpp"
#include "core/error.hpp"
#include "nn/init_scale.hpp"
#include "objectives/objective.hpp"
#include "optim/registry.hpp"
#include "optim/schedule.hpp"
#include "run/flow.hpp"
#include "run/minimize.hpp"
#include "run/momentum_rate.hpp"

namespace descent::bindings {
namespace {

double read_number_arg(const val& value, const std::string& what) {
  if (value.typeOf().as<std::string>() != "number")
    fail(what + " must be a number, got " + value.typeOf().as<std::string>());
  return value.as<double>();
}

std::unique_ptr<OptimizerHandle> createOptimizer(val spec) {
  return guarded([&] { return std::make_unique<OptimizerHandle>(make_optimizer(to_spec(spec, "optimizer"))); });
}

std::unique_ptr<ObjectiveHandle> createObjective(val spec) {
  return guarded([&] {
    const Spec s = to_spec(spec, "objective");
    auto objective = make_objective(s);
    return std::make_unique<ObjectiveHandle>(std::move(objective), s.find("type")->as_string());
  });
}

val listOptimizers() {
  return guarded([] {
    return array_of(optimizer_registry(), [](const OptimizerInfo& info) {
      val o = registry_entry(info.type, info.label, info.options);
      o.set("family", info.family);
      o.set("formula", info.formula);
      o.set("torch", info.torch);
      o.set("notes", info.notes);
      o.set("needsHessian", info.needs_hessian);
      o.set("maxDimension", info.max_dimension > 0 ? val(static_cast<double>(info.max_dimension)) : val::null());
      return o;
    });
  });
}

val listSchedules() {
  return guarded([] {
    return array_of(schedule_registry(), [](const ScheduleInfo& info) {
      val o = registry_entry(info.type, info.label, info.params);
      o.set("formula", info.formula);
      o.set("torch", info.torch);
      return o;
    });
  });
}

val listObjectives() {
  return guarded([] {
    return array_of(objective_registry(), [](const ObjectiveInfo& info) {
      val o = registry_entry(info.type, info.label, info.params);
      o.set("formula", info.formula);
      o.set("notes", info.notes);
      o.set("anyDimension", info.any_dimension);
      return o;
    });
  });
}

val scheduleLrs(val spec, val base_lr, val epochs) {
  return guarded([&]() -> val {
    const double base = read_number_arg(base_lr, "scheduleLrs: baseLr");
    const double n = read_number_arg(epochs, "scheduleLrs: epochs");
    if (std::floor(n) != n) fail("scheduleLrs: epochs must be a whole number, got " + format_number(n));
    return to_float64_array(schedule_lrs(to_spec(spec, "schedule"), base, static_cast<long long>(n)));
  });
}

double calculateGain(val nonlinearity, val parameter) {
  return guarded([&] {
    if (nonlinearity.typeOf().as<std::string>() != "string")
      fail("calculateGain: nonlinearity must be a string such as 'relu', got " + nonlinearity.typeOf().as<std::string>());
    std::optional<double> slope;
    if (!parameter.isUndefined() && !parameter.isNull()) slope = read_number_arg(parameter, "calculateGain: param");
    return calculate_gain(nonlinearity.as<std::string>(), slope);
  });
}

val initScale(val spec) {
  return guarded([&]() -> val {
    const InitScale scale = init_scale(to_spec(spec, "init"));
    val out = val::object();
    out.set("distribution", scale.distribution);
    out.set("std", scale.std);
    out.set("bound", scale.bound);
    return out;
  });
}

val minimize(val objective, val optimizer, val options) {
  return guarded([&]() -> val {
    const RunResult r = descent::minimize(to_spec(objective, "objective"), to_spec(optimizer, "optimizer"),
                                          to_spec(options, "minimize options"));
    val out = val::object();
    out.set("dimension", static_cast<double>(r.dimension));
    out.set("steps", static_cast<double>(r.steps));
    out.set("xs", to_float64_array(r.xs));
    out.set("grads", to_float64_array(r.grads));
    out.set("values", to_float64_array(r.values));
    out.set("gradNorms", to_float64_array(r.grad_norms));
    out.set("lrs", to_float64_array(r.lrs));
    out.set("x", to_float64_array(r.x));
    out.set("fStar", r.f_star ? val(*r.f_star) : val::null());
    out.set("converged", r.converged);
    out.set("diverged", r.diverged);
    out.set("divergedAt", static_cast<double>(r.diverged_at));
    out.set("reason", r.reason);
    val states = val::object();
    for (const auto& name : r.state_names) states.set(name, to_float64_array(r.states.at(name)));
    out.set("states", states);
    return out;
  });
}

val integrateFlow(val objective, val options) {
  return guarded([&]() -> val {
    const auto f = make_objective(to_spec(objective, "objective"));
    const FlowResult r = integrate_flow(*f, to_spec(options, "integrateFlow options"));
    val out = val::object();
    out.set("dimension", static_cast<double>(f->dimension()));
    out.set("t", to_float64_array(r.t));
    out.set("xs", to_float64_array(r.xs));
    out.set("values", to_float64_array(r.values));
    out.set("stoppedEarly", r.stopped_early);
    out.set("reason", r.reason);
    return out;
  });
}

val step_and_rate(const StepAndRate& s) {
  val out = val::object();
  out.set("lr", s.eta);
  out.set("momentum", s.mu);
  out.set("rate", s.rate);
  return out;
}

val momentumRateMap(val options) {
  return guarded([&]() -> val {
    const MomentumRateMap m = momentum_rate_map(to_spec(options, "momentumRateMap options"));
    val out = val::object();
    out.set("alpha", m.alpha);
    out.set("beta", m.beta);
    out.set("resolution", m.resolution);
    out.set("lrs", to_float64_array(m.etas));
    out.set("momenta", to_float64_array(m.mus));
    out.set("rates", to_float64_array(m.rates));
    out.set("bestIndex", m.best_index);
    out.set("best", step_and_rate(m.best));
    out.set("optimum", step_and_rate(m.optimum));
    out.set("gd", step_and_rate(m.gd));
    out.set("lecture", step_and_rate(m.lecture));
    out.set("at", m.at ? step_and_rate(*m.at) : val::null());
    return out;
  });
}

// Bytes of the WebAssembly heap in use by malloc: tests use it to show that errors and
// create/delete cycles leave nothing behind.
double heapBytesInUse() { return static_cast<double>(mallinfo().uordblks); }

// A real abort inside the module (as a failed check in C++ would be): the page's tests use it to
// check that a dead module is reported and the worker restarted with the setup kept.
[[noreturn]] void abortForTesting() { std::abort(); }

}  // namespace
}  // namespace descent::bindings

EMSCRIPTEN_BINDINGS(descent) {
  using namespace emscripten;
  using namespace descent::bindings;

  class_<OptimizerHandle>("Optimizer")
      .function("step", &OptimizerHandle::step)
      .function("reset", &OptimizerHandle::reset)
      .function("state", &OptimizerHandle::state)
      .function("type", &OptimizerHandle::type)
      .function("options", &OptimizerHandle::options)
      .function("currentLr", &OptimizerHandle::currentLr)
      .function("stepsTaken", &OptimizerHandle::stepsTaken);

  class_<ObjectiveHandle>("Objective")
      .function("value", &ObjectiveHandle::value)
      .function("gradient", &ObjectiveHandle::gradient)
      .function("hessian", &ObjectiveHandle::hessian)
      .function("dimension", &ObjectiveHandle::dimension)
      .function("minimum", &ObjectiveHandle::minimum)
      .function("window", &ObjectiveHandle::window)
      .function("valuesOnGrid", &ObjectiveHandle::valuesOnGrid)
      .function("type", &ObjectiveHandle::type);

  class_<ExperimentHandle>("Experiment")
      .function("run", &ExperimentHandle::run)
      .function("history", &ExperimentHandle::history)
      .function("predictGrid", &ExperimentHandle::predictGrid)
      .function("layerStats", &ExperimentHandle::layerStats)
      .function("layerHistograms", &ExperimentHandle::layerHistograms)
      .function("weights", &ExperimentHandle::weights)
      .function("optimizerState", &ExperimentHandle::optimizerState)
      .function("predictions", &ExperimentHandle::predictions)
      .function("data", &ExperimentHandle::data)
      .function("info", &ExperimentHandle::info);

  class_<NetworkHandle>("Network")
      .function("parameterCount", &NetworkHandle::parameterCount)
      .function("lossAndGradient", &NetworkHandle::lossAndGradient)
      .function("predict", &NetworkHandle::predict)
      .function("initialParameters", &NetworkHandle::initialParameters);

  function("createOptimizer", &createOptimizer);
  function("createNetwork", &create_network);
  function("createExperiment", &create_experiment);
  function("listDatasets", &list_datasets);
  function("provideDataset", &provide_dataset_bytes);
  function("createObjective", &createObjective);
  function("listOptimizers", &listOptimizers);
  function("listSchedules", &listSchedules);
  function("listObjectives", &listObjectives);
  function("scheduleLrs", &scheduleLrs);
  function("calculateGain", &calculateGain);
  function("initScale", &initScale);
  function("minimize", &minimize);
  function("integrateFlow", &integrateFlow);
  function("momentumRateMap", &momentumRateMap);
  function("heapBytesInUse", &heapBytesInUse);
  function("abortForTesting", &abortForTesting);
}
