// A small strict JSON reader that builds a descent::Spec, for the fuzz targets: the option objects
// the page hands to the module arrive in C++ as Specs (cpp/bindings/convert.cpp), so JSON text is
// the natural form of a fuzz input for every entry point that validates options.
//
// RFC 8259 JSON, with the values a JavaScript object can hold and JSON cannot spell added as bare
// words: NaN, Infinity, -Infinity and undefined (a field set to undefined). Nesting deeper than 32
// levels is refused, as the bindings refuse it. A repeated key replaces the earlier value, as
// JSON.parse does. Anything else (trailing commas, comments, single quotes, control characters in
// strings, lone surrogates, text after the value) throws JsonError, which is not the library's error
// type: the harness treats it as "not an input", never as a finding.
//
// A test utility, not product code: the module itself never parses JSON.
#pragma once

#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/spec.hpp"

namespace descent::fuzz {

struct JsonError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class JsonReader {
 public:
  static constexpr int kMaxDepth = 32;

  explicit JsonReader(std::string_view text) : s_(text) {}

  Spec read_document() {
    skip_space();
    Spec value = read_value(0);
    skip_space();
    if (i_ != s_.size()) error("text after the value");
    return value;
  }

 private:
  [[noreturn]] void error(const char* what) const {
    throw JsonError("json: " + std::string(what) + " at offset " + std::to_string(i_));
  }
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return at_end() ? '\0' : s_[i_]; }
  void skip_space() {
    while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool take_word(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  void expect(char c, const char* what) {
    if (peek() != c) error(what);
    ++i_;
  }

  Spec read_value(int depth) {
    if (depth > kMaxDepth) error("nested too deeply");
    switch (peek()) {
      case '{': return read_object(depth);
      case '[': return read_array(depth);
      case '"': return Spec::string(read_string());
      default: break;
    }
    if (take_word("true")) return Spec::boolean(true);
    if (take_word("false")) return Spec::boolean(false);
    if (take_word("null")) return Spec::null();
    if (take_word("undefined")) return Spec();
    if (take_word("NaN")) return Spec::number(std::numeric_limits<double>::quiet_NaN());
    if (take_word("Infinity")) return Spec::number(std::numeric_limits<double>::infinity());
    if (take_word("-Infinity")) return Spec::number(-std::numeric_limits<double>::infinity());
    return Spec::number(read_number());
  }

  Spec read_object(int depth) {
    ++i_;  // {
    Spec object = Spec::object();
    skip_space();
    if (peek() == '}') {
      ++i_;
      return object;
    }
    for (;;) {
      skip_space();
      if (peek() != '"') error("expected a string key");
      std::string key = read_string();
      skip_space();
      expect(':', "expected ':'");
      skip_space();
      object.set(std::move(key), read_value(depth + 1));
      skip_space();
      if (peek() == ',') {
        ++i_;
        continue;
      }
      expect('}', "expected ',' or '}'");
      return object;
    }
  }

  Spec read_array(int depth) {
    ++i_;  // [
    std::vector<Spec> items;
    skip_space();
    if (peek() == ']') {
      ++i_;
      return Spec::array(std::move(items));
    }
    for (;;) {
      skip_space();
      items.push_back(read_value(depth + 1));
      skip_space();
      if (peek() == ',') {
        ++i_;
        continue;
      }
      expect(']', "expected ',' or ']'");
      return Spec::array(std::move(items));
    }
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, read by strtod (JSON's grammar is a subset of
  // what strtod reads, so the value is the correctly rounded one; overflow gives +-Infinity as in JS).
  double read_number() {
    const std::size_t start = i_;
    auto digit = [&] { return !at_end() && s_[i_] >= '0' && s_[i_] <= '9'; };
    if (peek() == '-') ++i_;
    if (peek() == '0') {
      ++i_;
    } else if (digit()) {
      while (digit()) ++i_;
    } else {
      error("expected a value");
    }
    if (peek() == '.') {
      ++i_;
      if (!digit()) error("expected a digit after '.'");
      while (digit()) ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++i_;
      if (peek() == '+' || peek() == '-') ++i_;
      if (!digit()) error("expected a digit in the exponent");
      while (digit()) ++i_;
    }
    const std::string text(s_.substr(start, i_ - start));
    return std::strtod(text.c_str(), nullptr);
  }

  unsigned read_hex4() {
    unsigned value = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = peek();
      unsigned d;
      if (c >= '0' && c <= '9') d = unsigned(c - '0');
      else if (c >= 'a' && c <= 'f') d = unsigned(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') d = unsigned(c - 'A' + 10);
      else error("bad \\u escape");
      value = value * 16 + d;
      ++i_;
    }
    return value;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }

  // Strings are kept as the bytes given (UTF-8 is not validated: a JS string reaches C++ as UTF-8,
  // and the library must cope with any bytes in a name it quotes back).
  std::string read_string() {
    ++i_;  // "
    std::string out;
    for (;;) {
      if (at_end()) error("unterminated string");
      const char c = s_[i_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) error("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = peek();
      ++i_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = read_hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (!take_word("\\u")) error("lone high surrogate");
            const unsigned low = read_hex4();
            if (low < 0xDC00 || low > 0xDFFF) error("bad low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            error("lone low surrogate");
          }
          append_utf8(out, cp);
          break;
        }
        default: error("bad escape");
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

inline Spec parse_json_spec(std::string_view text) { return JsonReader(text).read_document(); }

}  // namespace descent::fuzz
