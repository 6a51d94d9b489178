/** @file index_compact.h
 *  @brief Merging saywho databases (shards) into one with Xapian's compactor.
 */
#ifndef SAYWHO_INDEXER_INDEX_COMPACT_H
#define SAYWHO_INDEXER_INDEX_COMPACT_H

#include <string>
#include <vector>

#include <xapian.h>

namespace saywho {

struct CompactSummary {
    Xapian::doccount documents = 0, articles = 0;
    double seconds = 0;
};

/// Merges saywho databases (shards) into a new database at @p out with
/// Xapian's compactor, after checking each one's schema version. Throws
/// DatabaseError when a shard is missing or of another schema, or @p out exists.
CompactSummary compact_databases(const std::vector<std::string>& shards, const std::string& out);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_COMPACT_H
