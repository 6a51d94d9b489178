/** @file service.cc
 *  @brief Long-running search: requests in, JSON documents out, over a
 *         database reopened when the indexer commits (docs/http.md).
 */
#include "searcher/service.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/database.h"
#include "common/errors.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/printers.h"

namespace saywho {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::size_t parse_count(const std::string& name, const std::string& text, std::size_t max) {
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw RequestError("bad_request", "'" + name + "' must be a whole number, not '" + text + "'");
    std::size_t n = std::stoul(text);
    if (n > max) throw RequestError("bad_request", "'" + name + "' must be at most " + std::to_string(max));
    return n;
}

bool parse_flag(const std::string& name, const std::string& text) {
    if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
    if (text == "0" || text == "false" || text == "no" || text == "off" || text.empty()) return false;
    throw RequestError("bad_request", "'" + name + "' must be true or false, not '" + text + "'");
}

/// "relevance, newest or oldest": the names of a table of SORT_ORDERS' kind.
template <typename Table>
std::string names_of(const Table& table) {
    std::string names;
    for (std::size_t i = 0; i < table.size(); ++i)
        names += (i == 0 ? "" : i + 1 == table.size() ? " or " : ", ") + std::string(table[i].name);
    return names;
}

/// Applies one named member (the same names for JSON lines and HTTP parameters).
void apply(SearchRequest& r, const std::string& name, const std::string& value) {
    SearchOptions& o = r.options;
    if (name == "q") {
        if (value.size() > SERVICE_MAX_QUERY_BYTES)
            throw RequestError("bad_request", "'q' is longer than " + std::to_string(SERVICE_MAX_QUERY_BYTES) + " bytes");
        o.query = value;
    } else if (name == "limit") {
        o.limit = parse_count(name, value, SERVICE_MAX_LIMIT);
        if (o.limit == 0) throw RequestError("bad_request", "'limit' must be at least 1");
    } else if (name == "offset") {
        o.offset = parse_count(name, value, 1000000);
    } else if (name == "sort") {
        auto sort = parse_sort_order(value);
        if (!sort) throw RequestError("bad_request", "'sort' must be " + names_of(SORT_ORDERS) + ", not '" + value + "'");
        o.sort = *sort;
    } else if (name == "match") {
        auto match = parse_match_mode(value);
        if (!match) throw RequestError("bad_request", "'match' must be " + names_of(MATCH_MODES) + ", not '" + value + "'");
        o.match = *match;
    } else if (name == "facets") {
        o.facets = parse_flag(name, value);
    } else if (name == "literal") {
        o.understand = !parse_flag(name, value);
    } else if (name == "per_article") {
        o.per_article = parse_count(name, value, 1000);
    } else if (name == "now") {
        auto now = CivilDate::parse_iso(value);
        if (!now) throw RequestError("bad_request", "'now' must be a date YYYY-MM-DD, not '" + value + "'");
        o.today = *now;
    } else if (name == "speaker" || name == "location" || name == "country" || name == "from" || name == "to" ||
               name == "type" || name == "quote") {
        if (value.size() > 200) throw RequestError("bad_request", "'" + name + "' is too long");
        if (!value.empty()) r.filters[name] = value;
    } else if (name == "id") {
        r.id = value;
    } else {
        throw RequestError("bad_request", "unknown parameter '" + name +
                                              "': expected q, limit, offset, sort, match, facets, literal, per_article, "
                                              "now, or the filters speaker, location, country, from, to, type, quote");
    }
}

/// Reads the display value of @p slot from the first document indexed by @p term.
std::string display_value(const Xapian::Database& db, const std::string& term, Xapian::valueno slot) {
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        std::string v = db.get_document(*it).get_value(slot);
        std::size_t sep = v.find(schema::LIST_SEPARATOR);
        if (sep == std::string::npos && !v.empty()) return v;  // a statement: one value
    }
    return {};
}

struct Completion {
    std::string kind, value;
    Xapian::doccount count;
};

/// Terms under @p prefix + @p start, most frequent first, at most @p limit.
std::vector<std::pair<std::string, Xapian::doccount>> completions(const Xapian::Database& db, const std::string& prefix,
                                                                  const std::string& start, std::size_t limit) {
    std::vector<std::pair<std::string, Xapian::doccount>> found;
    std::size_t scanned = 0;
    const std::string from = prefix + start;
    for (auto it = db.allterms_begin(from); it != db.allterms_end(from) && scanned < 5000; ++it, ++scanned)
        found.emplace_back(*it, it.get_termfreq());
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (found.size() > limit * 4) found.resize(limit * 4);  // room for display names that merge
    return found;
}

}  // namespace

