/** @file search.cc
 *  @brief Running a query: options in, a ResultSet with snippets out.
 */
#include "searcher/search.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "common/record_codec.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/saved_searches.h"

namespace saywho {

namespace {

// Control characters never occur in indexed text, so they are safe markers
// for where Xapian puts highlights; they are removed by split_snippet().
constexpr char HIGHLIGHT_START[] = "\x01";
constexpr char HIGHLIGHT_END[] = "\x02";

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
    for (const auto& entry : SORT_ORDERS)
        if (entry.order == order) return entry.name;
    return SORT_ORDERS.front().name;
}

std::optional<SortOrder> parse_sort_order(std::string_view name) {
    for (const auto& entry : SORT_ORDERS)
        if (name == entry.name) return entry.order;
    return std::nullopt;
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

namespace {

/// Facet counts from Xapian's own ValueCountMatchSpy, which also runs on
/// remote shards (xapian-tcpsrv knows it; a spy of ours it would not). It
/// counts whole slot values; the values are split here: an article's list
/// ("A\x1fB", schema::LIST_SEPARATOR) counts once for each of its values,
/// and SLOT_DATE's days add up to months. Exact, because each document's
/// list holds each value once.
Facet facet_from(const Xapian::ValueCountMatchSpy& spy, const std::string& name, bool month, std::size_t top) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string value = *it;
        const Xapian::doccount n = it.get_termfreq();
        if (month) {
            if (value.size() >= 6) counts[value.substr(0, 4) + "-" + value.substr(4, 2)] += n;
            continue;
        }
        std::size_t at = 0;
        while (at <= value.size()) {
            std::size_t sep = value.find(schema::LIST_SEPARATOR, at);
            if (sep == std::string::npos) sep = value.size();
            if (sep > at) counts[value.substr(at, sep - at)] += n;
            at = sep + 1;
        }
    }
    Facet f;
    f.name = name;
    f.distinct = counts.size();
    std::vector<std::pair<std::string, Xapian::doccount>> all(counts.begin(), counts.end());
    // Only the first @p top are listed, so only they are put in order: a
    // facet of many values (a speaker facet over thousands of matches) costs
    // a full sort otherwise. The order is total (ties go by value, months
    // are distinct), so the list is the one a full sort gives.
    const std::size_t listed = std::min(top, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(listed), all.end(),
                      [&](const auto& a, const auto& b) {
                          if (month) return a.first > b.first;  // months: newest first
                          return a.second != b.second ? a.second > b.second : a.first < b.first;
                      });
    all.resize(listed);
    f.values = std::move(all);
    return f;
}

/// The number of documents matching @p query, counted exactly.
Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

/// The address of each of @p filters (which must outlive the result).
std::vector<const Filter*> pointers_to(const std::vector<Filter>& filters) {
    std::vector<const Filter*> pointers;
    for (const auto& f : filters) pointers.push_back(&f);
    return pointers;
}

/// @p text restricted by @p filters, each for @p scope (FilterScope).
Xapian::Query with_filters(const Xapian::Query& text, const std::vector<const Filter*>& filters, FilterScope scope) {
    if (filters.empty()) return text;
    return Xapian::Query(Xapian::Query::OP_FILTER, text, all_filters_query(filters, scope));
}

std::string describe(const Filter& f) {
    switch (f.kind) {
        case Filter::Kind::SPEAKER: {
            std::string names;
            for (std::size_t i = 0; i < f.values.size() && i < 3; ++i) names += (i ? " or " : "") + f.values[i];
            return "by " + names;
        }
        case Filter::Kind::LOCATION:
            return "in " + f.values.front();
        case Filter::Kind::DATE:
            if (f.values[0].empty()) return "until " + f.values[1];
            if (f.values[1].empty()) return "since " + f.values[0];
            if (f.values[0] == f.values[1]) return "on " + f.values[0];
            return "from " + f.values[0] + " to " + f.values[1];
        case Filter::Kind::COUNTRY:
        case Filter::Kind::QUOTE:
        case Filter::Kind::ROLE:
        case Filter::Kind::SOURCE:
        case Filter::Kind::SPEAKER_KIND:
        case Filter::Kind::CLUSTER:
            return std::string(filter_kind_name(f.kind)) + " " + f.values.front();
        case Filter::Kind::TYPE:
            break;
    }
    return f.values.front() == schema::TYPE_STATEMENT ? "statements" : "articles";
}

/// Why nothing matched when a given cluster filter names no cluster at all
/// (a mistyped --cluster ID); "" otherwise.
std::string unknown_cluster(const Xapian::Database& db, const std::vector<Filter>& given) {
    for (const auto& f : given)
        if (f.kind == Filter::Kind::CLUSTER &&
            db.get_termfreq(schema::folded_term(schema::PREFIX_CLUSTER, f.values.front())) == 0)
            return "no statement is in cluster '" + f.values.front() + "' (the ID an \"also in\" line gives)";
    return "";
}

/// One line on why nothing matched, trying each filter's removal.
std::string explain_nothing(const Xapian::Database& db, const Xapian::Query& text, const Interpretation& in,
                            FilterScope scope, const std::string& suggestion) {
    for (const auto& f : in.filters) {
        if (f.kind == Filter::Kind::SPEAKER && !f.spoke) {
            Xapian::Query mentioned(Xapian::Query::OP_AND, filter_query(f, FilterScope::ARTICLES),
                                    Xapian::Query(schema::type_term(schema::TYPE_ARTICLE)));
            const Xapian::doccount n = count_matches(db, mentioned);
            return "no statements by " + f.values.front() + "; they are mentioned in " + std::to_string(n) +
                   (n == 1 ? " article" : " articles");
        }
    }
    const std::vector<const Filter*> all = pointers_to(in.filters);
    // The words are a condition too, and may be the one in the way: a role
    // that matches alone must not be blamed for words it never said.
    const bool has_words = !in.text.empty();
    std::string conditions = has_words ? "'" + in.text + "'" : "";
    for (const Filter* f : all)
        if (f->kind != Filter::Kind::TYPE) conditions += (conditions.empty() ? "" : ", ") + describe(*f);
    // Which filter is in the way: what each one's removal would find.
    std::string without;
    for (std::size_t drop = 0; drop < all.size(); ++drop) {
        if (all[drop]->kind == Filter::Kind::TYPE) continue;
        std::vector<const Filter*> rest;
        for (std::size_t k = 0; k < all.size(); ++k)
            if (k != drop) rest.push_back(all[k]);
        Xapian::doccount n = count_matches(db, with_filters(text, rest, scope));
        if (n > 0)
            without +=
                "; without '" + all[drop]->source + "': " + std::to_string(n) + (n == 1 ? " result" : " results");
    }
    if (has_words && !all.empty()) {
        const Xapian::doccount n = count_matches(db, with_filters(match_all(), all, scope));
        if (n > 0) without += "; without '" + in.text + "': " + std::to_string(n) + (n == 1 ? " result" : " results");
    }
    if (!without.empty()) return "nothing matches " + conditions + without;
    std::string line = "no results for '" + in.query + "'";
    if (!conditions.empty() && conditions != "'" + in.text + "'") line += " (" + conditions + ")";
    if (!suggestion.empty()) line += "; did you mean '" + suggestion + "'?";
    return line;
}

/// The hit of the match at @p it: its record's members, and a snippet of
/// its body (an article) or its text (a statement). Throws RecordError when
/// its record is malformed.
Hit make_hit(const Xapian::MSet& mset, const Xapian::MSetIterator& it, const SearchOptions& options,
             const Xapian::Stem& stemmer) {
    Hit hit;
    // The MSet's rank counts from the first result of the whole list.
    hit.rank = it.get_rank() + 1;
    hit.weight = it.get_weight();
    hit.percent = it.get_percent();
    Xapian::Document doc = it.get_document();
    DocumentRecord record = read_document_record(doc);
    std::string body;
    if (auto* article = std::get_if<ArticleRecord>(&record)) {
        hit.type = schema::TYPE_ARTICLE;
        hit.id = article->id;
        hit.date = article->date.iso();
        hit.title = article->title;
        hit.path = article->path;
        hit.source = article->source;
        hit.url = article->url;
        hit.line = article->line;
        body = std::move(article->body);
    } else {
        auto& statement = std::get<StatementRecord>(record);
        hit.type = schema::TYPE_STATEMENT;
        hit.id = statement.id();
        hit.date = statement.statement.date.iso();
        hit.title = statement.title;
        hit.path = statement.path;
        hit.line = statement.line;
        hit.article_id = std::move(statement.article_id);
        hit.article_date = statement.article_date.iso();
        hit.cluster.key = doc.get_value(schema::SLOT_CLUSTER);
        // A statement's snippet is its own text, highlighted like a body.
        body = statement.statement.text;
        hit.statement = std::move(statement.statement);
    }
    std::string marked = mset.snippet(body, options.snippet_length, stemmer,
                                      Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH,
                                      HIGHLIGHT_START, HIGHLIGHT_END, "…");
    // A query of filters only (a date range, type:article) matches no
    // words in the text: show how it begins instead.
    if (marked.empty()) marked = html_escape(leading_text(body, options.snippet_length));
    split_snippet(marked, hit.snippet, hit.highlights);
    return hit;
}

/// Whether @p options ask for the copies of one cluster (a given cluster
/// filter), which collapsing would make one hit.
bool lists_one_cluster(const SearchOptions& options) {
    return std::any_of(options.filters.begin(), options.filters.end(),
                       [](const Filter& f) { return f.kind == Filter::Kind::CLUSTER; });
}

/// Whether results show one hit per statement cluster (SearchOptions::collapse_copies).
bool collapses_copies(const SearchOptions& options) {
    return options.per_article == 0 && options.collapse_copies && !lists_one_cluster(options);
}

/// The cluster of statement @p hit: what describe_cluster() says, or for a
/// statement with no copies (most of them), the hit itself.
void add_cluster(const Xapian::Database& db, Hit& hit) {
    if (db.get_termfreq(schema::cluster_term(hit.cluster.key)) > 1) {
        if (auto info = describe_cluster(db, hit.cluster.key)) {
            hit.cluster = std::move(*info);
            return;
        }
    }
    hit.cluster.statements = 1;
    hit.cluster.articles = 1;
    hit.cluster.first = {hit.id, hit.date, hit.article_id, hit.article_date, hit.title, 0};
}

/// The hit to show for the match at @p it: a statement whose copies were
/// collapsed into it is shown as the earliest copy that matches @p query
/// (Xapian keeps the best ranked, which for copies of equal weight is the
/// newest), in its place in the ranking.
Hit shown_hit(const Xapian::Database& db, const Xapian::Query& query, const Xapian::MSet& mset,
              const Xapian::MSetIterator& it, const SearchOptions& options, const Xapian::Stem& stemmer) {
    Hit hit = make_hit(mset, it, options, stemmer);
    if (!hit.is_statement() || hit.cluster.key.empty()) return hit;
    add_cluster(db, hit);
    // Copies collapsed into this one (not the statements of its article,
    // which --per-article collapses), and it is not the first of them.
    if (collapses_copies(options) && it.get_collapse_count() > 0 && hit.cluster.first.docid != *it) {
        Xapian::Enquire enquire = cluster_enquire(db, query, hit.cluster.key);
        enquire.set_weighting_scheme(Xapian::BoolWeight());  // the order is the key's
        Xapian::MSet earliest = enquire.get_mset(0, 1);
        if (!earliest.empty() && *earliest.begin() != *it) {
            Hit copy = make_hit(earliest, earliest.begin(), options, stemmer);
            copy.rank = hit.rank;
            copy.weight = hit.weight;
            copy.percent = hit.percent;
            copy.cluster = std::move(hit.cluster);
            hit = std::move(copy);
        }
    }
    return hit;
}

/// The query read as SearchOptions say: understood, or as typed (--literal).
/// @p type_given: the given filters name a type, so none is added by default.
Interpretation interpret(const Xapian::Database& db, const SearchOptions& options, bool type_given) {
    if (options.understand) return QueryUnderstanding(db, options.today).understand(options.query, type_given);
    Interpretation interpretation;
    interpretation.query = options.query;
    interpretation.text = options.query;
    return interpretation;
}

/// The match spies of the facets (Facet).
struct FacetSpies {
    Xapian::ValueCountMatchSpy speakers{schema::SLOT_SPEAKER}, speaker_kinds{schema::SLOT_SPEAKER_KIND},
        locations{schema::SLOT_LOCATION}, countries{schema::SLOT_COUNTRY}, days{schema::SLOT_DATE},
        clusters{schema::SLOT_CLUSTER};
};

/// Whether the match spies of @p mset's search saw every match, copies
/// and all: Xapian's bounds agree, before collapsing or after (which it
/// can only know by looking at every match).
bool counted_every_copy(const Xapian::MSet& mset) {
    return mset.get_uncollapsed_matches_lower_bound() == mset.get_uncollapsed_matches_upper_bound() ||
           mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
}

/// How far past the page a search whose copies collapse looks, when it
/// counts no facets: each match looked at costs its collapse key and its
/// count in the cluster spy (count_matches()), which over exact_count_up_to
/// matches made a search a third slower.
constexpr std::size_t COLLAPSED_COUNT_LOOKAHEAD = 100;

/// The totals of @p results from @p mset: Xapian's bounds; with copies
/// @p collapsing, made exact from the cluster spy when it saw every match
/// (each cluster's matches but one are copies), and with_copies. Xapian
/// looks at @p checked matches or more when there are that many, so a spy
/// that saw fewer saw them all.
void count_matches(const Xapian::MSet& mset, const FacetSpies& spies, bool collapsing, std::size_t checked,
                   ResultSet& results) {
    results.estimate = mset.get_matches_estimated();
    results.lower_bound = mset.get_matches_lower_bound();
    results.upper_bound = mset.get_matches_upper_bound();
    results.with_copies = mset.get_uncollapsed_matches_estimated();
    if (collapsing && spies.clusters.get_total() < checked) {
        Xapian::doccount copies = 0;
        for (auto it = spies.clusters.values_begin(); it != spies.clusters.values_end(); ++it)
            copies += it.get_termfreq() - 1;
        results.with_copies = spies.clusters.get_total();
        results.estimate = results.lower_bound = results.upper_bound = results.with_copies - copies;
    }
    results.exact = results.lower_bound == results.upper_bound;
}

/// Collapsing, facet spies and sort order of @p enquire as @p options ask.
void set_up_enquire(Xapian::Enquire& enquire, const SearchOptions& options, FacetSpies& spies) {
    if (options.per_article > 0)
        enquire.set_collapse_key(schema::SLOT_ARTICLE, static_cast<Xapian::doccount>(options.per_article));
    else if (collapses_copies(options))
        enquire.set_collapse_key(schema::SLOT_CLUSTER);
    if (options.facets)
        for (Xapian::ValueCountMatchSpy* spy :
             {&spies.speakers, &spies.speaker_kinds, &spies.locations, &spies.countries})
            enquire.add_matchspy(spy);
    // The month facet and the timeline share one count of days: a spy of
    // Xapian's own, so remote shards count too, bucketed afterwards.
    if (options.facets || options.timeline) enquire.add_matchspy(&spies.days);
    // Xapian counts collapsed matches exactly only among those a page keeps;
    // counting each cluster's matches makes the total exact whenever every
    // match was looked at (count_matches()).
    if (collapses_copies(options)) enquire.add_matchspy(&spies.clusters);
    // Hits of equal weight (every hit of a query without words weighs
    // nothing) follow a key each document stores (schema.h, "Order"), not
    // their document ids, so one database and its shards, local or served
    // by xapian-tcpsrv, give the same list. No two documents of an archive
    // have the same key, so the document id never decides.
    switch (options.sort) {
        case SortOrder::NEWEST:
            enquire.set_sort_by_value(schema::SLOT_NEWEST_FIRST, false);
            break;
        case SortOrder::OLDEST:
            enquire.set_sort_by_value(schema::SLOT_OLDEST_FIRST, false);
            break;
        case SortOrder::RELEVANCE:
            enquire.set_sort_by_relevance_then_value(schema::SLOT_NEWEST_FIRST, false);
            break;
    }
}

/// "Did you mean": @p query with the misspelt words of @p text corrected,
/// when the correction, narrowed by @p narrow, finds something; else "".
template <typename Narrow>
std::string did_you_mean(const Xapian::Database& db, SaywhoQueryParser& parser, const std::string& query,
                         const std::string& text, Narrow&& narrow) {
    parser.parse_with_spelling(text);
    const std::string corrected = parser.corrected();
    if (corrected.empty() || corrected == text || count_matches(db, narrow(parser.parse(corrected))) == 0) return {};
    // Put the correction back among the words the filters came from.
    std::string suggestion = query;
    std::size_t at = suggestion.find(text);
    if (at == std::string::npos) return corrected;
    return suggestion.replace(at, text.size(), corrected);
}

/// A query as search() reads it: understood (or as typed), parsed and
/// filtered. The filters of @p options must outlive it (given_filters
/// points into them).
struct ReadQuery {
    Interpretation interpretation;
    std::vector<const Filter*> given_filters;  ///< SearchOptions::filters
    FilterScope scope = FilterScope::EVERY;    ///< where the understood filters reach
    bool text_empty = false;                   ///< no words: filters only
    Xapian::Query text;                        ///< the words (or all documents) with the given filters
    Xapian::Query query;                       ///< text with the understood filters: what runs
};

/// Reads @p options' query with @p parser. Throws QueryError.
ReadQuery read_query(const Xapian::Database& db, const SearchOptions& options, SaywhoQueryParser& parser) {
    ReadQuery read;
    read.given_filters = pointers_to(options.filters);
    const FilterScope given_scope = scope_of(read.given_filters);
    read.interpretation = interpret(db, options, given_scope != FilterScope::EVERY);
    Interpretation& interpretation = read.interpretation;
    // A query of filters only ("statements by Zelenskyy") matches all their documents.
    read.text_empty = trim(interpretation.text).empty();
    // The given filters narrow the words as fields would; understood ones
    // ("by X") reach the documents their type says, or the given type.
    read.text = with_filters(read.text_empty ? match_all() : parser.parse(interpretation.text), read.given_filters,
                             FilterScope::STATEMENTS);
    for (const auto& word : parser.stopped())
        if (std::find(interpretation.stopwords.begin(), interpretation.stopwords.end(), word) ==
            interpretation.stopwords.end())
            interpretation.stopwords.push_back(word);
    read.scope = scope_of(pointers_to(interpretation.filters));
    if (read.scope == FilterScope::EVERY) read.scope = given_scope;
    read.query = with_filters(read.text, pointers_to(interpretation.filters), read.scope);
    if (options.indexed_between) {
        const auto [after, through] = *options.indexed_between;
        read.query = Xapian::Query(
            Xapian::Query::OP_FILTER, read.query,
            Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_INDEX_SEQUENCE,
                          schema::index_sequence_value(after + 1), schema::index_sequence_value(through)));
    }
    return read;
}

