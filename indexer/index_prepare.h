/** @file index_prepare.h
 *  @brief Preparing an indexing run's articles for its writer: a reading
 *         thread and workers that compare, extract and build documents.
 *         Internal to the indexer library.
 */
#ifndef SAYWHO_INDEXER_INDEX_PREPARE_H
#define SAYWHO_INDEXER_INDEX_PREPARE_H

#include <cstddef>
#include <istream>
#include <string>
#include <thread>
#include <vector>

#include "common/archive_reader.h"
#include "indexer/index_queues.h"
#include "indexer/index_run.h"

namespace saywho {

/// IndexOptions::jobs with 0 made one per CPU core.
std::size_t resolve_jobs(std::size_t jobs);

/// The queue capacity for @p workers: enough items in flight to keep every
/// worker busy while the writer is in a commit, few enough to bound memory.
std::size_t queue_capacity(std::size_t workers);

/// The threads that prepare the items of one writer: a reading thread,
/// which parses the inputs in order, and @p workers worker threads, which
/// compare each article with the database, extract its statements and
/// build its documents; together they fill @p queue in input order. A
/// failure on any of them travels down the queue as a FAILURE item in its
/// place; the destructor stops and joins them all.
class PreparingThreads {
  public:
    /// Every argument but @p db_path (copied) must outlive this object. The
    /// workers compare each article with the database at @p db_path; an
    /// empty @p db_path says the run began with an empty database, where
    /// every article is new.
    PreparingThreads(const IndexOptions& options, const std::vector<InputFile>& files, const std::string& db_path,
                     std::istream& stdin_stream, OrderedQueue& queue, std::size_t workers);
    /// Stops the threads (the writer may have given up) and joins them.
    ~PreparingThreads();
    PreparingThreads(const PreparingThreads&) = delete;
    PreparingThreads& operator=(const PreparingThreads&) = delete;

  private:
    OrderedQueue& queue_;
    JobQueue jobs_;
    std::thread reader_;
    std::vector<std::thread> workers_;
};

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_PREPARE_H
