/** @file health.h
 *  @brief What the HTTP service reports of its database: GET /healthz and
 *         the database gauges of GET /metrics (docs/http.md).
 */
#ifndef SAYWHO_SEARCHER_HEALTH_H
#define SAYWHO_SEARCHER_HEALTH_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace saywho {

struct DatabaseHealth {
    Xapian::doccount documents = 0;
    /// Xapian's revision; none for several databases searched as one, or
    /// a database Xapian cannot tell it of (a remote one).
    std::optional<Xapian::rev> revision;
    /// The bytes of the database's files; none unless every location is a
    /// local database directory.
    std::optional<std::uintmax_t> size_bytes;
};

/// Opens @p locations (as open_for_searching() takes them) anew, not
/// through a thread's cached handle, which stays readable after its files
/// are gone: the answer says whether the database opens now. Throws
/// DatabaseError or Xapian::Error when it does not.
DatabaseHealth database_health(const std::vector<std::string>& locations);

/// The "health" document (docs/json.md) as one line.
std::string health_json(const DatabaseHealth& health);

/// Appends the database's gauges to @p out, in Prometheus' text format
/// (searcher/metrics.h): saywho_database_up (1 when database_health()
/// succeeds, else 0 and no other), saywho_database_documents, and when
/// known saywho_database_revision and saywho_database_size_bytes.
void write_database_metrics(std::string& out, const std::vector<std::string>& locations);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_HEALTH_H
