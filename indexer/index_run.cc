/** @file index_run.cc
 *  @brief One indexing run: archive inputs in, database updated, outcomes
 *         counted; one writer in place, or a new database built in pieces.
 */
#include "indexer/index_run.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

#include <xapian.h>

#include "common/database.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/index_pieces.h"
#include "indexer/index_prepare.h"
#include "indexer/index_prune.h"
#include "indexer/index_queues.h"
#include "indexer/index_write.h"
#include "indexer/speaker_links.h"
#include "indexer/statement_clusters.h"

namespace fs = std::filesystem;

namespace saywho {

std::size_t shard_of(const std::string& article_id, std::size_t shards) {
    return shards == 0 ? 0 : static_cast<std::size_t>(fnv1a64(article_id) % shards) + 1;
}

namespace {

/// One writer updating @p db in place, its inputs read on a second thread;
/// returns the speakers of the statements it added and removed.
/// @p new_database: the run created @p db, so no article is stored yet.
SpeakerChanges index_in_place(Xapian::WritableDatabase& db, const IndexOptions& options, const InputList& inputs,
                              bool new_database, std::istream& stdin_stream, Clock::time_point start,
                              IndexObserver& observer, IndexSummary& summary) {
    // Reading, extraction and document building run on their own thread;
    // this thread only writes (Xapian allows one writer), so the two cores
    // overlap. Problems travel with the records and are reported here, in
    // input order.
    const std::size_t jobs = resolve_jobs(options.jobs);
    OrderedQueue queue(queue_capacity(jobs));
    WriterTally tally;
    tally.progress.bytes_total = inputs.total_bytes;
    tally.note_speaker_changes = !new_database;
    // Goes out with the first batch; removed in the commit of the link pass.
    db.set_metadata(schema::METADATA_LINKS_PENDING, "1");
    {
        PreparingThreads preparing(options, inputs.files, new_database ? std::string() : options.db_path, stdin_stream,
                                   queue, jobs);
        const std::atomic<bool> never_stop{false};
        write_prepared(db, queue, options, never_stop, start, observer, tally);
    }
    add_counts(summary, tally.summary);
    summary.bytes_read = tally.progress.bytes_done;
    if (options.prune) summary.pruned = prune_articles(db, tally);
    db.commit();
    return std::move(tally.speaker_changes);
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, IndexObserver& observer, std::istream& stdin_stream) {
    const auto start = Clock::now();
    IndexSummary summary;
    InputList inputs = discover_inputs(options.inputs);
    summary.ignored_files = inputs.ignored_files;
    for (const auto& problem : inputs.problems) {
        observer.on_problem(problem);
        ++summary.skipped;
    }

    std::error_code ec;
    // A database that exists, even empty as a build in pieces killed before
    // its end leaves it, is filled in place: its batches are committed as
    // they go, so a run killed again and again still gets there.
    const bool new_database = !fs::exists(options.db_path, ec);
    Xapian::WritableDatabase db = open_for_writing(options.db_path);
    // Commit a new database's metadata at once: from here on a valid
    // database is at the path, even if the run stops before its first batch.
    db.commit();
    // A build in pieces killed before its end leaves its pieces beside the
    // database; we hold the lock, so they are no other run's.
    fs::remove_all(build_directory(options.db_path));

    std::size_t writers = options.writers;
    if (writers == 0) writers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, MAX_AUTO_WRITERS);
    auto parts = split_inputs(inputs.files, inputs.total_bytes, writers);
    const bool in_pieces = parts.size() > 1 || split_pieces(inputs.files, options.piece_bytes).size() > 1;
    std::optional<SpeakerChanges> speaker_changes;  // none: link every speaker
    // A run killed before its link pass leaves statements nobody linked.
    const bool links_pending = !db.get_metadata(schema::METADATA_LINKS_PENDING).empty();
    if (new_database && in_pieces) {
        build_in_pieces(db, options, std::move(parts), inputs.total_bytes, stdin_stream, start, observer, summary);
        // It swapped the database it built into place of the one it closed.
        db = open_for_writing(options.db_path);
    } else {
        SpeakerChanges changes =
            index_in_place(db, options, inputs, new_database, stdin_stream, start, observer, summary);
        if (!new_database && !links_pending) speaker_changes = std::move(changes);
    }
    // Every run, as a link depends on what the whole archive says of a name;
    // after an update, only the names its statements touch are redone.
    observer.on_stage("linking speakers", seconds_since(start));
    summary.linked = link_speakers(db, speaker_changes ? &*speaker_changes : nullptr).changed;
    db.set_metadata(schema::METADATA_LINKS_PENDING, "");
    // After the links: a short statement's copies are told by their speaker.
    observer.on_stage("clustering statements", seconds_since(start));
    const ClusterCounts clusters = cluster_statements(db);
    summary.copies = clusters.copies;
    summary.clusters = clusters.clusters;
    db.commit();
    summary.seconds = seconds_since(start);
    return summary;
}

}  // namespace saywho
