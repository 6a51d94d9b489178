/** @file index_run.h
 *  @brief One indexing run: archive inputs in, database updated, outcomes counted.
 *
 *  run_index() is the whole of the indexer's public interface but for
 *  compaction (index_compact.h). It is built from one file per job, each
 *  with an internal header: index_queues (the queues between threads),
 *  index_prepare (reading, comparing, extracting, building documents),
 *  index_write (the writer), index_prune (removing articles whose input is
 *  gone) and index_pieces (a new database built in pieces by one or more
 *  writers).
 */
#ifndef SAYWHO_INDEXER_INDEX_RUN_H
#define SAYWHO_INDEXER_INDEX_RUN_H

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/archive_reader.h"

namespace saywho {

/// IndexOptions::piece_bytes unless set: a piece of this much news builds
/// at full speed on a small machine (docs/performance.md, "Pieces").
inline constexpr std::uint64_t DEFAULT_PIECE_BYTES = std::uint64_t{32} << 20;

struct IndexOptions {
    std::string db_path;              ///< REQUIRES: not empty
    std::vector<std::string> inputs;  ///< files, directories or "-" (JSON Lines on stdin)
    ReaderOptions reader;
    /// Remove articles whose input file is gone (and, for JSON Lines files read
    /// in full in this run, ids no longer in them).
    bool prune = false;
    /// Extract statements (extract/extract.h) and index each as a document,
    /// with the people and places of each article. False indexes articles
    /// only (`--no-statements`, for benchmarks and quick builds).
    bool statements = true;
    /// Commit after this many added, updated or removed articles (each with
    /// its statements, so an article and its statements are committed together).
    std::size_t batch_size = 500;
    /// Index at most this many statements of one article (with a warning),
    /// so that a huge article cannot take all memory.
    std::size_t max_statements = 10000;
    /// Extract statements from at most this many bytes of an article's body
    /// (its whole text is indexed): extraction memory grows with the text.
    std::size_t max_extract_bytes = std::size_t{8} << 20;
    /// `--shard K/N`: index only the articles whose id falls in shard K
    /// (1-based) of N (shard_of()); 0 of 0 indexes every article.
    std::size_t shard = 0, shards = 0;
    /// Writer threads for building a new database: with more than one, and
    /// more than one input file, the inputs are split into that many
    /// contiguous parts, each read and written in pieces on its own pair of
    /// threads, and the pieces are merged with Xapian's compactor at the end
    /// (same documents, same document ids as one writer). An existing
    /// database is always updated by one writer. 0: one per CPU core, at
    /// most MAX_AUTO_WRITERS.
    std::size_t writers = 0;
    /// A new database is built in pieces of at most this many bytes of
    /// input each (index_pieces.h), merged at the end; an input file
    /// larger than this is a piece of its own.
    std::uint64_t piece_bytes = DEFAULT_PIECE_BYTES;
    /// `--jobs`: worker threads that compare, extract and build documents
    /// for the writers, in all (shared out among the writers of a parallel
    /// build, at least one each); each writer also has one thread that
    /// reads its inputs. 0: one per CPU core.
    std::size_t jobs = 0;
};

/// The most writer threads IndexOptions::writers = 0 picks.
inline constexpr std::size_t MAX_AUTO_WRITERS = 4;

/// Counts of every outcome; each article or input lands in exactly one of
/// added, updated, unchanged, skipped or failed.
struct IndexSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t skipped = 0;  ///< bad input, reported with its reason
    std::size_t failed = 0;   ///< good input the database refused
    std::size_t pruned = 0;   ///< articles removed by prune, each with its statements
    /// Statements the speaker links gave another name (indexer/speaker_links.h).
    std::size_t linked = 0;
    /// Statements that are copies of another (indexer/statement_clusters.h),
    /// and the clusters they form with it, over the whole database.
    std::size_t copies = 0;
    std::size_t clusters = 0;
    std::size_t other_shard = 0;  ///< good articles left to the other shards (--shard)
    /// Statement documents written for the added and updated articles (those
    /// of unchanged articles are kept and not counted).
    std::size_t statements = 0;
    /// Indexed with a problem: after a repair (e.g. invalid UTF-8), as a
    /// duplicate id, or without statements because extraction failed.
    std::size_t warnings = 0;
    std::size_t ignored_files = 0;  ///< files in directories that are not .txt/.jsonl
    std::uint64_t bytes_read = 0;
    double seconds = 0;
};

struct IndexProgress {
    std::size_t articles = 0;  ///< articles and skipped records handled so far
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;  ///< 0 when unknown (stdin)
    double seconds = 0;
};

/// Receives problems and progress as they happen. Called from the thread
/// that runs run_index().
class IndexObserver {
  public:
    virtual ~IndexObserver() = default;
    virtual void on_problem(const InputProblem& problem) = 0;
    /// Called after each input file; cheap to ignore.
    virtual void on_progress(const IndexProgress& progress) = 0;
    /// Called when the run moves on to a stage over the whole database
    /// ("merging 10 pieces", "linking speakers", "clustering statements"),
    /// @p seconds into the run; such a stage reports no progress of its own.
    virtual void on_stage(const std::string& stage, double seconds) {
        (void)stage;
        (void)seconds;
    }
};

/// The shard (1..@p shards) an article id belongs to: fnv1a64 of the id,
/// so every indexer splits an archive the same way.
std::size_t shard_of(const std::string& article_id, std::size_t shards);

/// Indexes every input into options.db_path, committing in batches and at
/// the end. Bad inputs are reported and counted, never fatal. An added or
/// changed article replaces all the statements indexed for it before.
/// A new database built by several writers (IndexOptions::writers) appears
/// only at the end of the run: until then the shards are kept in
/// "<db_path>.saywho-build" beside it, which is removed afterwards, and an
/// interrupted run leaves an empty database to start again from.
/// Throws DatabaseError when the database cannot be opened (locked, other
/// schema) or a write fails in a way that leaves nothing sensible to do.
IndexSummary run_index(const IndexOptions& options, IndexObserver& observer, std::istream& stdin_stream);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_RUN_H
