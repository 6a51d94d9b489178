/** @file index_run.cc
 *  @brief One indexing run: archive inputs in, database updated, outcomes counted.
 */
#include "indexer/index_run.h"

#include <chrono>
#include <filesystem>
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
    DocumentBuilder builder;
    std::size_t uncommitted = 0;
    std::unordered_set<std::string> seen_ids;
    std::unordered_set<std::string> fully_read_jsonl;
    IndexProgress progress;
    progress.bytes_total = inputs.total_bytes;

    for (const auto& file : inputs.files) {
        const bool from_stdin = file.path == "-";
        const std::string display_path = from_stdin ? "<stdin>" : file.path;
        const std::string absolute_path = from_stdin ? display_path : fs::absolute(file.path).lexically_normal().string();
        bool file_had_skips = false;
        read_input(file, options.reader, stdin_stream, [&](ParseResult&& result) {
            ++progress.articles;
            for (const auto& problem : result.problems) {
                observer.on_problem(problem);
                if (problem.skipped) file_had_skips = true;
            }
            if (!result.article) {
                ++summary.skipped;
                return;
            }
            Article& article = *result.article;
            if (!result.problems.empty()) ++summary.warnings;
            article.path = absolute_path;
            if (!seen_ids.insert(article.id).second) {
                observer.on_problem({display_path, article.line,
                                     "duplicate article id '" + article.id +
                                         "': replaces the article of that id read earlier in this run",
                                     false});
                ++summary.warnings;
            }
            const std::string id_term = schema::article_id_term(article.id);
            const std::string hash = article_content_hash(article, options.statements);
            try {
                std::string old_hash = stored_hash(db, id_term);
                if (old_hash == hash) {
                    ++summary.unchanged;
                    return;
                }
                ArticleFacts facts;
                std::string stored = hash;
                if (options.statements && !extract_facts(article, display_path, observer, facts)) {
                    ++summary.warnings;
                    // Stored as an article without statements, so the next
                    // run tries the extraction again instead of skipping it.
                    stored = article_content_hash(article, false);
                }
                // The old statements go first, whatever changed: a changed
                // body can have fewer statements, and none may be left behind.
                // Adding (not replacing by id term) then cannot clobber a
                // document of another article whose id is "<this id>#<n>".
                db.delete_document(schema::statement_article_term(article.id));
                for (std::size_t i = 0; i < facts.statements.size(); ++i)
                    db.add_document(builder.build_statement(article, facts.statements[i], i));
                // The article, with its new content hash, comes last: if a
                // statement fails, the old hash makes the next run redo them all.
                db.replace_document(id_term, builder.build_article(article, stored, facts));
                summary.statements += facts.statements.size();
                ++(old_hash.empty() ? summary.added : summary.updated);
                if (++uncommitted >= options.batch_size) {
                    db.commit();
                    uncommitted = 0;
                }
            } catch (const Xapian::DatabaseError&) {
                throw;  // the database itself is in trouble: stop the run
            } catch (const Xapian::Error& e) {
                ++summary.failed;
                observer.on_problem({display_path, article.line, "not indexed: " + e.get_description(), true});
            }
        });
        if (file.format == InputFile::Format::JSONL && file.path != "-") {
            if (!file_had_skips)
                fully_read_jsonl.insert(absolute_path);
            else if (options.prune)
                observer.on_problem({file.path, 0,
                                     "--prune keeps this file's other articles because some of its lines "
                                     "could not be read",
                                     false});
        }
        progress.bytes_done += file.size;
        progress.seconds = seconds_since(start);
        observer.on_progress(progress);
    }
    summary.bytes_read = progress.bytes_done;

    if (options.prune) summary.pruned = prune_articles(db, fully_read_jsonl, seen_ids);
    db.commit();
    summary.seconds = seconds_since(start);
    return summary;
}

}  // namespace saywho
