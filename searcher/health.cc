/** @file health.cc
 *  @brief What the HTTP service reports of its database.
 */
#include "searcher/health.h"

#include <filesystem>
#include <system_error>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/database.h"
#include "searcher/json_document.h"
#include "searcher/metrics.h"

namespace saywho {

namespace {

/// The bytes of the files under the database directory @p location; none
/// when it is not a directory (a stub file, "tcp://...") or cannot be read.
std::optional<std::uintmax_t> directory_bytes(const std::string& location) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(location, ec)) return std::nullopt;
    std::uintmax_t bytes = 0;
    for (fs::recursive_directory_iterator it(location, ec), end; !ec && it != end; it.increment(ec)) {
        const std::uintmax_t size = it->is_regular_file(ec) ? it->file_size(ec) : 0;
        if (!ec) bytes += size;
    }
    if (ec) return std::nullopt;
    return bytes;
}

std::optional<Xapian::rev> revision_of(const Xapian::Database& db) {
    try {
        return db.get_revision();
    } catch (const Xapian::InvalidOperationError&) {  // several databases
        return std::nullopt;
    } catch (const Xapian::UnimplementedError&) {  // a backend without revisions
        return std::nullopt;
    }
}

}  // namespace

DatabaseHealth database_health(const std::vector<std::string>& locations) {
    DatabaseHealth health;
    retry_concurrent_commits([&](int) {
        const Xapian::Database db = open_for_searching(locations);
        health.documents = db.get_doccount();
        health.revision = revision_of(db);
    });
    std::uintmax_t bytes = 0;
    for (const auto& location : locations) {
        const std::optional<std::uintmax_t> one = directory_bytes(location);
        if (!one) return health;
        bytes += *one;
    }
    health.size_bytes = bytes;
    return health;
}

std::string health_json(const DatabaseHealth& health) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    start_document(w, "health");
    w.Key("database");
    w.StartObject();
    w.Key("open");
    w.Bool(true);
    w.Key("revision");
    health.revision ? w.Uint64(*health.revision) : w.Null();
    w.Key("documents");
    w.Uint64(health.documents);
    w.Key("size_bytes");
    health.size_bytes ? w.Uint64(*health.size_bytes) : w.Null();
    w.EndObject();
    w.EndObject();
    return buffer.GetString();
}

void write_database_metrics(std::string& out, const std::vector<std::string>& locations) {
    DatabaseHealth health;
    try {
        health = database_health(locations);
    } catch (...) {
        // Why is /healthz's to say; here the gauge says that it failed.
        write_gauge(out, "saywho_database_up", "1 when the database opens, else 0.", 0);
        return;
    }
    write_gauge(out, "saywho_database_up", "1 when the database opens, else 0.", 1);
    write_gauge(out, "saywho_database_documents", "Documents in the database.", health.documents);
    if (health.revision)
        write_gauge(out, "saywho_database_revision", "The database's revision (Xapian's).",
                    static_cast<double>(*health.revision));
    if (health.size_bytes)
        write_gauge(out, "saywho_database_size_bytes", "Bytes of the database's files on disk.",
                    static_cast<double>(*health.size_bytes));
}

}  // namespace saywho
