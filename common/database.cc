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

}  // namespace saywho
