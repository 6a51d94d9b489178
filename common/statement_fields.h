/** @file statement_fields.h
 *  @brief The JSON members every form of a statement shares (docs/json.md):
 *         written once for `saywho-index extract` and for search hits.
 */
#ifndef SAYWHO_COMMON_STATEMENT_FIELDS_H
#define SAYWHO_COMMON_STATEMENT_FIELDS_H

#include <string>

#include <rapidjson/rapidjson.h>

#include "common/statement.h"

namespace saywho {

/// Writes speaker, role, speaker_kind, text, start, end, direct, quote, cue,
/// location, country and location_basis of @p st (extracted, or decoded
/// from a search hit's record) into the open object of @p w; what
/// extraction did not find is null.
template <typename Writer>
void write_statement_fields(Writer& w, const Statement& st) {
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
}

}  // namespace saywho

#endif  // SAYWHO_COMMON_STATEMENT_FIELDS_H
