/** @file index_run.cc
 *  @brief One indexing run: archive inputs in, database updated, outcomes counted.
 */
#include "indexer/index_run.h"

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <rapidjson/document.h>
#include <xapian.h>

#include "common/database.h"
#include "common/errors.h"
#include "extract/extract.h"
#include "common/schema.h"
#include "common/text.h"
#include "indexer/document_builder.h"

namespace fs = std::filesystem;

namespace saywho {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// IndexOptions::jobs with 0 made one per CPU core.
std::size_t resolve_jobs(std::size_t jobs) {
    return jobs ? jobs : std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

/// The stored content hash of the article with @p id_term, or "" if absent.
std::string stored_hash(const Xapian::Database& db, const std::string& id_term) {
    auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) return {};
    return db.get_document(*it).get_value(schema::SLOT_CONTENT_HASH);
}

/// Fills @p facts with what extraction finds in @p article; on failure
/// reports a warning, leaves @p facts empty and returns false: a fault in the
/// extractor must cost the article's statements, not the article or the run.
bool extract_facts(const Article& article, const std::string& display_path, IndexObserver& observer,
                   ArticleFacts& facts) {
    try {
        facts = analyze_article(article);
        return true;
    } catch (const std::exception& e) {
        observer.on_problem({display_path, article.line,
                             "statements not extracted from '" + article.id + "': " + e.what(), false});
        facts = ArticleFacts{};
        return false;
    }
}

/// Removes articles whose input is gone, each with its statements; see IndexOptions::prune.
template <typename SeenIds>
std::size_t prune_articles(Xapian::WritableDatabase& db, const std::unordered_set<std::string>& fully_read_jsonl,
                           const SeenIds& seen_ids) {
    std::vector<std::string> doomed;
    const std::string type = schema::type_term(schema::TYPE_ARTICLE);
    for (auto it = db.postlist_begin(type); it != db.postlist_end(type); ++it) {
        rapidjson::Document data;
        std::string raw = db.get_document(*it).get_data();
        data.Parse(raw.c_str(), raw.size());
        if (data.HasParseError() || !data.IsObject() || !data.HasMember(schema::DATA_PATH)) continue;
        std::string path = data[schema::DATA_PATH].GetString();
        std::string id = data[schema::DATA_ID].GetString();
        if (path == "<stdin>") continue;  // no file to check against
        std::error_code ec;
        bool gone = !fs::exists(path, ec) && !ec;
        if (!gone && fully_read_jsonl.count(path) && !seen_ids.count(id)) gone = true;
        if (gone) doomed.push_back(id);
    }
    for (const auto& id : doomed) {
        db.delete_document(schema::article_id_term(id));
        db.delete_document(schema::statement_article_term(id));
    }
    return doomed.size();
}

}  // namespace

