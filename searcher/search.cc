/** @file search.cc
 *  @brief Running a query: options in, a ResultSet with snippets out.
 */
#include "searcher/search.h"

#include <chrono>

#include <rapidjson/document.h>

#include "common/schema.h"
#include "common/text.h"

namespace saywho {

namespace {

// Control characters never occur in indexed text, so they are safe markers
// for where Xapian puts highlights; they are removed by split_snippet().
constexpr char HIGHLIGHT_START[] = "\x01";
constexpr char HIGHLIGHT_END[] = "\x02";

std::string member(const rapidjson::Document& data, const char* name) {
    auto it = data.FindMember(name);
    if (it == data.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::size_t number_member(const rapidjson::Document& data, const char* name) {
    auto it = data.FindMember(name);
    if (it == data.MemberEnd() || !it->value.IsUint64()) return 0;
    return static_cast<std::size_t>(it->value.GetUint64());
}

bool bool_member(const rapidjson::Document& data, const char* name) {
    auto it = data.FindMember(name);
    return it != data.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

StatementDetails read_statement(const rapidjson::Document& data) {
    StatementDetails st;
    st.article_id = member(data, schema::DATA_ARTICLE);
    st.article_date = member(data, schema::DATA_ARTICLE_DATE);
    st.speaker = member(data, schema::DATA_SPEAKER);
    st.role = member(data, schema::DATA_ROLE);
    st.speaker_kind = member(data, schema::DATA_SPEAKER_KIND);
    st.text = member(data, schema::DATA_TEXT);
    st.start = number_member(data, schema::DATA_START);
    st.end = number_member(data, schema::DATA_END);
    st.direct = bool_member(data, schema::DATA_DIRECT);
    st.quote = member(data, schema::DATA_QUOTE);
    st.cue = member(data, schema::DATA_CUE);
    st.location = member(data, schema::DATA_LOCATION);
    st.country = member(data, schema::DATA_COUNTRY);
    st.location_basis = member(data, schema::DATA_LOCATION_BASIS);
    st.date_basis = member(data, schema::DATA_DATE_BASIS);
    return st;
}

/// The start of @p text, at most @p length bytes, cut at a space and marked
/// with an ellipsis when cut.
std::string leading_text(const std::string& text, std::size_t length) {
    if (text.size() <= length) return text;
    std::size_t cut = text.rfind(' ', length);
    if (cut == std::string::npos || cut < length / 2) {
        cut = length;  // one long word: cut inside it, on a character boundary
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    return text.substr(0, cut) + "…";
}

}  // namespace

bool Hit::is_statement() const { return type == schema::TYPE_STATEMENT; }

const char* sort_order_name(SortOrder order) {
    switch (order) {
        case SortOrder::NEWEST: return "newest";
        case SortOrder::OLDEST: return "oldest";
        case SortOrder::RELEVANCE: break;
    }
    return "relevance";
}

void split_snippet(const std::string& marked, std::string& text, std::vector<ByteRange>& highlights) {
    std::string unescaped = html_unescape(marked);
    text.clear();
    highlights.clear();
    std::size_t open_at = std::string::npos;
    bool last_space = false;
    for (char c : unescaped) {
        if (c == HIGHLIGHT_START[0]) {
            open_at = text.size();
        } else if (c == HIGHLIGHT_END[0]) {
            if (open_at != std::string::npos && text.size() > open_at) highlights.emplace_back(open_at, text.size());
            open_at = std::string::npos;
        } else if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            // Paragraph breaks become single spaces on one snippet line.
            if (!last_space) text += ' ';
            last_space = true;
        } else {
            text += c;
            last_space = false;
        }
    }
}

ResultSet search(const Xapian::Database& db, const SearchOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    SaywhoQueryParser parser(db, options.match);
    Xapian::Query query = parser.parse(options.query);

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    switch (options.sort) {
        case SortOrder::NEWEST: enquire.set_sort_by_value_then_relevance(schema::SLOT_DATE, true); break;
        case SortOrder::OLDEST: enquire.set_sort_by_value_then_relevance(schema::SLOT_DATE, false); break;
        case SortOrder::RELEVANCE: break;
    }
    // Counting a little past the page makes totals exact for result sets of
    // modest size at a small cost; beyond that Xapian's estimate is shown.
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                         static_cast<Xapian::doccount>(options.limit),
                                         static_cast<Xapian::doccount>(options.offset + options.exact_count_up_to));

    ResultSet results;
    results.query = options.query;
    results.parsed = query.get_description();
    results.estimate = mset.get_matches_estimated();
    results.lower_bound = mset.get_matches_lower_bound();
    results.upper_bound = mset.get_matches_upper_bound();
    results.exact = results.lower_bound == results.upper_bound;
    results.offset = options.offset;
    results.limit = options.limit;
    results.sort = options.sort;

    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = options.offset + it.get_rank() + 1;
        hit.weight = it.get_weight();
        hit.percent = it.get_percent();
        Xapian::Document doc = it.get_document();
        std::string raw = doc.get_data();
        rapidjson::Document data;
        data.Parse(raw.c_str(), raw.size());
        if (data.HasParseError() || !data.IsObject()) continue;
        hit.type = member(data, schema::DATA_TYPE);
        hit.id = member(data, schema::DATA_ID);
        hit.date = member(data, schema::DATA_DATE);
        hit.title = member(data, schema::DATA_TITLE);
        hit.path = member(data, schema::DATA_PATH);
        hit.source = member(data, schema::DATA_SOURCE);
        hit.url = member(data, schema::DATA_URL);
        hit.line = number_member(data, schema::DATA_LINE);
        if (hit.is_statement()) hit.statement = read_statement(data);
        // A statement's snippet is its own text, highlighted like a body.
        const std::string body = hit.is_statement() ? hit.statement.text : member(data, schema::DATA_BODY);
        std::string marked = mset.snippet(body, options.snippet_length, parser.stemmer(),
                                          Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE |
                                              Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                                          HIGHLIGHT_START, HIGHLIGHT_END, "…");
        // A query of filters only (a date range, type:article) matches no
        // words in the text: show how it begins instead.
        if (marked.empty())
            marked = html_escape(leading_text(body, options.snippet_length));
        split_snippet(marked, hit.snippet, hit.highlights);
        results.hits.push_back(std::move(hit));
    }
    results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return results;
}

}  // namespace saywho
