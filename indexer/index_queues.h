/** @file index_queues.h
 *  @brief The queues of an indexing run: records from the reading thread to
 *         the workers, and prepared items from the workers to the writer in
 *         input order. Internal to the indexer library.
 */
#ifndef SAYWHO_INDEXER_INDEX_QUEUES_H
#define SAYWHO_INDEXER_INDEX_QUEUES_H

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/archive_reader.h"

namespace saywho {

/// Everything the reading thread found about one input record (or the end
/// of one input file), ready for the writing thread to apply in order.
struct PreparedItem {
    enum class Kind { RECORD, FILE_END, FAILURE } kind = Kind::RECORD;
    std::vector<InputProblem> problems;  ///< to report, in order
    bool has_article = false;
    bool unchanged = false;  ///< same content hash as in the database when reading started
    bool extraction_failed = false;
    bool other_shard = false;  ///< a good article of another shard (--shard): counted, not indexed
    std::string article_id;
    std::size_t line = 0;
    std::string display_path;
    Xapian::Document article_doc;
    std::vector<Xapian::Document> statement_docs;
    /// The article's words for the spelling data (DocumentBuilder::spelling_words).
    std::vector<std::pair<std::string, Xapian::termcount>> spelling;
    std::size_t file_index = 0;  ///< of the input in the reading thread's list
    // FILE_END
    const InputFile* file = nullptr;
    std::string absolute_path;
    bool file_had_skips = false;
    // FAILURE: the reading thread stopped on an error
    std::string failure;
};

/// The prepared items on their way to the writer, handed over in input
/// order however the workers finish: the reading thread takes a ticket for
/// every item, in input order, blocking while `capacity` tickets are out (so
/// memory stays bounded however large the archive); a worker fills the
/// ticket; the writer pops the tickets in order.
class OrderedQueue {
  public:
    explicit OrderedQueue(std::size_t capacity) : capacity_(capacity) {}

    /// Blocks while full; nullopt once the writer has given up.
    std::optional<std::uint64_t> take_ticket() {
        std::unique_lock<std::mutex> lock(mutex_);
        not_full_.wait(lock, [&] { return issued_ - popped_ < capacity_ || cancelled_; });
        if (cancelled_) return std::nullopt;
        slots_.emplace_back();
        return issued_++;
    }
    /// REQUIRES: @p ticket came from take_ticket() and was not filled yet.
    void fill(std::uint64_t ticket, PreparedItem&& item) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (cancelled_) return;
        slots_[static_cast<std::size_t>(ticket - popped_)] = std::move(item);
        if (ticket == popped_) ready_.notify_one();
    }
    /// Blocks until the next item in input order is filled; nullopt once
    /// finish() was called and every ticket has been popped.
    std::optional<PreparedItem> pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [&] { return (!slots_.empty() && slots_.front()) || (finished_ && slots_.empty()); });
        if (slots_.empty()) return std::nullopt;
        PreparedItem item = std::move(*slots_.front());
        slots_.pop_front();
        ++popped_;
        not_full_.notify_one();
        return item;
    }
    /// No more tickets will be taken.
    void finish() {
        std::lock_guard<std::mutex> lock(mutex_);
        finished_ = true;
        ready_.notify_all();
    }
    /// The writer has given up: ticket takers stop, fills are dropped.
    void cancel() {
        std::lock_guard<std::mutex> lock(mutex_);
        cancelled_ = true;
        not_full_.notify_all();
    }

  private:
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable not_full_, ready_;
    std::deque<std::optional<PreparedItem>> slots_;  ///< tickets popped_ .. issued_-1
    std::uint64_t issued_ = 0, popped_ = 0;
    bool finished_ = false;
    bool cancelled_ = false;
};

/// One article record for a worker to prepare, with the ticket its result fills.
struct ArticleJob {
    std::uint64_t ticket = 0;
    ParseResult result;
    std::size_t file_index = 0;
    std::string display_path;
    std::string absolute_path;
};

/// Hands article records from the reading thread to the workers. Unbounded
/// by itself: every job holds an OrderedQueue ticket, which bounds them.
class JobQueue {
  public:
    void push(ArticleJob&& job) {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(job));
        changed_.notify_one();
    }
    /// Blocks while empty; nullopt once closed and empty.
    std::optional<ArticleJob> pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return !jobs_.empty() || closed_; });
        if (jobs_.empty()) return std::nullopt;
        ArticleJob job = std::move(jobs_.front());
        jobs_.pop_front();
        return job;
    }
    /// No more jobs; with @p drop, those waiting are dropped too (the writer gave up).
    void close(bool drop) {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
        if (drop) jobs_.clear();
        changed_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<ArticleJob> jobs_;
    bool closed_ = false;
};

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_QUEUES_H
