/** @file statement_json.cc
 *  @brief JSON Lines form of extracted statements (`saywho-index extract`; see docs/json.md).
 */
#include "indexer/statement_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/json_put.h"
#include "common/statement_fields.h"

namespace saywho {

std::string statement_to_json(const Article& article, const Statement& st) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    put(w, "doc", article.id);
    write_statement_fields(w, st);
    put(w, "date", st.date.iso());
    put(w, "date_basis", st.date_basis);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace saywho
