/** @file database_test.cc
 *  @brief Creating and opening saywho databases (common/database.h).
 */
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "common/database.h"
#include "common/errors.h"
#include "common/schema.h"
#include "tests/unit/temp_dir.h"

namespace fs = std::filesystem;

namespace saywho {
namespace {

using test::TempDir;

/// The names in @p dir, sorted, one a line.
std::string listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    std::string out;
    for (const auto& name : names) out += name + "\n";
    return out;
}

TEST(OpenForWriting, ANewDatabaseCarriesItsSchemaVersionBeforeTheFirstCommit) {
    TempDir dir;
    const std::string path = (dir.path() / "news.db").string();
    {
        Xapian::WritableDatabase db = open_for_writing(path);
        // Opened for reading while the writer has committed nothing of its own.
        Xapian::Database reader(path);
        EXPECT_EQ(reader.get_metadata(schema::METADATA_SCHEMA_VERSION), std::to_string(schema::SCHEMA_VERSION));
    }
    EXPECT_EQ(listing(dir.path()), "news.db\n") << "creation left something beside the database";
}

TEST(OpenForWriting, AnEmptyDirectoryBecomesADatabase) {
    TempDir dir;
    const fs::path path = dir.path() / "empty.db";
    fs::create_directory(path);
    open_for_writing(path.string());
    EXPECT_EQ(Xapian::Database(path.string()).get_metadata(schema::METADATA_SCHEMA_VERSION),
              std::to_string(schema::SCHEMA_VERSION));
}

TEST(OpenForWriting, WhatAKilledCreationLeftIsRemoved) {
    TempDir dir;
    // No process has pid 999999999: pids stop at 2^22.
    const fs::path left = dir.path() / "news.db.saywho-new-999999999";
    fs::create_directory(left);
    std::ofstream(left / "postlist.glass") << "half written";
    open_for_writing((dir.path() / "news.db").string());
    EXPECT_EQ(listing(dir.path()), "news.db\n");
}

TEST(OpenForWriting, AMissingParentDirectoryIsNamedInTheError) {
    TempDir dir;
    const std::string path = (dir.path() / "no" / "such" / "news.db").string();
    try {
        open_for_writing(path);
        FAIL() << "open_for_writing created " << path;
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
}

/// In a child process that may read @p path but not write it (root drops
/// to nobody; any other user has the directory made read-only), what
/// open_for_writing() throws: 0 a DatabaseReadOnlyError naming the path,
/// 1 another error, 2 none.
int open_without_write_access(const fs::path& parent, const fs::path& path) {
    const bool root = ::geteuid() == 0;
    if (!root) fs::permissions(path, fs::perms::owner_write, fs::perm_options::remove);
    // nobody must reach the database to read it.
    fs::permissions(parent, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
    const pid_t child = ::fork();
    if (child == 0) {
        if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        try {
            open_for_writing(path.string());
            ::_exit(2);
        } catch (const DatabaseReadOnlyError& e) {
            ::_exit(std::string(e.what()).find(path.string() + " is read-only") == 0 ? 0 : 1);
        } catch (...) {
            ::_exit(1);
        }
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!root) fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(OpenForWriting, ADatabaseThisProcessCannotWriteIsReadOnlyNotLocked) {
    TempDir dir;
    const fs::path path = dir.path() / "news.db";
    open_for_writing(path.string()).commit();
    // Not "locked by another writer": there is none (the saywho-http
    // service saving a search, say, in a read-only sandbox).
    EXPECT_EQ(open_without_write_access(dir.path(), path), 0);
}

}  // namespace
}  // namespace saywho

namespace saywho {
namespace {

TEST(RetryConcurrentCommits, WaitsLongerBeforeEachRetryUpToACap) {
    EXPECT_EQ(concurrent_commit_backoff(2).count(), 5);
    EXPECT_EQ(concurrent_commit_backoff(3).count(), 10);
    EXPECT_EQ(concurrent_commit_backoff(8).count(), 320);
    EXPECT_EQ(concurrent_commit_backoff(20).count(), 320);
}

TEST(RetryConcurrentCommits, RetriesACommitRaceAndGivesUpAfterTheLastAttempt) {
    int calls = 0;
    EXPECT_EQ(retry_concurrent_commits([&](int attempt) {
                  ++calls;
                  if (attempt < 3) throw Xapian::DatabaseModifiedError("the revision was discarded");
                  return attempt;
              }),
              3);
    EXPECT_EQ(calls, 3);
    calls = 0;
    EXPECT_THROW(retry_concurrent_commits([&](int) -> int {
                     ++calls;
                     throw Xapian::DatabaseModifiedError("always");
                 }),
                 Xapian::DatabaseModifiedError);
    EXPECT_EQ(calls, CONCURRENT_COMMIT_RETRIES);
}

TEST(RetryConcurrentCommits, TheErrorsOfAReaderRacingTheIndexerAreTold) {
    EXPECT_TRUE(is_concurrent_commit_error(Xapian::DatabaseModifiedError("revision gone")));
    EXPECT_TRUE(is_concurrent_commit_error(Xapian::DatabaseCorruptError("block reused")));
    EXPECT_TRUE(is_concurrent_commit_error(Xapian::DocNotFoundError("Document 15 not found")));
    EXPECT_FALSE(is_concurrent_commit_error(Xapian::DatabaseOpeningError("no such database")));
    EXPECT_FALSE(is_concurrent_commit_error(Xapian::QueryParserError("syntax")));
}

TEST(RetryConcurrentCommits, OtherErrorsAreNotRetried) {
    int calls = 0;
    EXPECT_THROW(retry_concurrent_commits([&](int) -> int {
                     ++calls;
                     throw Xapian::DatabaseOpeningError("no such database");
                 }),
                 Xapian::DatabaseOpeningError);
    EXPECT_EQ(calls, 1);
}

TEST(OpenForReading, AXapianDatabaseWithoutASchemaVersionIsStillRefused) {
    TempDir dir;
    const std::string path = (dir.path() / "foreign.db").string();
    {
        Xapian::WritableDatabase foreign(path, Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_term("hello");
        foreign.add_document(doc);
        foreign.commit();
    }
    try {
        open_for_reading(path);
        FAIL() << "a database saywho did not build was opened";
    } catch (const DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("not one saywho built"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace saywho
