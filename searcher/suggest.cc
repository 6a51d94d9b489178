/** @file suggest.cc
 *  @brief Completions for a search box: speakers, places and words that
 *         complete what was typed (docs/http.md, /api/suggest).
 */
#include "searcher/suggest.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/schema.h"
#include "common/text.h"
#include "searcher/json_document.h"

namespace saywho {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

/// Reads the display value of @p slot from the first document indexed by @p term.
std::string display_value(const Xapian::Database& db, const std::string& term, Xapian::valueno slot) {
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        std::string v = db.get_document(*it).get_value(slot);
        std::size_t sep = v.find(schema::LIST_SEPARATOR);
        if (sep == std::string::npos && !v.empty()) return v;  // a statement: one value
    }
    return {};
}

struct Completion {
    std::string kind, value;
    Xapian::doccount count;
};

/// Terms under @p prefix + @p start, most frequent first, at most @p limit.
std::vector<std::pair<std::string, Xapian::doccount>> completions(const Xapian::Database& db, const std::string& prefix,
                                                                  const std::string& start, std::size_t limit) {
    std::vector<std::pair<std::string, Xapian::doccount>> found;
    std::size_t scanned = 0;
    const std::string from = prefix + start;
    for (auto it = db.allterms_begin(from); it != db.allterms_end(from) && scanned < 5000; ++it, ++scanned)
        found.emplace_back(*it, it.get_termfreq());
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (found.size() > limit * 4) found.resize(limit * 4);  // room for display names that merge
    return found;
}

}  // namespace

std::string suggestions_json(const Xapian::Database& db, const std::string& query, std::size_t limit) {
    std::vector<Completion> out;
    // Speakers and places complete the whole box ("aino ke"); words its last word.
    const std::string whole = fold_key(query);
    std::string last = whole.substr(whole.rfind(' ') == std::string::npos ? 0 : whole.rfind(' ') + 1);
    auto seen = [&](const std::string& kind, const std::string& value) {
        return std::any_of(out.begin(), out.end(),
                           [&](const Completion& c) { return c.kind == kind && c.value == value; });
    };
    // A name may be the whole box ("aino ke") or its last words
    // ("statements by kett"): try the endings, longest first, up to three words.
    std::vector<std::string> endings;
    for (std::size_t at = whole.size(), words = 0; at != std::string::npos && words < 3; ++words) {
        std::size_t space = at == 0 ? std::string::npos : whole.rfind(' ', at - 1);
        std::string ending = whole.substr(space == std::string::npos ? 0 : space + 1);
        if (!ending.empty()) endings.insert(endings.begin(), ending);
        if (space == std::string::npos) break;
        at = space;
    }
    for (const auto& ending : endings) {
        for (const auto& [term, count] : completions(db, schema::PREFIX_SPEAKER, ending, limit)) {
            std::string name = display_value(db, term, schema::SLOT_SPEAKER);
            if (!name.empty() && !seen("speaker", name)) out.push_back({"speaker", name, count});
        }
        for (const auto& [term, count] : completions(db, schema::PREFIX_LOCATION, ending, limit)) {
            std::string name = display_value(db, term, schema::SLOT_LOCATION);
            if (!name.empty() && !seen("place", name)) out.push_back({"place", name, count});
        }
    }
    if (last.size() >= 2) {
        for (const auto& [term, count] : completions(db, "", last, limit)) {
            // Unprefixed terms are lower-case words; prefixed ones start with a capital.
            if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z') || term == last) continue;
            if (!seen("word", term)) out.push_back({"word", term, count});
        }
    }
    if (out.size() > limit) out.resize(limit);
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    start_document(w, "suggestions");
    put(w, "query", query);
    w.Key("suggestions");
    w.StartArray();
    for (const auto& c : out) {
        w.StartObject();
        put(w, "kind", c.kind);
        put(w, "value", c.value);
        w.Key("count");
        w.Uint(c.count);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString());
}

}  // namespace saywho
