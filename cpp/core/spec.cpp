#include "core/spec.hpp"

#include "core/error.hpp"

namespace descent {

Spec Spec::null() {
  Spec s;
  s.kind_ = Kind::Null;
  return s;
}
Spec Spec::boolean(bool value) {
  Spec s;
  s.kind_ = Kind::Boolean;
  s.boolean_ = value;
  return s;
}
Spec Spec::number(double value) {
  Spec s;
  s.kind_ = Kind::Number;
  s.number_ = value;
  return s;
}
Spec Spec::string(std::string value) {
  Spec s;
  s.kind_ = Kind::String;
  s.string_ = std::move(value);
  return s;
}
Spec Spec::array(std::vector<Spec> items) {
  Spec s;
  s.kind_ = Kind::Array;
  s.items_ = std::move(items);
  return s;
}
Spec Spec::numbers(const std::vector<double>& values) {
  std::vector<Spec> items;
  items.reserve(values.size());
  for (double v : values) items.push_back(number(v));
  return array(std::move(items));
}
Spec Spec::object(std::vector<Field> fields) {
  Spec s;
  s.kind_ = Kind::Object;
  s.fields_ = std::move(fields);
  return s;
}

const Spec* Spec::find(std::string_view key) const {
  for (const auto& field : fields_)
    if (field.first == key) return &field.second;
  return nullptr;
}

Spec& Spec::set(std::string key, Spec value) {
  kind_ = Kind::Object;
  for (auto& field : fields_)
    if (field.first == key) {
      field.second = std::move(value);
      return *this;
    }
  fields_.emplace_back(std::move(key), std::move(value));
  return *this;
}

std::string Spec::describe() const {
  switch (kind_) {
    case Kind::Undefined: return "undefined";
    case Kind::Null: return "null";
    case Kind::Boolean: return boolean_ ? "true" : "false";
    case Kind::Number: return format_number(number_);
    case Kind::String: return "'" + (string_.size() > 40 ? string_.substr(0, 40) + "..." : string_) + "'";
    case Kind::Array: return "an array of length " + std::to_string(items_.size());
    case Kind::Object: return "an object";
  }
  return "?";
}

const char* kind_name(Spec::Kind kind) {
  switch (kind) {
    case Spec::Kind::Undefined: return "undefined";
    case Spec::Kind::Null: return "null";
    case Spec::Kind::Boolean: return "a boolean";
    case Spec::Kind::Number: return "a number";
    case Spec::Kind::String: return "a string";
    case Spec::Kind::Array: return "an array";
    case Spec::Kind::Object: return "an object";
  }
  return "?";
}

}  // namespace descent
