/** @file statement_json.cc
 *  @brief JSON Lines form of extracted statements (`saywho-index extract`; see docs/json.md).
 */
#include "indexer/statement_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/statement_fields.h"

namespace saywho {

std::string statement_to_json(const Article& article, const Statement& st) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("doc");
    w.String(article.id.data(), static_cast<rapidjson::SizeType>(article.id.size()));
    write_statement_fields(w, st);
    const std::string date = st.date.iso();
    w.Key("date");
    w.String(date.data(), static_cast<rapidjson::SizeType>(date.size()));
    w.Key("date_basis");
    w.String(st.date_basis.data(), static_cast<rapidjson::SizeType>(st.date_basis.size()));
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace saywho
