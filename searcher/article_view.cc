/** @file article_view.cc
 *  @brief One article with its statements, as the search page shows it
 *         (docs/http.md, /api/article).
 */
#include "searcher/article_view.h"

#include <algorithm>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/schema.h"
#include "searcher/error_report.h"
#include "searcher/json_document.h"

namespace saywho {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

}  // namespace

std::string article_json(const Xapian::Database& db, const std::string& id) {
    const std::string id_term = schema::article_id_term(id);
    Xapian::PostingIterator p = db.postlist_begin(id_term);
    if (p == db.postlist_end(id_term)) throw RequestError("not_found", "no article with id '" + id + "'");
    rapidjson::Document data;
    const std::string raw = db.get_document(*p).get_data();
    data.Parse(raw.c_str(), raw.size());
    if (data.HasParseError() || !data.IsObject()) throw RequestError("not_found", "article '" + id + "' is unreadable");
    auto str = [](const rapidjson::Value& obj, const char* name) {
        auto it = obj.FindMember(name);
        return it != obj.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                              : std::string();
    };
    const std::string body = str(data, schema::DATA_BODY);
    // Its statements, in text order (their ids end in #0, #1, ...).
    struct Marked {
        std::size_t index;
        rapidjson::Document data;
    };
    std::vector<Marked> statements;
    const std::string article_term = schema::statement_article_term(id);
    for (auto it = db.postlist_begin(article_term); it != db.postlist_end(article_term); ++it) {
        Marked m;
        const std::string sraw = schema::document_record(db.get_document(*it));
        m.data.Parse(sraw.c_str(), sraw.size());
        if (m.data.HasParseError() || !m.data.IsObject()) continue;
        const std::string sid = str(m.data, schema::DATA_ID);
        std::size_t hash = sid.rfind('#');
        m.index = hash == std::string::npos ? 0 : std::stoul(sid.substr(hash + 1));
        statements.push_back(std::move(m));
    }
    std::sort(statements.begin(), statements.end(), [](const Marked& a, const Marked& b) { return a.index < b.index; });

    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    start_document(w, "article");
    put(w, "id", id);
    put(w, "date", str(data, schema::DATA_DATE));
    put(w, "title", str(data, schema::DATA_TITLE));
    put(w, "path", str(data, schema::DATA_PATH));
    put(w, "body", body);
    w.Key("statements");
    w.StartArray();
    std::size_t from = 0;
    for (const auto& m : statements) {
        const std::string text = str(m.data, schema::DATA_TEXT);
        // The statement's words are a stretch of the body; find them from
        // where the previous one was (statements come in text order).
        std::size_t at = text.empty() ? std::string::npos : body.find(text, from);
        if (at == std::string::npos && !text.empty()) at = body.find(text);
        w.StartObject();
        put(w, "id", str(m.data, schema::DATA_ID));
        put_or_null(w, "speaker", str(m.data, schema::DATA_SPEAKER));
        put_or_null(w, "role", str(m.data, schema::DATA_ROLE));
        put_or_null(w, "location", str(m.data, schema::DATA_LOCATION));
        put(w, "date", str(m.data, schema::DATA_DATE));
        auto direct = m.data.FindMember(schema::DATA_DIRECT);
        w.Key("direct");
        w.Bool(direct != m.data.MemberEnd() && direct->value.IsBool() && direct->value.GetBool());
        put(w, "quote", str(m.data, schema::DATA_QUOTE));
        put(w, "cue", str(m.data, schema::DATA_CUE));
        put(w, "text", text);
        w.Key("body_start");
        if (at == std::string::npos) w.Null(); else w.Uint64(at);
        w.Key("body_end");
        if (at == std::string::npos) w.Null(); else w.Uint64(at + text.size());
        w.EndObject();
        if (at != std::string::npos) from = at;
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString());
}

}  // namespace saywho
