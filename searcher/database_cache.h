/** @file database_cache.h
 *  @brief The service's databases: one per thread, kept open between
 *         requests and reopened when the indexer has committed since.
 */
#ifndef SAYWHO_SEARCHER_DATABASE_CACHE_H
#define SAYWHO_SEARCHER_DATABASE_CACHE_H

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/database.h"

namespace saywho {

/// One Xapian::Database per thread for a list of locations. Xapian's
/// databases are not thread-safe, so each thread that asks gets its own,
/// opened once and reopened (cheap when nothing changed) at each use.
class DatabaseCache {
  public:
    /// @p databases: as open_for_searching() takes them (one or more,
    /// searched as one).
    explicit DatabaseCache(std::vector<std::string> databases);

    /// This thread's database, reopened at the latest revision; @p fresh
    /// opens it anew instead (after a concurrent commit error). Throws
    /// DatabaseError or Xapian::Error when it cannot be opened.
    Xapian::Database& get(bool fresh = false);

    /// Runs @p work on this thread's database; if the indexer commits while
    /// it reads, runs it again on a newly opened database at the new revision.
    template <typename F>
    auto with(F&& work) -> decltype(work(std::declval<Xapian::Database&>())) {
        return retry_concurrent_commits([&](int attempt) { return work(get(attempt > 1)); });
    }

  private:
    std::vector<std::string> databases_;
    std::string key_;  ///< the locations joined: this cache's entry in each thread's map
};

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_DATABASE_CACHE_H