/// @p given with its query's bytes that are not UTF-8 (from a URL, say)
/// each turned into U+FFFD, as in articles: echoed, they would make
/// invalid JSON.
SearchOptions repaired(const SearchOptions& given) {
    SearchOptions options = given;
    repair_utf8(options.query);
    return options;
}

/// @p options with each saved:NAME in its query replaced by the saved
/// search's query (searcher/saved_searches.h).
SearchOptions expanded(const Xapian::Database& db, SearchOptions options) {
    options.query = expand_saved_searches(db, options.query);
    return options;
}

}  // namespace

Xapian::Enquire search_enquire(const Xapian::Database& db, const SearchOptions& given) {
    const SearchOptions options = expanded(db, repaired(given));
    SaywhoQueryParser parser(db, options.match);
    Xapian::Enquire enquire(db);
    enquire.set_query(read_query(db, options, parser).query);
    SearchOptions no_facets = options;
    no_facets.facets = false;
    FacetSpies spies;
    set_up_enquire(enquire, no_facets, spies);
    return enquire;
}

ResultSet search(const Xapian::Database& db, const SearchOptions& given) {
    const auto start = std::chrono::steady_clock::now();
    const std::string given_query = repaired(given).query;
    const SearchOptions options = expanded(db, repaired(given));
    SaywhoQueryParser parser(db, options.match);
    const ReadQuery read = read_query(db, options, parser);
    const Interpretation& interpretation = read.interpretation;
    const bool text_empty = read.text_empty;
    const std::vector<const Filter*> filters = pointers_to(interpretation.filters);
    const FilterScope scope = read.scope;
    const Xapian::Query& text = read.text;
    const Xapian::Query& query = read.query;
    auto with_given = [&](const Xapian::Query& words) {
        return with_filters(words, read.given_filters, FilterScope::STATEMENTS);
    };

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    FacetSpies spies;
    set_up_enquire(enquire, options, spies);
    // Counting a little past the page makes totals exact for result sets of
    // modest size at a small cost; beyond that Xapian's estimate is shown.
    // Facets and the timeline count what the match spies see, so with
    // either Xapian is asked to look at every match up to exact_facets_up_to.
    std::size_t check = options.offset + options.exact_count_up_to;
    if (collapses_copies(options)) check = options.offset + options.limit + COLLAPSED_COUNT_LOOKAHEAD;
    if (options.facets || options.timeline) check = std::max(check, options.exact_facets_up_to);
    Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(options.offset), static_cast<Xapian::doccount>(options.limit),
                         static_cast<Xapian::doccount>(check));

    ResultSet results;
    results.query = given_query;
    results.interpretation = interpretation;
    results.parsed = query.get_description();
    count_matches(mset, spies, collapses_copies(options), check, results);
    results.offset = options.offset;
    results.limit = options.limit;
    results.sort = options.sort;

    for (auto it = mset.begin(); it != mset.end(); ++it)
        results.hits.push_back(shown_hit(db, query, mset, it, options, parser.stemmer()));
    if (options.facets) {
        results.facets =
            std::vector<Facet>{facet_from(spies.speakers, "speaker", false, options.facet_values),
                               facet_from(spies.speaker_kinds, "speaker_kind", false, options.facet_values),
                               facet_from(spies.locations, "location", false, options.facet_values),
                               facet_from(spies.countries, "country", false, options.facet_values),
                               facet_from(spies.days, "month", true, options.facet_values)};
        results.facets_exact = results.exact || counted_every_copy(mset);
    }
    if (options.timeline) {
        DayCounts days;
        for (auto it = spies.days.values_begin(); it != spies.days.values_end(); ++it) days[*it] = it.get_termfreq();
        results.timeline = make_timeline(days, options.timeline_interval);
        results.timeline->exact = results.exact || counted_every_copy(mset);
    }
    // "Did you mean" only when a word found nothing: the corrected query must
    // find something the given one did not.
    if (results.estimate == 0 && !text_empty)
        results.suggestion =
            did_you_mean(db, parser, options.query, interpretation.text,
                         [&](const Xapian::Query& words) { return with_filters(with_given(words), filters, scope); });
    if (results.hits.empty() && results.estimate == 0) results.why_nothing = unknown_cluster(db, options.filters);
    if (results.hits.empty() && results.estimate == 0 && results.why_nothing.empty())
        results.why_nothing = explain_nothing(db, text, interpretation, scope, results.suggestion);
    results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return results;
}

}  // namespace saywho
