/** @file index_run.cc
 *  @brief One indexing run: archive inputs in, database updated, outcomes counted.
 */
#include "indexer/index_run.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <rapidjson/document.h>
#include <xapian.h>

#include "common/database.h"
#include "common/errors.h"
#include "common/extract.h"
#include "common/schema.h"
#include "indexer/document_builder.h"

namespace fs = std::filesystem;

namespace saywho {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
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
std::size_t prune_articles(Xapian::WritableDatabase& db, const std::unordered_set<std::string>& fully_read_jsonl,
                           const std::unordered_set<std::string>& seen_ids) {
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

namespace {

/// Everything the reading thread found about one input record (or the end
/// of one input file), ready for the writing thread to apply in order.
struct PreparedItem {
    enum class Kind { RECORD, FILE_END, FAILURE } kind = Kind::RECORD;
    std::vector<InputProblem> problems;  ///< to report, in order
    bool has_article = false;
    bool unchanged = false;        ///< same content hash as in the database when reading started
    bool extraction_failed = false;
    std::string article_id;
    std::size_t line = 0;
    std::string display_path;
    Xapian::Document article_doc;
    std::vector<Xapian::Document> statement_docs;
    // FILE_END
    const InputFile* file = nullptr;
    std::string absolute_path;
    bool file_had_skips = false;
    // FAILURE: the reading thread stopped on an error
    std::string failure;
};

/// A bounded queue between the reading thread and the writing thread, so
/// memory stays bounded however large the archive.
class PreparedQueue {
  public:
    explicit PreparedQueue(std::size_t capacity) : capacity_(capacity) {}

    /// Blocks while full; returns false when the consumer has given up.
    bool push(PreparedItem&& item) {
        std::unique_lock<std::mutex> lock(mutex_);
        not_full_.wait(lock, [&] { return items_.size() < capacity_ || cancelled_; });
        if (cancelled_) return false;
        items_.push_back(std::move(item));
        not_empty_.notify_one();
        return true;
    }
    /// Blocks while empty; nullopt once the producer has finished and all is taken.
    std::optional<PreparedItem> pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        not_empty_.wait(lock, [&] { return !items_.empty() || finished_; });
        if (items_.empty()) return std::nullopt;
        PreparedItem item = std::move(items_.front());
        items_.pop_front();
        not_full_.notify_one();
        return item;
    }
    void finish() {
        std::lock_guard<std::mutex> lock(mutex_);
        finished_ = true;
        not_empty_.notify_all();
    }
    void cancel() {
        std::lock_guard<std::mutex> lock(mutex_);
        cancelled_ = true;
        not_full_.notify_all();
    }

  private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable not_full_, not_empty_;
    std::deque<PreparedItem> items_;
    bool finished_ = false;
    bool cancelled_ = false;
};

/// Collects problems instead of printing them, for the reading thread.
class ProblemCollector : public IndexObserver {
  public:
    void on_problem(const InputProblem& problem) override { problems.push_back(problem); }
    void on_progress(const IndexProgress&) override {}
    std::vector<InputProblem> problems;
};

/// The reading thread: parses inputs, skips articles whose hash is unchanged
/// in @p snapshot, extracts statements and builds every document, so the
/// writing thread only has to hand them to Xapian.
void prepare_inputs(const IndexOptions& options, const InputList& inputs, const std::string& db_path,
                    std::istream& stdin_stream, PreparedQueue& queue) {
    Xapian::Database snapshot(db_path);
    DocumentBuilder builder;
    for (const auto& file : inputs.files) {
        const bool from_stdin = file.path == "-";
        const std::string display_path = from_stdin ? "<stdin>" : file.path;
        const std::string absolute_path =
            from_stdin ? display_path : fs::absolute(file.path).lexically_normal().string();
        bool file_had_skips = false;
        bool stopped = false;
        read_input(file, options.reader, stdin_stream, [&](ParseResult&& result) {
            if (stopped) return;
            PreparedItem item;
            item.display_path = display_path;
            item.problems = std::move(result.problems);
            for (const auto& problem : item.problems)
                if (problem.skipped) file_had_skips = true;
            if (result.article) {
                Article& article = *result.article;
                article.path = absolute_path;
                item.has_article = true;
                item.article_id = article.id;
                item.line = article.line;
                const std::string id_term = schema::article_id_term(article.id);
                const std::string hash = article_content_hash(article, options.statements);
                std::string old_hash;
                for (int attempt = 0;; ++attempt) {
                    try {
                        old_hash = stored_hash(snapshot, id_term);
                        break;
                    } catch (const Xapian::DatabaseModifiedError&) {
                        // The writer committed past our snapshot: look again.
                        if (attempt > 3) throw;
                        snapshot.reopen();
                    }
                }
                item.unchanged = old_hash == hash;
                if (!item.unchanged) {
                    ArticleFacts facts;
                    std::string stored = hash;
                    if (options.statements) {
                        ProblemCollector collector;
                        if (!extract_facts(article, display_path, collector, facts)) {
                            item.extraction_failed = true;
                            // Stored as an article without statements, so the next
                            // run tries the extraction again instead of skipping it.
                            stored = article_content_hash(article, false);
                        }
                        for (auto& problem : collector.problems) item.problems.push_back(std::move(problem));
                    }
                    item.statement_docs.reserve(facts.statements.size());
                    for (std::size_t i = 0; i < facts.statements.size(); ++i)
                        item.statement_docs.push_back(builder.build_statement(article, facts.statements[i], i));
                    item.article_doc = builder.build_article(article, stored, facts);
                }
            }
            if (!queue.push(std::move(item))) stopped = true;
        });
        if (stopped) return;
        PreparedItem end;
        end.kind = PreparedItem::Kind::FILE_END;
        end.file = &file;
        end.absolute_path = absolute_path;
        end.file_had_skips = file_had_skips;
        if (!queue.push(std::move(end))) return;
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

    Xapian::WritableDatabase db = open_for_writing(options.db_path);
    // A new database has nothing to read yet; commit its metadata so the
    // reading thread can open it.
    db.commit();

    // Reading, extraction and document building run on their own thread;
    // this thread only writes (Xapian allows one writer), so the two cores
    // overlap. Problems travel with the records and are reported here, in
    // input order.
    PreparedQueue queue(64);
    std::string reader_failure;
    std::thread reader([&] {
        try {
            prepare_inputs(options, inputs, options.db_path, stdin_stream, queue);
        } catch (const std::exception& e) {
            PreparedItem failure;
            failure.kind = PreparedItem::Kind::FAILURE;
            failure.failure = e.what();
            queue.push(std::move(failure));
        } catch (const Xapian::Error& e) {
            PreparedItem failure;
            failure.kind = PreparedItem::Kind::FAILURE;
            failure.failure = e.get_description();
            queue.push(std::move(failure));
        }
        queue.finish();
    });
    // Whatever happens below, the reading thread is stopped and joined.
    struct JoinGuard {
        PreparedQueue& queue;
        std::thread& thread;
        ~JoinGuard() {
            queue.cancel();
            if (thread.joinable()) thread.join();
        }
    } join_guard{queue, reader};

    std::size_t uncommitted = 0;
    std::unordered_set<std::string> seen_ids;
    std::unordered_set<std::string> fully_read_jsonl;
    IndexProgress progress;
    progress.bytes_total = inputs.total_bytes;

    while (auto next = queue.pop()) {
        PreparedItem& item = *next;
        if (item.kind == PreparedItem::Kind::FAILURE) throw Error("reading the archive failed: " + item.failure);
        if (item.kind == PreparedItem::Kind::FILE_END) {
            const InputFile& file = *item.file;
            if (file.format == InputFile::Format::JSONL && file.path != "-") {
                if (!item.file_had_skips)
                    fully_read_jsonl.insert(item.absolute_path);
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
        if (!item.has_article) {
            ++summary.skipped;
            continue;
        }
        bool warned = item.extraction_failed;
        for (const auto& problem : item.problems)
            if (!problem.skipped) warned = true;
        if (warned) ++summary.warnings;
        if (!seen_ids.insert(item.article_id).second) {
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
            // can have fewer statements, and none may be left behind. Adding
            // (not replacing by id term) then cannot clobber a document of
            // another article whose id is "<this id>#<n>".
            db.delete_document(schema::statement_article_term(item.article_id));
            for (const auto& doc : item.statement_docs) db.add_document(doc);
            // The article, with its new content hash, comes last: if a
            // statement fails, the old hash makes the next run redo them all.
            db.replace_document(id_term, item.article_doc);
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
    summary.bytes_read = progress.bytes_done;

    if (options.prune) summary.pruned = prune_articles(db, fully_read_jsonl, seen_ids);
    db.commit();
    summary.seconds = seconds_since(start);
    return summary;
}

}  // namespace saywho
