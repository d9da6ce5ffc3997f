#include "bindings/js_error.hpp"

// descentPendingError is declared in api.post.js, in the same module scope.
EM_JS(void, descent_record_error, (const char* message), { descentPendingError = UTF8ToString(message); });

namespace descent::bindings {

void record_error(const std::string& message) { descent_record_error(message.c_str()); }

}  // namespace descent::bindings
