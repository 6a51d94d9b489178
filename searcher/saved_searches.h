/** @file saved_searches.h
 *  @brief Named searches stored in the database's metadata, and the
 *         expansion of saved:NAME inside a query.
 */
#ifndef SAYWHO_SEARCHER_SAVED_SEARCHES_H
#define SAYWHO_SEARCHER_SAVED_SEARCHES_H

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace saywho {

/// One saved search, as schema::METADATA_SAVED_PREFIX and
/// schema::METADATA_ALERTED_PREFIX store it.
struct SavedSearch {
    std::string name;
    std::string query;  ///< as the user typed it; may hold saved:OTHER
    /// The last indexing sequence number its alerts covered (schema.h,
    /// "Indexing order"); alerts list what came after it.
    std::uint64_t alerted = 0;
};

/// The longest name a saved search may have, in bytes.
inline constexpr std::size_t MAX_SAVED_NAME_LENGTH = 64;

/// Throws UsageError unless @p name is 1 to MAX_SAVED_NAME_LENGTH ASCII
/// letters, digits, '_', '-' or '.': a name must stand in a query as
/// saved:NAME without quotes.
void check_saved_name(const std::string& name);

/// Every saved search of @p db, by name (byte order).
std::vector<SavedSearch> list_saved_searches(const Xapian::Database& db);

/// @p query with each saved:NAME outside double quotes replaced by
/// "( stored query )", the stored query expanded the same way (notmuch's
/// convention); a query that is one saved:NAME alone becomes the stored
/// query without brackets, read as if typed. Throws QueryError naming an unknown name, and a saved
/// search that refers to itself, directly or through others.
std::string expand_saved_searches(const Xapian::Database& db, const std::string& query);

/// Stores @p query under @p name, replacing a search of that name (whose
/// alert mark is kept); a new one's alerts start after what @p db holds
/// now. Does not commit. Throws UsageError for a bad name and QueryError
/// when @p query names an unknown saved search or leads back to @p name.
void save_search(Xapian::WritableDatabase& db, const std::string& name, const std::string& query);

/// Removes the saved search @p name and its alert mark; false when there
/// was none. Does not commit. Throws UsageError while another saved search
/// uses it (or one that refers to itself), naming that one.
bool unsave_search(Xapian::WritableDatabase& db, const std::string& name);

/// save_search() in the local database at @p path, opened for writing just
/// for it and committed; a missing database is an error, not a new one.
/// Throws DatabaseLockedError at once while another process (saywho-index)
/// writes to it, and what save_search() throws.
void save_search_at(const std::string& path, const std::string& name, const std::string& query);

/// unsave_search() in the local database at @p path, as save_search_at();
/// false when there was no saved search @p name.
bool unsave_search_at(const std::string& path, const std::string& name);

/// Records that the alerts of @p name covered everything up to indexing
/// sequence number @p sequence. Does not commit.
void set_alert_mark(Xapian::WritableDatabase& db, const std::string& name, std::uint64_t sequence);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_SAVED_SEARCHES_H
