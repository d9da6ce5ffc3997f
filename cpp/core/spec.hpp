// A JSON-like value: what a JavaScript options object becomes on the C++ side. The bindings
// build it; everything that reads options (optimizers, schedules, objectives, runs) reads a
// Spec, so all validation is plain C++ that the native tests can exercise.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace descent {

class Spec {
 public:
  enum class Kind { Undefined, Null, Boolean, Number, String, Array, Object };
  using Field = std::pair<std::string, Spec>;

  Spec() = default;
  static Spec null();
  static Spec boolean(bool value);
  static Spec number(double value);
  static Spec string(std::string value);
  static Spec array(std::vector<Spec> items = {});
  static Spec numbers(const std::vector<double>& values);
  static Spec object(std::vector<Field> fields = {});

  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::Undefined; }
  bool is_object() const { return kind_ == Kind::Object; }
  bool is_array() const { return kind_ == Kind::Array; }

  bool as_boolean() const { return boolean_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return string_; }
  const std::vector<Spec>& items() const { return items_; }
  const std::vector<Field>& fields() const { return fields_; }

  // The field's value, or nullptr when the object has no such field (or this is no object).
  const Spec* find(std::string_view key) const;
  // Builder helper: adds or replaces a field and returns *this.
  Spec& set(std::string key, Spec value);

  // How a message names the value: "a string", "an array", "true", "3.5" ...
  std::string describe() const;

 private:
  Kind kind_ = Kind::Undefined;
  bool boolean_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Spec> items_;
  std::vector<Field> fields_;
};

const char* kind_name(Spec::Kind kind);

}  // namespace descent
