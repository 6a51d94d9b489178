/** @file json_document.h
 *  @brief The envelope of every JSON document saywho-search writes
 *         (docs/json.md): version and type, the error document, and the
 *         service's documents as strings.
 */
#ifndef SAYWHO_SEARCHER_JSON_DOCUMENT_H
#define SAYWHO_SEARCHER_JSON_DOCUMENT_H

#include <optional>
#include <string>

#include "common/json_put.h"
#include "common/text.h"
#include "searcher/timeline.h"

namespace saywho {

/// Version of the JSON output contract in docs/json.md.
inline constexpr int JSON_VERSION = 7;

/// Opens a document of this contract: {"version": JSON_VERSION, "type": @p type.
template <typename Writer>
void start_document(Writer& w, const char* type) {
    w.StartObject();
    w.Key("version");
    w.Int(JSON_VERSION);
    w.Key("type");
    w.String(type);
}

/// A whole error document (docs/json.md, "error"), echoing @p id when
/// given (--serve). The message and id may quote what a client sent, so
/// bytes that are not UTF-8 become U+FFFD: the document is always valid JSON.
template <typename Writer>
void write_error_document(Writer& w, const std::string& code, const std::string& message,
                          const std::string* id = nullptr) {
    start_document(w, "error");
    if (id) {
        std::string safe_id = *id;
        repair_utf8(safe_id);
        put(w, "id", safe_id);
    }
    std::string safe_message = message;
    repair_utf8(safe_message);
    w.Key("error");
    w.StartObject();
    put(w, "code", code);
    put(w, "message", safe_message);
    w.EndObject();
    w.EndObject();
}

/// The "timeline" member (docs/json.md) into the open object of @p w: of
/// a results document or of a speaker page.
template <typename Writer>
void write_timeline(Writer& w, const Timeline& timeline) {
    w.Key("timeline");
    w.StartObject();
    put(w, "interval", timeline_interval_name(timeline.interval));
    w.Key("exact");
    w.Bool(timeline.exact);
    w.Key("buckets");
    w.StartArray();
    for (const auto& bucket : timeline.buckets) {
        w.StartObject();
        put(w, "start", bucket.start.iso());
        put(w, "end", bucket.end.iso());
        w.Key("count");
        w.Uint(bucket.count);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

struct ResultSet;

/// An error document as one line (no trailing newline), echoing @p id.
std::string error_json(const std::string& code, const std::string& message,
                       const std::optional<std::string>& id = std::nullopt);

/// The results document of @p results as one line (no trailing newline),
/// echoing @p id (--serve).
std::string results_json(const ResultSet& results, const std::optional<std::string>& id = std::nullopt);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_JSON_DOCUMENT_H
