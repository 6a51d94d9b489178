/** @file index_write.h
 *  @brief The writer of an indexing run: prepared documents into Xapian in
 *         input order, committed in batches, every outcome counted.
 *         Internal to the indexer library.
 */
#ifndef SAYWHO_INDEXER_INDEX_WRITE_H
#define SAYWHO_INDEXER_INDEX_WRITE_H

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "indexer/index_queues.h"
#include "indexer/index_run.h"
#include "indexer/speaker_links.h"

namespace saywho {

using Clock = std::chrono::steady_clock;

/// Seconds from @p start to now.
double seconds_since(Clock::time_point start);

/// Where an article was read: the index of its input in the reading
/// thread's list, and its line.
struct Origin {
    std::size_t file_index = 0;
    std::size_t line = 0;
};

/// What one writer did: its part of the summary, and what prune and the
/// merge of a parallel build need to know.
struct WriterTally {
    IndexSummary summary;  ///< all but pruned, ignored_files, bytes_read and seconds
    IndexProgress progress;
    std::unordered_map<std::string, Origin> seen_ids;  ///< every article id read, first copy's origin
    std::unordered_set<std::string> fully_read_jsonl;  ///< absolute paths
    /// Whether to note in speaker_changes the statements added and removed
    /// (a new database links every speaker anyway).
    bool note_speaker_changes = false;
    SpeakerChanges speaker_changes;
};

/// Hands the prepared items of @p queue to @p db in input order, committing
/// every options.batch_size articles (not at the end: the caller does).
/// Reports problems and, after each input file, progress to @p observer.
/// Returns when the queue is done, or early once @p stop is set.
/// Throws Error when the reading thread failed, Xapian::DatabaseError when
/// the database is in trouble; any other Xapian error costs one article.
void write_prepared(Xapian::WritableDatabase& db, OrderedQueue& queue, const IndexOptions& options,
                    const std::atomic<bool>& stop, Clock::time_point start, IndexObserver& observer,
                    WriterTally& tally);

/// Deletes the statements of article @p article_id from @p db, noting them
/// first in tally.speaker_changes if it asks.
void delete_statements(Xapian::WritableDatabase& db, const std::string& article_id, WriterTally& tally);

/// Adds the counts of @p part to @p total.
void add_counts(IndexSummary& total, const IndexSummary& part);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_WRITE_H