CompactSummary compact_databases(const std::vector<std::string>& shards, const std::string& out) {
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    if (fs::exists(out, ec)) throw DatabaseError(out + " already exists: compact writes a new database (choose another --db)");
    Xapian::Database all;
    for (const auto& shard : shards) all.add_database(open_for_reading(shard));
    all.compact(out);
    // The compactor keeps user metadata, but say it plainly: the merged
    // database is of this schema, whatever order the shards came in.
    Xapian::WritableDatabase merged(out, Xapian::DB_OPEN);
    merged.set_metadata(schema::METADATA_SCHEMA_VERSION, std::to_string(schema::SCHEMA_VERSION));
    merged.set_metadata(schema::METADATA_FEATURES, schema::FEATURES);
    merged.commit();
    CompactSummary summary;
    summary.documents = merged.get_doccount();
    summary.articles = merged.get_termfreq(schema::type_term(schema::TYPE_ARTICLE));
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

std::size_t shard_of(const std::string& article_id, std::size_t shards) {
    return shards == 0 ? 0 : static_cast<std::size_t>(fnv1a64(article_id) % shards) + 1;
}

namespace {

/// Everything the reading thread found about one input record (or the end
/// of one input file), ready for the writing thread to apply in order.
struct PreparedItem {
    enum class Kind { RECORD, FILE_END, FAILURE } kind = Kind::RECORD;
    std::vector<InputProblem> problems;  ///< to report, in order
    bool has_article = false;
    bool unchanged = false;        ///< same content hash as in the database when reading started
    bool extraction_failed = false;
    bool other_shard = false;      ///< a good article of another shard (--shard): counted, not indexed
    std::string article_id;
    std::size_t line = 0;
    std::string display_path;
    Xapian::Document article_doc;
    std::vector<Xapian::Document> statement_docs;
    /// The article's words for the spelling data (DocumentBuilder::spelling_words).
    std::vector<std::pair<std::string, Xapian::termcount>> spelling;
    std::size_t file_index = 0;    ///< of the input in the reading thread's list
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

/// Collects problems instead of printing them, for the worker threads.
class ProblemCollector : public IndexObserver {
  public:
    void on_problem(const InputProblem& problem) override { problems.push_back(problem); }
    void on_progress(const IndexProgress&) override {}
    std::vector<InputProblem> problems;
};

/// A worker's part: compares the article of @p job with @p snapshot (the
/// database as the run found it, plus what the writer has committed since;
/// nullptr when the run began with an empty database) and, unless unchanged,
/// extracts its statements and builds every document, so the writer only
/// has to hand them to Xapian.
PreparedItem prepare_article(const IndexOptions& options, ArticleJob& job, Xapian::Database* snapshot,
                             DocumentBuilder& builder) {
    PreparedItem item;
    item.display_path = job.display_path;
    item.file_index = job.file_index;
    item.problems = std::move(job.result.problems);
    Article& article = *job.result.article;
    article.path = job.absolute_path;
    item.has_article = true;
    item.article_id = article.id;
    item.line = article.line;
    const std::string id_term = schema::article_id_term(article.id);
    const std::string hash = article_content_hash(article, options.statements);
    std::string old_hash;
    for (int attempt = 0; snapshot; ++attempt) {
        try {
            old_hash = stored_hash(*snapshot, id_term);
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            // The writer committed past our snapshot: look again.
            if (attempt > 3) throw;
            snapshot->reopen();
        }
    }
    item.unchanged = old_hash == hash;
    if (item.unchanged) return item;
    ArticleFacts facts;
    std::string stored = hash;
    if (options.statements) {
        ProblemCollector collector;
        bool extracted;
        if (article.body.size() > options.max_extract_bytes) {
            // Extraction holds every token of the text in memory; a body this
            // long (real articles are a few KB) gives statements from its
            // first part only, and its whole text is indexed as usual.
            Article head = article;
            std::size_t cut = head.body.rfind("\n\n", options.max_extract_bytes);
            if (cut == std::string::npos || cut == 0) cut = head.body.rfind(' ', options.max_extract_bytes);
            if (cut == std::string::npos || cut == 0) cut = options.max_extract_bytes;
            while (cut > 0 && (static_cast<unsigned char>(head.body[cut]) & 0xC0) == 0x80) --cut;  // whole characters
            head.body.resize(cut);
            item.problems.push_back({job.display_path, article.line,
                                     "article '" + article.id + "' is " + std::to_string(article.body.size() >> 20) +
                                         " MiB long; statements are extracted from its first " +
                                         std::to_string(cut >> 10) + " KiB only (--extract-limit)",
                                     false});
            extracted = extract_facts(head, job.display_path, collector, facts);
        } else {
            extracted = extract_facts(article, job.display_path, collector, facts);
        }
        if (!extracted) {
            item.extraction_failed = true;
            // Stored as an article without statements, so the next run
            // tries the extraction again instead of skipping it.
            stored = article_content_hash(article, false);
        }
        for (auto& problem : collector.problems) item.problems.push_back(std::move(problem));
    }
    if (facts.statements.size() > options.max_statements) {
        // Memory stays bounded: each statement is a document held until the
        // writer takes it. Real articles have tens; this is a data dump.
        item.problems.push_back({job.display_path, article.line,
                                 "article '" + article.id + "' has " + std::to_string(facts.statements.size()) +
                                     " statements; only the first " + std::to_string(options.max_statements) +
                                     " are indexed (--max-statements)",
                                 false});
        facts.statements.resize(options.max_statements);
    }
    item.statement_docs.reserve(facts.statements.size());
    for (std::size_t i = 0; i < facts.statements.size(); ++i)
        item.statement_docs.push_back(builder.build_statement(article, facts.statements[i], i));
    item.article_doc = builder.build_article(article, stored, facts);
    item.spelling = DocumentBuilder::spelling_words(item.article_doc);
    return item;
}

/// The reading thread's part: parses @p files in order, takes a ticket for
/// every record and file end, fills those that need no work (skipped
/// records, other shards' articles, file ends) and passes articles to the
/// workers through @p jobs.
void read_inputs(const IndexOptions& options, const std::vector<InputFile>& files, std::istream& stdin_stream,
                 OrderedQueue& queue, JobQueue& jobs) {
    for (std::size_t file_index = 0; file_index < files.size(); ++file_index) {
        const InputFile& file = files[file_index];
        const bool from_stdin = file.path == "-";
        const std::string display_path = from_stdin ? "<stdin>" : file.path;
        const std::string absolute_path =
            from_stdin ? display_path : fs::absolute(file.path).lexically_normal().string();
        bool file_had_skips = false;
        bool stopped = false;
        read_input(file, options.reader, stdin_stream, [&](ParseResult&& result) {
            if (stopped) return;
            auto ticket = queue.take_ticket();
            if (!ticket) {
                stopped = true;
                return;
            }
            for (const auto& problem : result.problems)
                if (problem.skipped) file_had_skips = true;
            if (result.article && !(options.shards > 1 && shard_of(result.article->id, options.shards) != options.shard)) {
                jobs.push({*ticket, std::move(result), file_index, display_path, absolute_path});
                return;
            }
            PreparedItem item;
            item.display_path = display_path;
            item.file_index = file_index;
            item.problems = std::move(result.problems);
            item.other_shard = result.article.has_value();  // another indexer's part of the archive
            queue.fill(*ticket, std::move(item));
        });
        if (stopped) return;
        auto ticket = queue.take_ticket();
        if (!ticket) return;
        PreparedItem end;
        end.kind = PreparedItem::Kind::FILE_END;
        end.file = &file;
        end.absolute_path = absolute_path;
        end.file_had_skips = file_had_skips;
        queue.fill(*ticket, std::move(end));
    }
}

/// A FAILURE item carrying @p message.
PreparedItem failure_item(std::string message) {
    PreparedItem failure;
    failure.kind = PreparedItem::Kind::FAILURE;
    failure.failure = std::move(message);
    return failure;
}

/// The threads that prepare the items of one writer: a reading thread
/// (read_inputs()) and @p workers worker threads (prepare_article()), which
/// fill @p queue in input order. A failure on any of them travels down the
/// queue as a FAILURE item in its place; the destructor stops and joins them all.
class PreparingThreads {
  public:
    /// Every argument but @p db_path (copied) must outlive this object. The
    /// workers compare each article with the database at @p db_path; an
    /// empty @p db_path says the run began with an empty database, where
    /// every article is new.
    PreparingThreads(const IndexOptions& options, const std::vector<InputFile>& files, const std::string& db_path,
                     std::istream& stdin_stream, OrderedQueue& queue, std::size_t workers)
        : queue_(queue) {
        reader_ = std::thread([this, &options, &files, &stdin_stream, &queue] {
            std::string failure;
            try {
                read_inputs(options, files, stdin_stream, queue, jobs_);
            } catch (const std::exception& e) {
                failure = e.what();
            } catch (const Xapian::Error& e) {
                failure = e.get_description();
            }
            if (!failure.empty())
                if (auto ticket = queue.take_ticket()) queue.fill(*ticket, failure_item(std::move(failure)));
            queue.finish();
            jobs_.close(false);
        });
        for (std::size_t i = 0; i < std::max<std::size_t>(workers, 1); ++i) {
            workers_.emplace_back([&options, db_path, &queue, this] {
                std::optional<Xapian::Database> snapshot;
                DocumentBuilder builder;
                while (auto job = jobs_.pop()) {
                    try {
                        if (!snapshot && !db_path.empty()) snapshot.emplace(db_path);
                        queue.fill(job->ticket,
                                   prepare_article(options, *job, snapshot ? &*snapshot : nullptr, builder));
                    } catch (const std::exception& e) {
                        queue.fill(job->ticket, failure_item(e.what()));
                    } catch (const Xapian::Error& e) {
                        queue.fill(job->ticket, failure_item(e.get_description()));
                    }
                }
            });
        }
    }
    ~PreparingThreads() {
        queue_.cancel();
        jobs_.close(true);
        reader_.join();
        for (auto& worker : workers_) worker.join();
    }
    PreparingThreads(const PreparingThreads&) = delete;
    PreparingThreads& operator=(const PreparingThreads&) = delete;

  private:
    OrderedQueue& queue_;
    JobQueue jobs_;
    std::thread reader_;
    std::vector<std::thread> workers_;
};

/// The queue capacity for @p workers: enough items in flight to keep every
/// worker busy while the writer is in a commit, few enough to bound memory.
std::size_t queue_capacity(std::size_t workers) { return std::max<std::size_t>(64, 32 * workers); }

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
};

/// Hands the prepared items of @p queue to @p db in input order, committing
/// every options.batch_size articles (not at the end: the caller does).
/// Reports problems and, after each input file, progress to @p observer.
/// Returns when the queue is done, or early once @p stop is set.
/// Throws Error when the reading thread failed, Xapian::DatabaseError when
/// the database is in trouble; any other Xapian error costs one article.
void write_prepared(Xapian::WritableDatabase& db, OrderedQueue& queue, const IndexOptions& options,
                    const std::atomic<bool>& stop, Clock::time_point start, IndexObserver& observer,
                    WriterTally& tally) {
    IndexSummary& summary = tally.summary;
    IndexProgress& progress = tally.progress;
    std::size_t uncommitted = 0;
    while (auto next = queue.pop()) {
        if (stop) return;
        PreparedItem& item = *next;
        if (item.kind == PreparedItem::Kind::FAILURE) throw Error("reading the archive failed: " + item.failure);
        if (item.kind == PreparedItem::Kind::FILE_END) {
            const InputFile& file = *item.file;
            if (file.format == InputFile::Format::JSONL && file.path != "-") {
                if (!item.file_had_skips)
                    tally.fully_read_jsonl.insert(item.absolute_path);
                else if (options.prune)
                    observer.on_problem({file.path, 0,
                                         "--prune keeps this file's other articles because some of its lines "
                                         "could not be read",
                                         false});
            }
            progress.bytes_done += file.size;
            progress.seconds = seconds_since(start);
            observer.on_progress(progress);
            continue;
        }
        ++progress.articles;
        for (const auto& problem : item.problems) observer.on_problem(problem);
        if (item.other_shard) {
            ++summary.other_shard;
            continue;
        }
        if (!item.has_article) {
            ++summary.skipped;
            continue;
        }
        bool warned = item.extraction_failed;
        for (const auto& problem : item.problems)
            if (!problem.skipped) warned = true;
        if (warned) ++summary.warnings;
        if (!tally.seen_ids.emplace(item.article_id, Origin{item.file_index, item.line}).second) {
            observer.on_problem({item.display_path, item.line,
                                 "duplicate article id '" + item.article_id +
                                     "': replaces the article of that id read earlier in this run",
                                 false});
            ++summary.warnings;
            // Known limit: the reading thread compares with the database as it
            // was when the run began, so if this later copy equals that old
            // version it counts as unchanged and the earlier copy, already
            // written, stays. The warning above tells the user either way.
        }
        if (item.unchanged) {
            ++summary.unchanged;
            continue;
        }
        const std::string id_term = schema::article_id_term(item.article_id);
        try {
            bool existed = db.postlist_begin(id_term) != db.postlist_end(id_term);
            // The old statements go first, whatever changed: a changed body
            // can have fewer statements, and none may be left behind.
            db.delete_document(schema::statement_article_term(item.article_id));
            for (const auto& doc : item.statement_docs) db.add_document(doc);
            // The article, with its new content hash, comes last: if a
            // statement fails, the old hash makes the next run redo them all.
            db.replace_document(id_term, item.article_doc);
            // Known limit: a replaced article's old words keep their counts.
            for (const auto& [word, count] : item.spelling) db.add_spelling(word, count);
            summary.statements += item.statement_docs.size();
            ++(existed ? summary.updated : summary.added);
            if (++uncommitted >= options.batch_size) {
                db.commit();
                uncommitted = 0;
            }
        } catch (const Xapian::DatabaseError&) {
            throw;  // the database itself is in trouble: stop the run
        } catch (const Xapian::Error& e) {
            ++summary.failed;
            observer.on_problem({item.display_path, item.line, "not indexed: " + e.get_description(), true});
        }
    }
}

/// Adds the counts of @p part to @p total.
void add_counts(IndexSummary& total, const IndexSummary& part) {
    total.added += part.added;
    total.updated += part.updated;
    total.unchanged += part.unchanged;
    total.other_shard += part.other_shard;
    total.skipped += part.skipped;
    total.failed += part.failed;
    total.statements += part.statements;
    total.warnings += part.warnings;
}

/// One writer updating @p db in place, its inputs read on a second thread.
/// @p new_database: the run created @p db, so no article is stored yet.
void index_in_place(Xapian::WritableDatabase& db, const IndexOptions& options, const InputList& inputs,
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
    {
        PreparingThreads preparing(options, inputs.files, new_database ? std::string() : options.db_path,
                                   stdin_stream, queue, jobs);
        const std::atomic<bool> never_stop{false};
        write_prepared(db, queue, options, never_stop, start, observer, tally);
    }
    add_counts(summary, tally.summary);
    summary.bytes_read = tally.progress.bytes_done;
    if (options.prune) summary.pruned = prune_articles(db, tally.fully_read_jsonl, tally.seen_ids);
    db.commit();
}

/// Splits @p files into at most @p parts contiguous, non-empty runs of about
/// the same number of bytes, in order.
std::vector<std::vector<InputFile>> split_inputs(const std::vector<InputFile>& files, std::uint64_t total_bytes,
                                                 std::size_t parts) {
    std::vector<std::vector<InputFile>> out(std::min(parts, files.size()));
    std::uint64_t done = 0;
    std::size_t part = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::size_t files_left = files.size() - i;
        const std::size_t parts_left = out.size() - part - 1;  // after this one
        if (!out[part].empty() && parts_left > 0 &&
            (done * out.size() >= total_bytes * (part + 1) || files_left == parts_left))
            ++part;
        out[part].push_back(files[i]);
        done += files[i].size;
    }
    return out;
}

/// One part of a parallel build: its inputs, its shard, and the writer's
/// problems and progress until the thread that runs run_index() passes them on.
struct Lane {
    std::vector<InputFile> files;
    std::string shard_path;
    std::optional<Xapian::WritableDatabase> shard;
    std::optional<OrderedQueue> queue;
    WriterTally tally;
    // Guarded by LaneHub::mutex:
    std::vector<InputProblem> problems;
    IndexProgress progress;
    std::size_t progress_reports = 0;  ///< not yet passed on
    bool done = false;
    std::exception_ptr error;
};

/// Carries problems and progress from the writer threads of a parallel build
/// to the thread that runs run_index(), the only one that may call the
/// observer.
struct LaneHub {
    std::mutex mutex;
    std::condition_variable changed;
    bool news = false;
};

/// The observer a lane's writer thread reports to.
class LaneObserver : public IndexObserver {
  public:
    LaneObserver(LaneHub& hub, Lane& lane) : hub_(hub), lane_(lane) {}
    void on_problem(const InputProblem& problem) override {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        lane_.problems.push_back(problem);
        notify();
    }
    void on_progress(const IndexProgress& progress) override {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        lane_.progress = progress;
        ++lane_.progress_reports;
        notify();
    }
    void finish(std::exception_ptr error) {
        std::lock_guard<std::mutex> lock(hub_.mutex);
        lane_.done = true;
        lane_.error = std::move(error);
        notify();
    }

  private:
    void notify() {
        hub_.news = true;
        hub_.changed.notify_one();
    }
    LaneHub& hub_;
    Lane& lane_;
};

/// Passes the lanes' problems and progress on to @p observer until every
/// lane is done. Problems keep input order: a lane's are held back until
/// the lanes before it are done. Returns the first lane error, if any.
std::exception_ptr relay_lanes(std::vector<std::unique_ptr<Lane>>& lanes, LaneHub& hub,
                               const IndexProgress& totals, IndexObserver& observer) {
    std::size_t live = 0;  // the first lane not yet done
    for (;;) {
        std::vector<InputProblem> problems;
        std::size_t reports = 0;
        IndexProgress progress = totals;
        std::exception_ptr error;
        bool all_done = true;
        {
            std::unique_lock<std::mutex> lock(hub.mutex);
            hub.changed.wait(lock, [&] { return hub.news; });
            hub.news = false;
            for (; live < lanes.size(); ++live) {
                Lane& lane = *lanes[live];
                for (auto& problem : lane.problems) problems.push_back(std::move(problem));
                lane.problems.clear();
                if (!lane.done) break;
            }
            for (auto& lane : lanes) {
                progress.articles += lane->progress.articles;
                progress.bytes_done += lane->progress.bytes_done;
                progress.seconds = std::max(progress.seconds, lane->progress.seconds);
                reports += std::exchange(lane->progress_reports, 0);
                if (lane->error && !error) error = lane->error;
                all_done = all_done && lane->done;
            }
        }
        for (const auto& problem : problems) observer.on_problem(problem);
        for (std::size_t i = 0; i < reports; ++i) observer.on_progress(progress);
        if (error || all_done) return error;
    }
}

/// The display name of an input in problems.
std::string display_name(const InputFile& file) { return file.path == "-" ? "<stdin>" : file.path; }

/// The directory of the database at @p db_path ("news.db/" is "news.db").
fs::path database_directory(const std::string& db_path) {
    fs::path target = fs::path(db_path).lexically_normal();
    if (target.filename().empty()) target = target.parent_path();
    return target;
}

/// Where a parallel build keeps its shards: beside the database, so the
/// merged database can be renamed into place.
fs::path build_directory(const std::string& db_path) {
    return database_directory(db_path).string() + ".saywho-build";
}

/// Builds the new, empty database @p db (options.db_path) from @p parts of
/// the inputs: each part is read and written into a shard of its own by a
/// pair of threads, then the shards are merged by Xapian's compactor in
/// input order, so the document ids are those one writer would have given.
/// @p db is closed and replaced by the merged database.
void build_in_parallel(Xapian::WritableDatabase& db, const IndexOptions& options,
                       std::vector<std::vector<InputFile>> parts, std::uint64_t total_bytes,
                       std::istream& stdin_stream, Clock::time_point start, IndexObserver& observer,
                       IndexSummary& summary) {
    const fs::path target = database_directory(options.db_path);
    const fs::path build_dir = build_directory(options.db_path);
    struct RemoveGuard {
        fs::path path;
        ~RemoveGuard() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } remove_guard{build_dir};
    fs::create_directories(build_dir);

    // options.jobs counts the workers of all lanes together.
    const std::size_t lane_workers = std::max<std::size_t>(1, resolve_jobs(options.jobs) / parts.size());
    std::vector<std::unique_ptr<Lane>> lanes;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto lane = std::make_unique<Lane>();
        lane->queue.emplace(queue_capacity(lane_workers));
        lane->files = std::move(parts[i]);
        lane->shard_path = (build_dir / ("shard-" + std::to_string(i))).string();
        // A shard is scratch: if the run dies, it is deleted, not recovered,
        // so its commits need not wait for the disk. The compactor syncs the
        // merged database it writes.
        lane->shard.emplace(open_for_writing(lane->shard_path, Xapian::DB_NO_SYNC));
        lanes.push_back(std::move(lane));
    }

    LaneHub hub;
    std::atomic<bool> stop{false};
    std::vector<LaneObserver> lane_observers;
    lane_observers.reserve(lanes.size());
    for (auto& lane : lanes) lane_observers.emplace_back(hub, *lane);
    std::vector<std::thread> writers;
    // Whatever happens below, every writer is stopped and joined.
    struct JoinGuard {
        std::atomic<bool>& stop;
        std::vector<std::thread>& threads;
        ~JoinGuard() {
            stop = true;
            for (auto& thread : threads)
                if (thread.joinable()) thread.join();
        }
    } join_guard{stop, writers};
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        writers.emplace_back([&, i] {
            Lane& lane = *lanes[i];
            std::exception_ptr error;
            try {
                {
                    // A new shard holds nothing to compare the articles with.
                    PreparingThreads preparing(options, lane.files, std::string(), stdin_stream, *lane.queue,
                                               lane_workers);
                    write_prepared(*lane.shard, *lane.queue, options, stop, start, lane_observers[i], lane.tally);
                }
                lane.shard->commit();
            } catch (...) {
                error = std::current_exception();
            }
            lane_observers[i].finish(error);
        });
    }
    IndexProgress totals;
    totals.bytes_total = total_bytes;
    if (auto error = relay_lanes(lanes, hub, totals, observer)) std::rethrow_exception(error);
    for (auto& thread : writers) thread.join();

    // An id read in two parts: the later copy wins, as with one writer,
    // which would have replaced the earlier one and counted it as updated.
    for (std::size_t later = 1; later < lanes.size(); ++later) {
        for (const auto& [id, origin] : lanes[later]->tally.seen_ids) {
            bool duplicate = false;
            for (std::size_t earlier = 0; earlier < later; ++earlier) {
                if (!lanes[earlier]->tally.seen_ids.count(id)) continue;
                duplicate = true;
                lanes[earlier]->shard->delete_document(schema::article_id_term(id));
                lanes[earlier]->shard->delete_document(schema::statement_article_term(id));
            }
            if (!duplicate) continue;
            observer.on_problem({display_name(lanes[later]->files[origin.file_index]), origin.line,
                                 "duplicate article id '" + id +
                                     "': replaces the article of that id read earlier in this run",
                                 false});
            ++summary.warnings;
            --lanes[later]->tally.summary.added;
            ++lanes[later]->tally.summary.updated;
        }
    }
    Xapian::Database shards;
    for (auto& lane : lanes) {
        add_counts(summary, lane->tally.summary);
        summary.bytes_read += lane->tally.progress.bytes_done;
        lane->shard->commit();
        lane->shard->close();
        shards.add_database(Xapian::Database(lane->shard_path));
    }
    // Document ids are renumbered in shard order: the first shard's come
    // first, so they follow the input order as one writer's would.
    const fs::path merged = build_dir / "merged";
    shards.compact(merged.string());
    // Every article was read in this run, so prune has nothing to remove.
    db.close();
    // Swapped in atomically, so that a database is at the target at every
    // moment, even if the run is killed here; the old, empty one goes after.
    if (renameat2(AT_FDCWD, merged.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(merged);
    } else {  // a file system without RENAME_EXCHANGE
        fs::remove_all(target);
        fs::rename(merged, target);
    }
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
    const bool new_database = !fs::exists(options.db_path, ec);
    Xapian::WritableDatabase db = open_for_writing(options.db_path);
    // Commit a new database's metadata at once: from here on a valid
    // database is at the path, even if the run stops before its first batch.
    db.commit();
    // A parallel build killed before its end leaves its shards beside the
    // database; we hold the lock, so they are no other run's.
    fs::remove_all(build_directory(options.db_path));

    std::size_t writers = options.writers;
    if (writers == 0) writers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, MAX_AUTO_WRITERS);
    auto parts = split_inputs(inputs.files, inputs.total_bytes, writers);
    if (new_database && parts.size() > 1)
        build_in_parallel(db, options, std::move(parts), inputs.total_bytes, stdin_stream, start, observer, summary);
    else
        index_in_place(db, options, inputs, new_database, stdin_stream, start, observer, summary);
    summary.seconds = seconds_since(start);
    return summary;
}

}  // namespace saywho
