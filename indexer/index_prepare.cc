/** @file index_prepare.cc
 *  @brief Preparing an indexing run's articles for its writer: a reading
 *         thread and workers that compare, extract and build documents.
 */
#include "indexer/index_prepare.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>
#include <utility>

#include <xapian.h>

#include "extract/extract.h"
#include "common/schema.h"
#include "indexer/document_builder.h"

namespace fs = std::filesystem;

namespace saywho {

namespace {

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
        observer.on_problem(
            {display_path, article.line, "statements not extracted from '" + article.id + "': " + e.what(), false});
        facts = ArticleFacts{};
        return false;
    }
}

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
            if (result.article &&
                !(options.shards > 1 && shard_of(result.article->id, options.shards) != options.shard)) {
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

}  // namespace

std::size_t resolve_jobs(std::size_t jobs) {
    return jobs ? jobs : std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

std::size_t queue_capacity(std::size_t workers) { return std::max<std::size_t>(64, 32 * workers); }

PreparingThreads::PreparingThreads(const IndexOptions& options, const std::vector<InputFile>& files,
                                   const std::string& db_path, std::istream& stdin_stream, OrderedQueue& queue,
                                   std::size_t workers)
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
                    queue.fill(job->ticket, prepare_article(options, *job, snapshot ? &*snapshot : nullptr, builder));
                } catch (const std::exception& e) {
                    queue.fill(job->ticket, failure_item(e.what()));
                } catch (const Xapian::Error& e) {
                    queue.fill(job->ticket, failure_item(e.get_description()));
                }
            }
        });
    }
}

PreparingThreads::~PreparingThreads() {
    queue_.cancel();
    jobs_.close(true);
    reader_.join();
    for (auto& worker : workers_) worker.join();
}

}  // namespace saywho
