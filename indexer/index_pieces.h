/** @file index_pieces.h
 *  @brief A new database built in pieces: the inputs split among writers,
 *         each writing its part as a run of pieces small enough for the
 *         cache, the pieces merged in input order by Xapian's compactor.
 *         Internal to the indexer library.
 */
#ifndef SAYWHO_INDEXER_INDEX_PIECES_H
#define SAYWHO_INDEXER_INDEX_PIECES_H

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

/// Splits @p files into contiguous runs of at most @p piece_bytes bytes
/// each (a larger file makes a run of its own), in order.
std::vector<std::vector<InputFile>> split_pieces(const std::vector<InputFile>& files, std::uint64_t piece_bytes);

/// Where a build in pieces keeps its pieces: beside the database, so the
/// merged database can be renamed into place.
std::filesystem::path build_directory(const std::string& db_path);

/// Builds the new, empty database @p db (options.db_path) from @p parts of
/// the inputs, one writer thread (with its readers and workers) a part.
/// Each writer writes its part as pieces of at most options.piece_bytes of
/// input, each a database of its own: Xapian's updates slow down once a
/// database outgrows the cache, and a piece does not. The pieces are then
/// merged by Xapian's compactor in input order, so the documents and their
/// ids are those one writer would have given. @p db is closed and replaced
/// by the merged database.
void build_in_pieces(Xapian::WritableDatabase& db, const IndexOptions& options,
                     std::vector<std::vector<InputFile>> parts, std::uint64_t total_bytes, std::istream& stdin_stream,
                     Clock::time_point start, IndexObserver& observer, IndexSummary& summary);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_PIECES_H
