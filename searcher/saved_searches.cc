/** @file saved_searches.cc
 *  @brief Saved searches in metadata and the expansion of saved:NAME.
 */
#include "searcher/saved_searches.h"

#include <algorithm>
#include <cstdlib>
#include <functional>

#include "common/database.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/text.h"

namespace saywho {

namespace {

constexpr char SAVED_FIELD[] = "saved:";

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

/// Whether a field may start at @p pos of @p text: at its start, or after
/// a space, a bracket or a + or - operator, as the query parser reads one.
bool at_term_start(const std::string& text, std::size_t pos) {
    if (pos == 0) return true;
    const char before = text[pos - 1];
    return before == ' ' || before == '\t' || before == '(' || before == '+' || before == '-';
}

/// Looks a saved query up by name; @p stored answers for the metadata.
using Lookup = std::function<std::string(const std::string& name)>;

std::string expand(const std::string& query, const Lookup& stored, std::vector<std::string>& path);

/// The query saved as @p name, expanded; @p path as for expand().
std::string expand_name(const std::string& name, const Lookup& stored, std::vector<std::string>& path) {
    if (std::find(path.begin(), path.end(), name) != path.end()) {
        std::string chain;
        for (const auto& step : path) chain += step + " -> ";
        throw QueryError("saved search '" + name + "' refers to itself (" + chain + name + ")");
    }
    const std::string inner = stored(name);
    if (inner.empty())
        throw QueryError("no saved search named '" + name + "' (in 'saved:" + name +
                         "'; saywho-search --saved lists them)");
    path.push_back(name);
    std::string out = expand(inner, stored, path);
    path.pop_back();
    return out;
}

/// Expands @p query; @p path holds the names being expanded, outermost
/// first, so a name met again is a loop.
std::string expand(const std::string& query, const Lookup& stored, std::vector<std::string>& path) {
    const std::size_t field = sizeof SAVED_FIELD - 1;
    // A query that is one saved search and nothing else reads as that
    // search's own query, as if typed, so natural phrases in it
    // ("statements by Kettunen") are understood as when it was saved: in
    // brackets, taking out the understood words left "( )", which is no
    // query. Beside other words it is bracketed, so AND and OR bind as
    // written.
    const std::string alone(trim(query));
    if (alone.size() > field && alone.compare(0, field, SAVED_FIELD) == 0 &&
        std::all_of(alone.begin() + field, alone.end(), is_name_char))
        return expand_name(alone.substr(field), stored, path);
    std::string out;
    bool quoted = false;
    for (std::size_t i = 0; i < query.size();) {
        if (query[i] == '"') quoted = !quoted;
        if (quoted || !at_term_start(query, i) || query.compare(i, field, SAVED_FIELD) != 0) {
            out += query[i++];
            continue;
        }
        std::size_t end = i + field;
        while (end < query.size() && is_name_char(query[end])) ++end;
        const std::string name = query.substr(i + field, end - i - field);
        if (name.empty())
            throw QueryError("'saved:' needs the name of a saved search (saywho-search --saved lists them)");
        out += "( " + expand_name(name, stored, path) + " )";
        i = end;
    }
    return out;
}

std::string saved_key(const std::string& name) { return schema::METADATA_SAVED_PREFIX + name; }
std::string alerted_key(const std::string& name) { return schema::METADATA_ALERTED_PREFIX + name; }

}  // namespace

void check_saved_name(const std::string& name) {
    const bool fits =
        !name.empty() && name.size() <= MAX_SAVED_NAME_LENGTH && std::all_of(name.begin(), name.end(), is_name_char);
    if (!fits)
        throw UsageError("bad saved search name '" + name + "': use 1 to " + std::to_string(MAX_SAVED_NAME_LENGTH) +
                         " letters, digits, '_', '-' or '.'");
}

std::vector<SavedSearch> list_saved_searches(const Xapian::Database& db) {
    std::vector<SavedSearch> out;
    const std::string prefix = schema::METADATA_SAVED_PREFIX;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        SavedSearch saved;
        saved.name = (*it).substr(prefix.size());
        saved.query = db.get_metadata(*it);
        saved.alerted = std::strtoull(db.get_metadata(alerted_key(saved.name)).c_str(), nullptr, 10);
        out.push_back(std::move(saved));
    }
    return out;
}

std::string expand_saved_searches(const Xapian::Database& db, const std::string& query) {
    // Most queries name no saved search: they pass untouched.
    if (query.find(SAVED_FIELD) == std::string::npos) return query;
    std::vector<std::string> path;
    return expand(
        query, [&](const std::string& name) { return db.get_metadata(saved_key(name)); }, path);
}

void save_search(Xapian::WritableDatabase& db, const std::string& name, const std::string& given) {
    check_saved_name(name);
    // Stored as search() would read it, so lists and alerts echo valid UTF-8.
    std::string query = given;
    repair_utf8(query);
    if (query.find_first_not_of(" \t") == std::string::npos)
        throw UsageError("saved search '" + name + "' needs a query");
    // Checked as it will be read, with this name already holding it, so a
    // loop through other saved searches back to this one is found now.
    std::vector<std::string> path{name};
    expand(
        query, [&](const std::string& other) { return other == name ? query : db.get_metadata(saved_key(other)); },
        path);
    const bool is_new = db.get_metadata(saved_key(name)).empty();
    db.set_metadata(saved_key(name), query);
    if (is_new) set_alert_mark(db, name, schema::last_index_sequence(db));
}

bool unsave_search(Xapian::WritableDatabase& db, const std::string& name) {
    check_saved_name(name);
    if (db.get_metadata(saved_key(name)).empty()) return false;
    // Another search that needs this one, directly or through others, would
    // stop working: it is named instead.
    for (const auto& other : list_saved_searches(db)) {
        if (other.name == name) continue;
        std::vector<std::string> path{other.name};
        try {
            expand(
                other.query,
                [&](const std::string& n) { return n == name ? std::string() : db.get_metadata(saved_key(n)); }, path);
        } catch (const QueryError&) {
            throw UsageError("saved search '" + other.name + "' uses saved:" + name + "; change or remove it first");
        }
    }
    db.set_metadata(saved_key(name), "");  // Xapian's way to delete a key
    db.set_metadata(alerted_key(name), "");
    return true;
}

void save_search_at(const std::string& path, const std::string& name, const std::string& query) {
    open_for_reading(path);  // a missing database is an error, not a new one
    Xapian::WritableDatabase db = open_for_writing(path);
    save_search(db, name, query);
    db.commit();
}

bool unsave_search_at(const std::string& path, const std::string& name) {
    open_for_reading(path);
    Xapian::WritableDatabase db = open_for_writing(path);
    if (!unsave_search(db, name)) return false;
    db.commit();
    return true;
}

void set_alert_mark(Xapian::WritableDatabase& db, const std::string& name, std::uint64_t sequence) {
    db.set_metadata(alerted_key(name), std::to_string(sequence));
}

}  // namespace saywho
