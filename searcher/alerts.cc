/** @file alerts.cc
 *  @brief Alerts over saved searches, their marks, and their output.
 */
#include "searcher/alerts.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/database.h"
#include "common/errors.h"
#include "common/schema.h"
#include "searcher/json_document.h"
#include "searcher/printers.h"

namespace saywho {

std::vector<Alert> find_alerts(const Xapian::Database& db, const SearchOptions& base) {
    // One reading of the counter for every search: each sees the same
    // documents, and what is indexed while they run waits for the next time.
    const std::uint64_t through = schema::last_index_sequence(db);
    std::vector<Alert> alerts;
    for (auto& saved : list_saved_searches(db)) {
        SearchOptions options = base;
        options.query = saved.query;
        options.offset = 0;
        options.limit = ALERT_HIT_LIMIT;
        options.sort = SortOrder::NEWEST;
        options.indexed_between = std::make_pair(saved.alerted, through);
        Alert alert;
        try {
            alert.results = search(db, options);
        } catch (const QueryError& e) {
            alert.error = e.what();
        }
        alert.saved = std::move(saved);
        alert.through = through;
        alerts.push_back(std::move(alert));
    }
    return alerts;
}

void record_alerts(const std::string& path, const std::vector<Alert>& delivered) {
    if (delivered.empty()) return;
    // open_for_reading() first: open_for_writing() would create a database
    // that is not there.
    open_for_reading(path);
    Xapian::WritableDatabase db = open_for_writing(path);
    for (const auto& alert : delivered) {
        if (db.get_metadata(schema::METADATA_SAVED_PREFIX + alert.saved.name).empty()) continue;
        set_alert_mark(db, alert.saved.name, alert.through);
    }
    db.commit();
}

std::string alert_json(const Alert& alert) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    start_document(w, "alert");
    w.Key("saved");
    w.StartObject();
    put(w, "name", alert.saved.name);
    put(w, "query", alert.saved.query);
    w.EndObject();
    w.Key("after");
    w.Uint64(alert.saved.alerted);
    w.Key("through");
    w.Uint64(alert.through);
    // The hits as the results document gives them, so a receiver reads
    // them with the code it has for search results.
    const std::string results = results_json(alert.results);
    w.Key("results");
    w.RawValue(results.data(), results.size(), rapidjson::kObjectType);
    w.EndObject();
    return buffer.GetString();
}

void print_alerts_text(std::ostream& out, const std::vector<Alert>& alerts, bool bold) {
    bool first = true;
    for (const auto& alert : alerts) {
        if (alert.results.hits.empty()) continue;
        if (!first) out << '\n';
        first = false;
        out << "== saved:" << alert.saved.name << " (" << alert.saved.query << "): " << alert.results.estimate
            << " new ==\n";
        print_text(out, alert.results, bold);
    }
}

void print_saved(std::ostream& out, const std::vector<SavedSearch>& saved, bool json) {
    if (!json) {
        for (const auto& s : saved) out << s.name << '\t' << s.query << '\n';
        return;
    }
    out << saved_json(saved) << '\n';
}

std::string saved_json(const std::vector<SavedSearch>& saved, const std::optional<std::string>& id) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    start_document(w, "saved");
    if (id) put(w, "id", *id);
    w.Key("saved");
    w.StartArray();
    for (const auto& s : saved) {
        w.StartObject();
        put(w, "name", s.name);
        put(w, "query", s.query);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buffer.GetString();
}

}  // namespace saywho
