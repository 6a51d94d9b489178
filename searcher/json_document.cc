/** @file json_document.cc
 *  @brief The service's JSON documents as strings: results and errors.
 */
#include "searcher/json_document.h"

#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "searcher/printers.h"

namespace saywho {

std::string error_json(const std::string& code, const std::string& message, const std::optional<std::string>& id) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    write_error_document(w, code, message, id ? &*id : nullptr);
    return buffer.GetString();
}

std::string results_json(const ResultSet& results, const std::optional<std::string>& id) {
    std::ostringstream out;
    print_json(out, results, id ? &*id : nullptr);
    std::string json = out.str();
    while (!json.empty() && json.back() == '\n') json.pop_back();
    return json;
}

}  // namespace saywho
