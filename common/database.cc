/** @file database.cc
 *  @brief Opening saywho databases with schema-version checks and readable errors.
 */
#include "common/database.h"

#include <cstdlib>
#include <filesystem>

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
        throw DatabaseError(path + " is a Xapian database but not one saywho built (no schema version); "
                                   "give another --db, or remove it and run saywho-index again");
    }
    if (version != std::to_string(schema::SCHEMA_VERSION))
        throw DatabaseError(path + " has saywho schema version " + version + " but this saywho uses version " +
                            std::to_string(schema::SCHEMA_VERSION) + "; rebuild it: remove " + path +
                            " and run saywho-index again on your archive");
}

Xapian::WritableDatabase open_for_writing(const std::string& path) {
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        check_schema_version(db, path);
        if (db.get_metadata(schema::METADATA_SCHEMA_VERSION).empty()) {
            db.set_metadata(schema::METADATA_SCHEMA_VERSION, std::to_string(schema::SCHEMA_VERSION));
            db.set_metadata(schema::METADATA_FEATURES, schema::FEATURES);
        }
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseError(path + " is locked by another writer (another saywho-index is running on it); "
                                   "wait for it to finish and try again");
    } catch (const Xapian::DatabaseError& e) {
        throw DatabaseError("cannot open " + path + " for writing: " + e.get_msg());
    }
}

Xapian::Database open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw DatabaseError("no database at " + path + ": build one with 'saywho-index --db " + path +
                            " ARCHIVE...' (or set SAYWHO_DB)");
    try {
        Xapian::Database db(path);
        check_schema_version(db, path);
        return db;
    } catch (const Xapian::DatabaseError& e) {
        throw DatabaseError("cannot open database " + path + ": " + e.get_msg());
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