SearchRequest parse_request_line(const std::string& line) {
    rapidjson::Document doc;
    // Strings that are not UTF-8 are refused here: they would come back in
    // answers and error messages, which must be valid JSON.
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(line.c_str(), line.size());
    if (doc.HasParseError() && doc.GetParseError() == rapidjson::kParseErrorStringInvalidEncoding)
        throw RequestError("bad_request", "a request must be UTF-8; byte " + std::to_string(doc.GetErrorOffset() + 1) +
                                              " is not");
    if (doc.HasParseError() || !doc.IsObject())
        throw RequestError("bad_request", "a request is one JSON object a line, such as {\"q\": \"drought\"}");
    SearchRequest r;
    r.options.facets = true;
    for (auto& m : doc.GetObject()) {
        const std::string name(m.name.GetString(), m.name.GetStringLength());
        if (name == "filters") {
            if (!m.value.IsObject()) throw RequestError("bad_request", "'filters' must be an object");
            for (auto& f : m.value.GetObject()) {
                const std::string key(f.name.GetString(), f.name.GetStringLength());
                if (!f.value.IsString()) throw RequestError("bad_request", "filter '" + key + "' must be a string");
                if (key != "speaker" && key != "location" && key != "country" && key != "from" && key != "to" &&
                    key != "type" && key != "quote")
                    throw RequestError("bad_request", "unknown filter '" + key +
                                                          "': expected speaker, location, country, from, to, type or quote");
                apply(r, key, std::string(f.value.GetString(), f.value.GetStringLength()));
            }
            continue;
        }
        std::string value;
        if (m.value.IsString()) value.assign(m.value.GetString(), m.value.GetStringLength());
        else if (m.value.IsUint64()) value = std::to_string(m.value.GetUint64());
        else if (m.value.IsBool()) value = m.value.GetBool() ? "true" : "false";
        else if (m.value.IsNull()) continue;
        else throw RequestError("bad_request", "'" + name + "' must be a string, a number or true/false");
        apply(r, name, value);
    }
    return r;
}

SearchRequest request_from_parameters(const std::multimap<std::string, std::string>& params) {
    SearchRequest r;
    r.options.facets = true;
    for (const auto& [name, value] : params) apply(r, name, value);
    return r;
}

std::vector<Filter> request_filters(const SearchRequest& request) {
    std::vector<Filter> filters;
    auto build = [](const std::string& name, auto&& make) {
        try {
            return make();
        } catch (const Xapian::QueryParserError& e) {
            throw QueryError(e.get_msg() + " (in filter '" + name + "')");
        }
    };
    for (const auto& [name, value] : request.filters) {
        if (name == "from" || name == "to") continue;
        const schema::FieldSpec* field = schema::find_query_field(name);
        if (!field) throw RequestError("bad_request", "unknown filter '" + name + "'");
        filters.push_back(build(name, [&, &value = value] { return field_filter(*field, value); }));
    }
    auto from = request.filters.find("from"), to = request.filters.find("to");
    if (from != request.filters.end() || to != request.filters.end()) {
        std::string a = from == request.filters.end() ? "" : from->second;
        std::string b = to == request.filters.end() ? "" : to->second;
        for (const std::string* d : {&a, &b})
            if (!d->empty() && !CivilDate::parse_iso(*d) && !(d->size() == 7 || d->size() == 4))
                throw RequestError("bad_request", "'from' and 'to' are dates YYYY-MM-DD, YYYY-MM or YYYY, not '" + *d + "'");
        filters.push_back(build(from != request.filters.end() ? "from" : "to", [&] { return date_range_filter(a, b); }));
    }
    return filters;
}

SearchService::SearchService(std::vector<std::string> databases) : databases_(std::move(databases)) {
    for (const auto& d : databases_) key_ += d + '\n';
}

Xapian::Database& SearchService::database(bool fresh) {
    // Xapian::Database is not thread-safe: each worker thread has its own.
    thread_local std::map<std::string, Xapian::Database> open;
    auto it = open.find(key_);
    if (it != open.end() && fresh) {
        open.erase(it);
        it = open.end();
    }
    if (it == open.end()) it = open.emplace(key_, open_for_searching(databases_)).first;
    else it->second.reopen();  // cheap when nothing changed
    return it->second;
}

