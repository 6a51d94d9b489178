/** @file database.h
 *  @brief Opening saywho databases with schema-version checks and readable errors.
 */
#ifndef SAYWHO_COMMON_DATABASE_H
#define SAYWHO_COMMON_DATABASE_H

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

namespace saywho {

/// The database path from an option, else $SAYWHO_DB, else "./saywho.db".
std::string default_database_path(const std::string& option_value);

/// Opens (creating if needed) a database for writing. Throws
/// DatabaseLockedError at once (it never waits) when another writer holds
/// the lock, and DatabaseError when the path is not a database, or
/// when its schema version differs; a new database gets the current version.
/// A new database appears at @p path whole, with its schema version, or not
/// at all, even if the process is killed while creating it.
/// @p extra_flags are added to Xapian's open flags (DB_NO_SYNC for a
/// scratch database that a crash may lose).
Xapian::WritableDatabase open_for_writing(const std::string& path, int extra_flags = 0);

/// Opens a database for searching. Throws DatabaseError when it does not
/// exist or has another schema version, and lets is_concurrent_commit_error()
/// errors through: a reader that may meet the indexer opens and reads inside
/// one retry_concurrent_commits(), the only retry loop. An error met while
/// opening a database that the indexer committed to meanwhile (a schema
/// version misread as missing, say) is thrown as DatabaseModifiedError, so
/// that loop opens it again rather than reporting it.
Xapian::Database open_for_reading(const std::string& path);

/// True for the errors a reader meets when the indexer commits while it
/// reads: the revision it read from is gone (DatabaseModifiedError), its
/// blocks were reused mid-read (DatabaseCorruptError), or a document its
/// match found was replaced (DocNotFoundError). Opening the database again,
/// at its new revision, is the cure; a real corruption or a missing
/// document stays, and is reported after the last retry.
bool is_concurrent_commit_error(const Xapian::Error& e);

/// How often a reader opens the database again after
/// is_concurrent_commit_error() before it gives up and reports the error.
inline constexpr int CONCURRENT_COMMIT_RETRIES = 12;

/// How long a reader waits before attempt @p attempt (2 and on): 5 ms,
/// doubling each time, at most 320 ms (1.9 s in all). An indexer commits in
/// bursts (one per batch, none while it starts or reads), and a slow reader
/// (a loaded machine, a sanitizer build) whose search outlasts two commits
/// fails again at once; waiting lets it land in a pause.
inline std::chrono::milliseconds concurrent_commit_backoff(int attempt) {
    return std::chrono::milliseconds(5 << std::min(attempt - 2, 6));
}

/// Runs @p work(attempt), attempt counting from 1, and again while it fails
/// with is_concurrent_commit_error(), at most CONCURRENT_COMMIT_RETRIES
/// times, waiting concurrent_commit_backoff() before each retry; any other
/// error, or the last one, is rethrown. @p work must open the database
/// itself (or reopen it when attempt > 1).
template <typename Work>
auto retry_concurrent_commits(Work&& work) -> decltype(work(1)) {
    for (int attempt = 1;; ++attempt) {
        if (attempt > 1) std::this_thread::sleep_for(concurrent_commit_backoff(attempt));
        try {
            return work(attempt);
        } catch (const Xapian::Error& e) {
            if (attempt == CONCURRENT_COMMIT_RETRIES || !is_concurrent_commit_error(e)) throw;
        }
    }
}

/// Opens one or more databases to search as one (Xapian's multi-database):
/// each location is a database directory, a Xapian stub file listing
/// databases (local or remote), or "tcp://HOST:PORT" for a shard served by
/// xapian-tcpsrv. Throws DatabaseError naming the location that failed.
Xapian::Database open_for_searching(const std::vector<std::string>& locations);

/// Throws DatabaseError unless @p db carries the current schema version.
/// An empty database without a version passes (nothing indexed yet).
void check_schema_version(const Xapian::Database& db, const std::string& path);

}  // namespace saywho

#endif  // SAYWHO_COMMON_DATABASE_H
