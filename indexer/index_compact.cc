/** @file index_compact.cc
 *  @brief Merging saywho databases (shards) into one with Xapian's compactor.
 */
#include "indexer/index_compact.h"

#include <chrono>
#include <filesystem>
#include <system_error>

#include "common/database.h"
#include "common/errors.h"
#include "common/schema.h"
#include "indexer/speaker_links.h"
#include "indexer/statement_clusters.h"

namespace fs = std::filesystem;

namespace saywho {

CompactSummary compact_databases(const std::vector<std::string>& shards, const std::string& out) {
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    if (fs::exists(out, ec))
        throw DatabaseError(out + " already exists: compact writes a new database (choose another --db)");
    Xapian::Database all;
    for (const auto& shard : shards) all.add_database(open_for_reading(shard));
    all.compact(out);
    // The compactor keeps user metadata, but say it plainly: the merged
    // database is of this schema, whatever order the shards came in.
    Xapian::WritableDatabase merged(out, Xapian::DB_OPEN);
    merged.set_metadata(schema::METADATA_SCHEMA_VERSION, std::to_string(schema::SCHEMA_VERSION));
    merged.set_metadata(schema::METADATA_FEATURES, schema::FEATURES);
    // A short name in one shard may have its fuller name in another.
    link_speakers(merged);
    // And near copies of a statement too.
    cluster_statements(merged);
    merged.commit();
    CompactSummary summary;
    summary.documents = merged.get_doccount();
    summary.articles = merged.get_termfreq(schema::type_term(schema::TYPE_ARTICLE));
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace saywho
