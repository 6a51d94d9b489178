/** @file index_parallel.h
 *  @brief A new database built by several writers: the inputs split in
 *         parts, each written into a shard by its own threads, the shards
 *         merged in input order. Internal to the indexer library.
 */
#ifndef SAYWHO_INDEXER_INDEX_PARALLEL_H
#define SAYWHO_INDEXER_INDEX_PARALLEL_H

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/archive_reader.h"
#include "indexer/index_run.h"
#include "indexer/index_write.h"

namespace saywho {

/// Splits @p files into at most @p parts contiguous, non-empty runs of about
/// the same number of bytes, in order.
std::vector<std::vector<InputFile>> split_inputs(const std::vector<InputFile>& files, std::uint64_t total_bytes,
                                                 std::size_t parts);

/// Where a parallel build keeps its shards: beside the database, so the
/// merged database can be renamed into place.
std::filesystem::path build_directory(const std::string& db_path);

/// Builds the new, empty database @p db (options.db_path) from @p parts of
/// the inputs: each part is read and written into a shard of its own by a
/// pair of threads, then the shards are merged by Xapian's compactor in
/// input order, so the document ids are those one writer would have given.
/// @p db is closed and replaced by the merged database.
void build_in_parallel(Xapian::WritableDatabase& db, const IndexOptions& options,
                       std::vector<std::vector<InputFile>> parts, std::uint64_t total_bytes, std::istream& stdin_stream,
                       Clock::time_point start, IndexObserver& observer, IndexSummary& summary);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_PARALLEL_H
