// The native contender of `npm run bench`: the library's own C++ (descent::Experiment), compiled by
// g++ -O3 without -march, driven by the same experiment spec as the WebAssembly build. It stays
// alive as a child process so the harness can alternate timed windows with the other contenders.
//
// Line protocol (stdin -> stdout, one reply line per command):
//   setup <experiment spec as one line of JSON>  -> ok <parameter count> <steps per epoch>
//   run <steps>                                  -> ok <steps> <seconds> <last mini-batch loss> <diverged 0|1>
//   weights                                      -> ok <n> <w_0> ... <w_n-1>   (%.17g: exact doubles)
//   grid <resolution> <repeats>                  -> ok <ms per predict_grid of network 0, each repeat>
//   info                                         -> ok <JSON: compiler and flags>
//   quit                                         -> (exits)
// (tests/bench/contenders/serve.mjs is the same protocol for the JavaScript contenders.)
// Any failure answers `error <message>` and the process stays usable.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/spec.hpp"
#include "nn/experiment.hpp"

namespace {

using descent::Spec;

// Just enough JSON for an experiment spec (objects, arrays, numbers, strings, booleans, null);
// the library has no JSON reader since the bindings convert JavaScript values directly.
class JsonReader {
 public:
  explicit JsonReader(const std::string& text) : s_(text) {}

  Spec document() {
    Spec v = value();
    skip();
    if (i_ != s_.size()) fail("trailing characters");
    return v;
  }

 private:
  const std::string& s_;
  std::size_t i_ = 0;

  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string("bad JSON at ") + std::to_string(i_) + ": " + what);
  }
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }
  bool eat(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail("unexpected character");
  }
  bool literal(const char* word) {
    const std::string w(word);
    if (s_.compare(i_, w.size(), w) != 0) return false;
    i_ += w.size();
    return true;
  }

  std::string string() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) fail("bad escape");
        c = s_[i_++];
        if (c == 'n') c = '\n';
        else if (c == 't') c = '\t';
        else if (c == 'u') fail("\\u escapes are not needed by the bench");
      }
      out += c;
    }
    expect('"');
    return out;
  }

  Spec value() {
    skip();
    if (i_ >= s_.size()) fail("unexpected end");
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      Spec obj = Spec::object();
      if (eat('}')) return obj;
      do {
        skip();
        std::string key = string();
        expect(':');
        obj.set(std::move(key), value());
      } while (eat(','));
      expect('}');
      return obj;
    }
    if (c == '[') {
      ++i_;
      std::vector<Spec> items;
      if (eat(']')) return Spec::array();
      do items.push_back(value());
      while (eat(','));
      expect(']');
      return Spec::array(std::move(items));
    }
    if (c == '"') return Spec::string(string());
    if (literal("true")) return Spec::boolean(true);
    if (literal("false")) return Spec::boolean(false);
    if (literal("null")) return Spec::null();
    char* end = nullptr;
    const double x = std::strtod(s_.c_str() + i_, &end);
    if (end == s_.c_str() + i_) fail("expected a value");
    i_ = static_cast<std::size_t>(end - s_.c_str());
    return Spec::number(x);
  }
};

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::unique_ptr<descent::Experiment> experiment;
  std::string line;
  while (std::getline(std::cin, line)) {
    const std::size_t space = line.find(' ');
    const std::string command = line.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
    try {
      if (command == "quit") break;
      if (command == "setup") {
        experiment.reset();  // free the previous one first: only one lives at a time
        experiment = std::make_unique<descent::Experiment>(JsonReader(rest).document());
        std::cout << "ok " << experiment->parameter_count() << ' ' << experiment->steps_per_epoch() << std::endl;
      } else if (command == "run") {
        if (!experiment) throw std::runtime_error("run before setup");
        const double steps = std::stod(rest);
        const Spec options = Spec::object({{"steps", Spec::number(steps)}});
        // Timed here, in-process, so the pipe round trip is not charged to the native build.
        const auto t0 = std::chrono::steady_clock::now();
        experiment->run(options);
        const auto t1 = std::chrono::steady_clock::now();
        const auto& h = experiment->history(0);
        const double loss = h.step_loss.empty() ? 0.0 : h.step_loss.back();
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g", loss);
        std::cout << "ok " << rest << ' ' << std::chrono::duration<double>(t1 - t0).count() << ' ' << buffer << ' '
                  << (h.diverged ? 1 : 0) << std::endl;
      } else if (command == "grid") {
        if (!experiment) throw std::runtime_error("grid before setup");
        const std::size_t blank = rest.find(' ');
        const int resolution = std::stoi(rest.substr(0, blank));
        const int repeats = blank == std::string::npos ? 1 : std::stoi(rest.substr(blank + 1));
        const descent::Grid grid{-2.5, 2.5, -2.5, 2.5, resolution};
        experiment->predict_grid(0, grid);  // warm-up: the workspace is made on the first call
        std::string out = "ok";
        char buffer[32];
        for (int r = 0; r < repeats; ++r) {
          const auto t0 = std::chrono::steady_clock::now();
          experiment->predict_grid(0, grid);
          const auto t1 = std::chrono::steady_clock::now();
          std::snprintf(buffer, sizeof buffer, " %.4f", std::chrono::duration<double, std::milli>(t1 - t0).count());
          out += buffer;
        }
        std::cout << out << std::endl;
      } else if (command == "info") {
        std::cout << "ok {\"compiler\":\"g++ " << __VERSION__ << "\",\"optimized\":"
#ifdef __OPTIMIZE__
                  << "true"
#else
                  << "false"
#endif
#ifdef __AVX__
                  << ",\"avx\":true"
#else
                  << ",\"avx\":false"
#endif
                  << "}" << std::endl;
      } else if (command == "weights") {
        if (!experiment) throw std::runtime_error("weights before setup");
        const descent::Vec w = experiment->weights(0);
        std::string out = "ok " + std::to_string(w.size());
        char buffer[32];
        for (descent::Index k = 0; k < w.size(); ++k) {
          std::snprintf(buffer, sizeof buffer, " %.17g", w[k]);
          out += buffer;
        }
        std::cout << out << std::endl;
      } else {
        throw std::runtime_error("unknown command '" + command + "'");
      }
    } catch (const std::exception& e) {
      std::cout << "error " << e.what() << std::endl;
    }
  }
  return 0;
}
