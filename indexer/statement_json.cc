/** @file statement_json.cc
 *  @brief JSON Lines form of extracted statements (`saywho-index extract`; see docs/json.md).
 */
#include "indexer/statement_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace saywho {

std::string statement_to_json(const Article& article, const Statement& st) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    auto put = [&](const char* key, const std::string& value) {
        w.Key(key);
        w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    };
    auto put_or_null = [&](const char* key, const std::string& value) {
        if (value.empty()) {
            w.Key(key);
            w.Null();
        } else {
            put(key, value);
        }
    };
    w.StartObject();
    put("doc", article.id);
    put_or_null("speaker", st.speaker);
    put_or_null("role", st.role);
    put("speaker_kind", st.speaker_kind);
    put("text", st.text);
    w.Key("start");
    w.Uint64(st.start);
    w.Key("end");
    w.Uint64(st.end);
    w.Key("direct");
    w.Bool(st.direct);
    put("quote", st.quote);
    put("cue", st.cue);
    put_or_null("location", st.location);
    put_or_null("country", st.country);
    put_or_null("location_basis", st.location_basis);
    put("date", st.date.iso());
    put("date_basis", st.date_basis);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace saywho
