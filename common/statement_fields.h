/** @file statement_fields.h
 *  @brief The JSON members every form of a statement shares (docs/json.md):
 *         written once for `saywho-index extract` and for search hits.
 */
#ifndef SAYWHO_COMMON_STATEMENT_FIELDS_H
#define SAYWHO_COMMON_STATEMENT_FIELDS_H

#include <string>

#include "common/json_put.h"

#include "common/statement.h"

namespace saywho {

/// Writes speaker, role, speaker_kind, speaker_mention, speaker_in_article, text, start, end, direct, quote, cue,
/// location, country and location_basis of @p st (extracted, or decoded
/// from a search hit's record) into the open object of @p w; what
/// extraction did not find is null.
template <typename Writer>
void write_statement_fields(Writer& w, const Statement& st) {
    put_or_null(w, "speaker", st.speaker);
    put_or_null(w, "role", st.role);
    put(w, "speaker_kind", st.speaker_kind);
    put_or_null(w, "speaker_mention", st.speaker_mention);
    put_or_null(w, "speaker_in_article", st.speaker_in_article);
    put(w, "text", st.text);
    w.Key("start");
    w.Uint64(st.start);
    w.Key("end");
    w.Uint64(st.end);
    w.Key("direct");
    w.Bool(st.direct);
    put(w, "quote", st.quote);
    put(w, "cue", st.cue);
    put_or_null(w, "location", st.location);
    put_or_null(w, "country", st.country);
    put_or_null(w, "location_basis", st.location_basis);
}

}  // namespace saywho

#endif  // SAYWHO_COMMON_STATEMENT_FIELDS_H
