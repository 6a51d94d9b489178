/** @file alerts.h
 *  @brief Alerts: what each saved search finds among the documents indexed
 *         since its last alert, and moving its mark once they were shown.
 */
#ifndef SAYWHO_SEARCHER_ALERTS_H
#define SAYWHO_SEARCHER_ALERTS_H

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/saved_searches.h"
#include "searcher/search.h"

namespace saywho {

/// What one saved search found since its mark.
struct Alert {
    SavedSearch saved;
    /// The last indexing sequence number the search looked at: its new mark
    /// once the alert has been delivered.
    std::uint64_t through = 0;
    ResultSet results;  ///< the new hits, newest first
    /// Why the search could not run (QueryError: it names a saved search
    /// since changed); empty when it ran. Its mark must stay.
    std::string error;
};

/// The most hits an alert lists; with more, the rest are counted in
/// ResultSet::estimate and the mark still moves past them.
inline constexpr std::size_t ALERT_HIT_LIMIT = 10000;

/// Runs each saved search of @p db over the documents indexed after its
/// mark and up to what @p db holds now, with @p base's other options
/// (today, facets). Returns one Alert per saved search, found something or
/// not, by name; one that no longer parses has its error set, and the
/// others still run. Lets Xapian::Error through.
std::vector<Alert> find_alerts(const Xapian::Database& db, const SearchOptions& base);

/// Moves the mark of each alert in @p delivered to its `through`, in one
/// commit to the database at @p path, opened for writing for this. A saved
/// search removed meanwhile stays removed. Throws DatabaseError when a
/// writer holds the lock.
void record_alerts(const std::string& path, const std::vector<Alert>& delivered);

/// The webhook body of @p alert (docs/json.md, "alert"), one line.
std::string alert_json(const Alert& alert);

/// Readable alerts: for each one with hits, a heading line naming the saved
/// search and its query, then its hits as print_text() shows them.
void print_alerts_text(std::ostream& out, const std::vector<Alert>& alerts, bool bold);

/// The saved searches as text (name, a tab, the query; one a line) or as
/// one JSON document (docs/json.md, "saved").
void print_saved(std::ostream& out, const std::vector<SavedSearch>& saved, bool json);

/// The saved searches as one JSON document (docs/json.md, "saved"), one
/// line without a newline; @p id is a --serve request's, echoed.
std::string saved_json(const std::vector<SavedSearch>& saved, const std::optional<std::string>& id = std::nullopt);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_ALERTS_H
