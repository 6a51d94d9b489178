/** @file database.cc
 *  @brief Opening saywho databases with schema-version checks and readable errors.
 */
#include "common/database.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include "common/errors.h"
#include "common/schema.h"

namespace saywho {

std::string default_database_path(const std::string& option_value) {
    if (!option_value.empty()) return option_value;
    const char* env = std::getenv("SAYWHO_DB");
    if (env && *env) return env;
    return "saywho.db";
}

void check_schema_version(const Xapian::Database& db, const std::string& path) {
    std::string version = db.get_metadata(schema::METADATA_SCHEMA_VERSION);
    if (version.empty()) {
        if (db.get_doccount() == 0) return;
        throw DatabaseError(path +
                            " is a Xapian database but not one saywho built (no schema version); "
                            "give another --db, or remove it and run saywho-index again");
    }
    if (version != std::to_string(schema::SCHEMA_VERSION))
        throw DatabaseError(path + " has saywho schema version " + version + " but this saywho uses version " +
                            std::to_string(schema::SCHEMA_VERSION) + "; rebuild it: remove " + path +
                            " and run saywho-index again on your archive");
}

namespace {

/// In the database directory: the process that holds the write lock now, or
/// held it last ("PID START-TIME"). Xapian's lock cannot name its holder (an
/// open file description lock has no owner pid), so each writer records itself.
const char* const WRITER_RECORD = "saywho-writer";

/// Records this process as the holder of @p path's write lock. Best effort:
/// the record only improves an error message.
void record_writer(const std::string& path) {
    const std::filesystem::path dir(path);
    const std::filesystem::path temp = dir / (std::string(WRITER_RECORD) + ".new");
    {
        std::ofstream out(temp, std::ios::trunc);
        out << getpid() << ' ' << std::time(nullptr) << '\n';
        if (!out) return;
    }
    std::error_code ec;
    std::filesystem::rename(temp, dir / WRITER_RECORD, ec);
}

/// Who holds @p path's write lock, for the error message: "process 1234
/// (saywho-index, since 2026-11-27 01:23:45 UTC)" or "another process".
std::string describe_lock_holder(const std::string& path) {
    std::ifstream in(std::filesystem::path(path) / WRITER_RECORD);
    long pid = 0;
    long long since = 0;
    if (!(in >> pid >> since) || pid <= 0) return "another process";
    // The record is that of the last saywho writer; if it is gone, the lock
    // is held by some other program (xapian-compact, say).
    if (kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return "another process (not saywho-index)";
    std::string name;
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::getline(comm, name);
    char when[64] = "";
    const std::time_t t = static_cast<std::time_t>(since);
    std::tm tm{};
    if (gmtime_r(&t, &tm)) std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
    std::string out = "process " + std::to_string(pid) + " (";
    if (!name.empty()) out += name + ", ";
    return out + "since " + when + ")";
}

/// The directory of the database at @p path ("news.db/" is "news.db").
std::filesystem::path database_directory(const std::string& path) {
    std::filesystem::path dir = std::filesystem::path(path).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    return dir;
}

/// Where process @p pid builds a new database that will be renamed to @p dir.
std::filesystem::path creation_directory(const std::filesystem::path& dir, long pid) {
    return dir.string() + ".saywho-new-" + std::to_string(pid);
}

/// Removes what creations of @p dir by processes that no longer run left
/// behind (a run killed while it created the database).
void remove_abandoned_creations(const std::filesystem::path& dir) {
    const std::string prefix = dir.filename().string() + ".saywho-new-";
    std::error_code ec;
    const std::filesystem::path parent = dir.parent_path().empty() ? "." : dir.parent_path();
    for (const auto& entry : std::filesystem::directory_iterator(parent, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string pid = name.substr(prefix.size());
        if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string::npos) continue;
        if (kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno == EPERM) continue;
        std::filesystem::remove_all(entry.path(), ec);
    }
}

/// Creates a new, empty saywho database at @p dir so that it appears whole
/// or not at all: Xapian creates a database file by file, so a run killed
/// meanwhile would leave a directory that is not yet a database. It is
/// built beside @p dir, committed with its schema version, and renamed into
/// place. When another process created @p dir first, that one is kept.
void create_atomically(const std::filesystem::path& dir, int extra_flags) {
    remove_abandoned_creations(dir);
    const std::filesystem::path scratch = creation_directory(dir, static_cast<long>(getpid()));
    std::error_code ec;
    std::filesystem::remove_all(scratch, ec);
    {
        Xapian::WritableDatabase db(scratch.string(), Xapian::DB_CREATE | extra_flags);
        db.set_metadata(schema::METADATA_SCHEMA_VERSION, std::to_string(schema::SCHEMA_VERSION));
        db.set_metadata(schema::METADATA_FEATURES, schema::FEATURES);
        db.commit();
    }
    // rename() replaces an empty directory but not a database another
    // writer has just made there; then ours is not needed.
    std::filesystem::rename(scratch, dir, ec);
    if (ec) std::filesystem::remove_all(scratch, ec);
}

}  // namespace

Xapian::WritableDatabase open_for_writing(const std::string& path, int extra_flags) {
    try {
        const std::filesystem::path dir = database_directory(path);
        std::error_code ec;
        // Without its parent directory, Xapian's own error says what is wrong.
        const bool parent_exists = dir.parent_path().empty() || std::filesystem::is_directory(dir.parent_path(), ec);
        if (parent_exists && (!std::filesystem::exists(dir, ec) || std::filesystem::is_empty(dir, ec)))
            create_atomically(dir, extra_flags);
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | extra_flags);
        record_writer(path);
        check_schema_version(db, path);
        if (db.get_metadata(schema::METADATA_SCHEMA_VERSION).empty()) {
            db.set_metadata(schema::METADATA_SCHEMA_VERSION, std::to_string(schema::SCHEMA_VERSION));
            db.set_metadata(schema::METADATA_FEATURES, schema::FEATURES);
        }
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        // Xapian cannot make its lock file where it cannot write either:
        // then no other writer is to blame.
        if (access(database_directory(path).c_str(), W_OK) != 0)
            throw DatabaseReadOnlyError(path + " is read-only for this process (" + std::strerror(errno) +
                                        "): writing to it needs write access to its directory");
        throw DatabaseLockedError(path + " is locked by " + describe_lock_holder(path) +
                                  ", which is writing to it; wait for it to finish (or stop it) and try again");
    } catch (const Xapian::DatabaseError& e) {
        throw DatabaseError("cannot open " + path + " for writing: " + e.get_msg());
    }
}

bool is_concurrent_commit_error(const Xapian::Error& e) {
    // Xapian::Error is not polymorphic: its type is told by name.
    const std::string type = e.get_type();
    // DocNotFoundError: a document the reader's own match named is gone,
    // replaced by the indexer after Xapian failed to notice the reader's
    // revision was overwritten (seen under load, 1 search in 270).
    return type == "DatabaseModifiedError" || type == "DatabaseCorruptError" || type == "DocNotFoundError";
}

namespace {

/// The revision @p db was opened at; nullopt when Xapian cannot tell (a
/// stub file of several databases).
std::optional<Xapian::rev> revision_of(const Xapian::Database& db) {
    try {
        return db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {
        return std::nullopt;
    }
}

/// Whether the indexer has committed to @p path since a reader opened it
/// at revision @p seen (@p opened false: the reader failed while opening
/// it). Then the blocks the reader read may have been reused by the
/// writer, and what it read proves nothing about the database.
bool committed_since(const std::string& path, bool opened, std::optional<Xapian::rev> seen) {
    try {
        const Xapian::Database now(path);
        if (!opened) return true;  // it opens now: the failure was a passing one
        const std::optional<Xapian::rev> current = revision_of(now);
        return seen && current && *seen != *current;
    } catch (const Xapian::Error& e) {
        return is_concurrent_commit_error(e);
    }
}

/// Thrown in place of an error read from a revision the indexer has since
/// moved on from, so that retry_concurrent_commits() opens it again.
[[noreturn]] void throw_moved_on(const std::string& path, const std::string& what) {
    throw Xapian::DatabaseModifiedError(path + " changed while it was opened (" + what + ")");
}

}  // namespace

Xapian::Database open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw DatabaseError("no database at " + path + ": build one with 'saywho-index --db " + path +
                            " ARCHIVE...' (or set SAYWHO_DB)");
    // A reader whose revision the indexer overwrote usually gets
    // DatabaseModifiedError, but not always: Xapian checks a block's
    // revision against its parent's, and a block read while the writer
    // rewrites it can pass that check and still hold the new contents. The
    // reader then fails to find a key (no schema version on a database full
    // of documents) or follows a pointer into nowhere ("EOF reading block").
    // With a commit per article, each of which changes the indexing
    // sequence number in the metadata, the block holding the schema version
    // is rewritten at every commit, and this showed up in 1 of 12 runs of
    // Reliability.SearchesNeverFail... So an error met while opening counts
    // only if the database stood still meanwhile; otherwise the caller's
    // retry_concurrent_commits() opens it again at the new revision.
    bool opened = false;
    std::optional<Xapian::rev> seen;
    try {
        Xapian::Database db(path);
        opened = true;
        seen = revision_of(db);
        check_schema_version(db, path);
        return db;
    } catch (const Xapian::DatabaseError& e) {
        if (is_concurrent_commit_error(e)) throw;
        if (committed_since(path, opened, seen)) throw_moved_on(path, e.get_msg());
        throw DatabaseError("cannot open database " + path + ": " + e.get_msg());
    } catch (const DatabaseError& e) {
        // No schema version, or another one: read from a block being rewritten?
        if (committed_since(path, opened, seen)) throw_moved_on(path, e.what());
        throw;
    }
}

Xapian::Database open_for_searching(const std::vector<std::string>& locations) {
    if (locations.empty()) throw DatabaseError("no database given");
    Xapian::Database all;
    for (const auto& location : locations) {
        const std::string tcp = "tcp://";
        if (location.compare(0, tcp.size(), tcp) != 0) {
            all.add_database(open_for_reading(location));
            continue;
        }
        // tcp://HOST:PORT, a shard served by xapian-tcpsrv.
        const std::string rest = location.substr(tcp.size());
        const std::size_t colon = rest.rfind(':');
        const std::string host = colon == std::string::npos ? "" : rest.substr(0, colon);
        const std::string port = colon == std::string::npos ? "" : rest.substr(colon + 1);
        if (host.empty() || port.empty() || port.size() > 5 ||
            port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
            throw DatabaseError("bad remote database '" + location + "': expected tcp://HOST:PORT");
        try {
            // 10 s per operation, 5 s to connect: a dead shard is an error, not a hang.
            Xapian::Database remote = Xapian::Remote::open(host, static_cast<unsigned>(std::stoi(port)), 10000, 5000);
            check_schema_version(remote, location);
            all.add_database(remote);
        } catch (const Xapian::NetworkError& e) {
            throw DatabaseError("cannot reach remote database " + location + ": " + e.get_msg() +
                                " (is xapian-tcpsrv running there?)");
        }
    }
    return all;
}

}  // namespace saywho
