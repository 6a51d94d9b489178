/** @file search.h
 *  @brief Running a query: options in, a ResultSet with snippets out.
 */
#ifndef SAYWHO_SEARCHER_SEARCH_H
#define SAYWHO_SEARCHER_SEARCH_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "common/civil_date.h"
#include "common/statement.h"
#include "searcher/clusters.h"
#include "searcher/filters.h"
#include "searcher/query_parser.h"
#include "searcher/timeline.h"
#include "searcher/understand.h"

namespace saywho {

/// The order of hits. Hits that tie on it come newest first (a tie in
/// relevance), then by article id, an article before its statements and
/// those in text order (schema.h, "Order").
enum class SortOrder {
    RELEVANCE,  ///< by weight; equal weights (all, for a query without words) newest first
    NEWEST,     ///< by date, the latest day first
    OLDEST,     ///< by date, the earliest day first
};

/// The name of each sort order, as options, requests and JSON spell it.
struct SortOrderName {
    const char* name;
    SortOrder order;
};
inline constexpr std::array<SortOrderName, 3> SORT_ORDERS = {{
    {"relevance", SortOrder::RELEVANCE},
    {"newest", SortOrder::NEWEST},
    {"oldest", SortOrder::OLDEST},
}};

/// "relevance", "newest", "oldest".
const char* sort_order_name(SortOrder order);
/// The order named @p name exactly; nullopt for any other name.
std::optional<SortOrder> parse_sort_order(std::string_view name);

struct SearchOptions {
    std::string query;  ///< the user's words, fields and operators
    std::size_t offset = 0;
    std::size_t limit = 10;  ///< hits wanted; 0: none, only the totals and facets
    SortOrder sort = SortOrder::RELEVANCE;
    MatchMode match = MatchMode::ALL;
    std::size_t snippet_length = 240;  ///< in bytes of text, before highlighting
    /// Totals are counted exactly when there are at most offset + this many
    /// matches; while copies collapse, offset + limit + 100 (search.cc,
    /// COLLAPSED_COUNT_LOOKAHEAD), and with facets or the timeline,
    /// exact_facets_up_to.
    std::size_t exact_count_up_to = 1000;
    /// Read natural phrases into filters (searcher/understand.h); false
    /// passes the query to the parser as typed.
    bool understand = true;
    /// "Today" for relative dates ("yesterday", "last week"); --now.
    CivilDate today = today_utc();
    /// Count facets (speaker, speaker_kind, location, country, month) over every match.
    bool facets = false;
    std::size_t facet_values = 10;  ///< values listed per facet
    /// Facet counts and totals are exact up to this many matches.
    std::size_t exact_facets_up_to = 100000;
    /// Count the matches by day, week, month or year (Timeline), as exactly
    /// as facets; off by default, so searches without it pay nothing.
    bool timeline = false;
    /// The timeline's interval; nullopt: chosen from the days the matches span.
    std::optional<TimelineInterval> timeline_interval;
    /// At most this many results per article (its statements and itself); 0: no limit.
    std::size_t per_article = 0;
    /// One result per statement cluster (searcher/clusters.h): the earliest
    /// copy that matches, with the cluster's size and first appearance;
    /// false lists every copy (--all-copies). per_article, which collapses
    /// by article, takes its place when given.
    bool collapse_copies = true;
    /// Filters given as structures (a service request's), ANDed with the
    /// query; each means what its field means (speaker:, location:...).
    /// They are not part of the interpretation, which says what was read
    /// from the query.
    std::vector<Filter> filters;
    /// Only documents whose indexing sequence number (schema.h, "Indexing
    /// order") is in (first, second]: what an alert has not shown yet.
    /// Documents without one never match it.
    std::optional<std::pair<std::uint64_t, std::uint64_t>> indexed_between;
};

/// A highlighted stretch of a snippet: byte offsets [start, end).
using ByteRange = std::pair<std::size_t, std::size_t>;

struct Hit {
    std::size_t rank = 0;  ///< 1-based over the whole result list
    double weight = 0;
    int percent = 0;
    std::string type;   ///< "article" or "statement"
    std::string id;     ///< article id; statement: "<article id>#<n>"
    std::string date;   ///< YYYY-MM-DD: the article's date, or the day the statement was said
    std::string title;  ///< the article's title (for a statement, of its article)
    std::string path;
    std::size_t line = 0;
    std::string source;
    std::string url;
    std::string snippet;  ///< plain text, no markup: from the body, or the statement's text
    std::vector<ByteRange> highlights;
    // Statements only:
    /// The statement as extraction produced it, decoded from its record
    /// (common/record_codec.h; location_id is not stored and is 0).
    Statement statement;
    std::string article_id;    ///< its article's id
    std::string article_date;  ///< its article's date, YYYY-MM-DD
    /// Its copies in other articles, and which came first; key empty for
    /// an article.
    ClusterInfo cluster;

    bool is_statement() const;
};

/// Counts of one facet over the whole match set (not just the page).
struct Facet {
    std::string name;  ///< "speaker", "speaker_kind", "location", "country", "month"
    std::vector<std::pair<std::string, Xapian::doccount>> values;  ///< most documents first
    std::size_t distinct = 0;                                      ///< distinct values among all matches
};

struct ResultSet {
    std::string query;
    Interpretation interpretation;
    std::string parsed;  ///< Xapian's description of the parsed query
    Xapian::doccount estimate = 0;
    Xapian::doccount lower_bound = 0;
    Xapian::doccount upper_bound = 0;
    bool exact = false;  ///< lower_bound == upper_bound
    /// Matches counting every copy of a statement (Xapian's estimate
    /// before collapsing): what facets and the timeline count. Equal to
    /// estimate when nothing was collapsed.
    Xapian::doccount with_copies = 0;
    std::size_t offset = 0;
    std::size_t limit = 0;
    SortOrder sort = SortOrder::RELEVANCE;
    std::vector<Hit> hits;
    /// When SearchOptions::facets (and only then: counting them costs
    /// every match its values, docs/performance.md).
    std::optional<std::vector<Facet>> facets;
    bool facets_exact = true;          ///< with facets: every match was counted
    std::optional<Timeline> timeline;  ///< when SearchOptions::timeline
    /// "Did you mean": the query with misspelt words corrected, when a word
    /// has no hits and the spelling data knows a close one; else empty.
    std::string suggestion;
    /// When nothing matched: one line saying why ("no statements by Vladimir
    /// Putin; he is mentioned in 3 articles").
    std::string why_nothing;
    double seconds = 0;
};

/// Runs @p options against @p db. Throws QueryError for a malformed query
/// and lets Xapian::Error through for database trouble.
/// Each saved:NAME in the query is first replaced by the saved search's
/// query (searcher/saved_searches.h); ResultSet::query keeps the query as given.
ResultSet search(const Xapian::Database& db, const SearchOptions& options);

/// An Enquire set up as search() runs @p options: the query understood,
/// parsed and filtered, --per-article collapsing and the sort order; no
/// facets. For callers that walk every match (searcher/export.h). Throws
/// QueryError for a malformed query.
Xapian::Enquire search_enquire(const Xapian::Database& db, const SearchOptions& options);

/// Turns Xapian snippet output made with the markers "\x01"/"\x02" into plain
/// text plus highlight ranges (exposed for tests).
void split_snippet(const std::string& marked, std::string& text, std::vector<ByteRange>& highlights);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_SEARCH_H