template <typename F>
auto SearchService::with_database(F&& work) -> decltype(work(std::declval<Xapian::Database&>())) {
    // If the indexer commits while we read: start again, on a newly opened
    // database at the new revision.
    return retry_concurrent_commits([&](int attempt) { return work(database(attempt > 1)); });
}

std::string SearchService::search(const SearchRequest& request) {
    SearchOptions options = request.options;
    options.filters = request_filters(request);
    ResultSet results = with_database([&](Xapian::Database& db) { return saywho::search(db, options); });
    std::ostringstream out;
    print_json(out, results, request.id ? &*request.id : nullptr);
    std::string json = out.str();
    while (!json.empty() && json.back() == '\n') json.pop_back();
    return json;
}

std::string SearchService::answer_line(const std::string& line) {
    std::optional<std::string> id;
    try {
        SearchRequest request = parse_request_line(line);
        id = request.id;
        return search(request);
    } catch (...) {
        const ErrorReport report = report_error(std::current_exception());
        return error_json(report.code, report.message, id);
    }
}

std::string SearchService::error_json(const std::string& code, const std::string& message,
                                      const std::optional<std::string>& id) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    write_error_document(w, code, message, id ? &*id : nullptr);
    return buffer.GetString();
}

std::string SearchService::suggest(const std::string& query, std::size_t limit) {
    if (query.size() > SERVICE_MAX_QUERY_BYTES) throw RequestError("bad_request", "'q' is too long");
    return with_database([&](Xapian::Database& db) {
        std::vector<Completion> out;
        // Speakers and places complete the whole box ("aino ke"); words its last word.
        const std::string whole = fold_key(query);
        std::string last = whole.substr(whole.rfind(' ') == std::string::npos ? 0 : whole.rfind(' ') + 1);
        auto seen = [&](const std::string& kind, const std::string& value) {
            return std::any_of(out.begin(), out.end(), [&](const Completion& c) { return c.kind == kind && c.value == value; });
        };
        // A name may be the whole box ("aino ke") or its last words
        // ("statements by kett"): try the endings, longest first, up to three words.
        std::vector<std::string> endings;
        for (std::size_t at = whole.size(), words = 0; at != std::string::npos && words < 3; ++words) {
            std::size_t space = at == 0 ? std::string::npos : whole.rfind(' ', at - 1);
            std::string ending = whole.substr(space == std::string::npos ? 0 : space + 1);
            if (!ending.empty()) endings.insert(endings.begin(), ending);
            if (space == std::string::npos) break;
            at = space;
        }
        for (const auto& ending : endings) {
            for (const auto& [term, count] : completions(db, schema::PREFIX_SPEAKER, ending, limit)) {
                std::string name = display_value(db, term, schema::SLOT_SPEAKER);
                if (!name.empty() && !seen("speaker", name)) out.push_back({"speaker", name, count});
            }
            for (const auto& [term, count] : completions(db, schema::PREFIX_LOCATION, ending, limit)) {
                std::string name = display_value(db, term, schema::SLOT_LOCATION);
                if (!name.empty() && !seen("place", name)) out.push_back({"place", name, count});
            }
        }
        if (last.size() >= 2) {
            for (const auto& [term, count] : completions(db, "", last, limit)) {
                // Unprefixed terms are lower-case words; prefixed ones start with a capital.
                if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z') || term == last) continue;
                if (!seen("word", term)) out.push_back({"word", term, count});
            }
        }
        if (out.size() > limit) out.resize(limit);
        rapidjson::StringBuffer buffer;
        Writer w(buffer);
        start_document(w, "suggestions");
        put(w, "query", query);
        w.Key("suggestions");
        w.StartArray();
        for (const auto& c : out) {
            w.StartObject();
            put(w, "kind", c.kind);
            put(w, "value", c.value);
            w.Key("count");
            w.Uint(c.count);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        return std::string(buffer.GetString());
    });
}

std::string SearchService::article(const std::string& id) {
    if (id.empty()) throw RequestError("bad_request", "'id' is required: /api/article?id=ARTICLE_ID");
    return with_database([&](Xapian::Database& db) {
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
    });
}

}  // namespace saywho
