/** @file article_view.cc
 *  @brief One article with its statements, as the search page shows it
 *         (docs/http.md, /api/article).
 */
#include "searcher/article_view.h"

#include <algorithm>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/record_codec.h"
#include "common/schema.h"
#include "searcher/error_report.h"
#include "searcher/json_document.h"

namespace saywho {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

/// The statements of article @p id, in text order (their ids end in #0, #1, ...).
std::vector<StatementRecord> statements_of(const Xapian::Database& db, const std::string& id) {
    std::vector<StatementRecord> statements;
    const std::string article_term = schema::statement_article_term(id);
    for (auto it = db.postlist_begin(article_term); it != db.postlist_end(article_term); ++it)
        statements.push_back(read_statement_record(db.get_document(*it)));
    std::sort(statements.begin(), statements.end(),
              [](const StatementRecord& a, const StatementRecord& b) { return a.index < b.index; });
    return statements;
}

/// One statement of the article view, marked where extraction found it in
/// a body of @p body_size bytes. Searching the body for its words instead
/// would mark the first place they occur, which may be another's. Offsets
/// beyond the body (a damaged database) are null.
void write_marked_statement(Writer& w, const StatementRecord& record, std::size_t body_size) {
    const Statement& st = record.statement;
    const bool fits = record.body_end() <= body_size;
    w.StartObject();
    put(w, "id", record.id());
    put_or_null(w, "speaker", st.speaker);
    put_or_null(w, "speaker_kind", st.speaker_kind);
    put_or_null(w, "speaker_mention", st.speaker_mention);
    put_or_null(w, "speaker_in_article", st.speaker_in_article);
    put_or_null(w, "role", st.role);
    put_or_null(w, "location", st.location);
    put(w, "date", st.date.iso());
    w.Key("direct");
    w.Bool(st.direct);
    put(w, "quote", st.quote);
    put(w, "cue", st.cue);
    put(w, "text", st.text);
    w.Key("body_start");
    if (fits)
        w.Uint64(record.body_start());
    else
        w.Null();
    w.Key("body_end");
    if (fits)
        w.Uint64(record.body_end());
    else
        w.Null();
    w.EndObject();
}

}  // namespace

std::string article_json(const Xapian::Database& db, const std::string& id) {
    const std::string id_term = schema::article_id_term(id);
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) throw RequestError("not_found", "no article with id '" + id + "'");
    const ArticleRecord article = read_article_record(db.get_document(*p));
    const std::vector<StatementRecord> statements = statements_of(db, id);

    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    start_document(w, "article");
    put(w, "id", id);
    put(w, "date", article.date.iso());
    put(w, "title", article.title);
    put(w, "path", article.path);
    put(w, "body", article.body);
    w.Key("statements");
    w.StartArray();
    for (const auto& record : statements) write_marked_statement(w, record, article.body.size());
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString());
}

}  // namespace saywho
