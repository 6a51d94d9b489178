/** @file filters.h
 *  @brief Search filters as structures (speaker, place, country, date, type,
 *         quote, role, source, kind of speaker) and the one place that turns them into
 *         Xapian queries.
 *
 *  A filter comes from one of three places: a query field (`speaker:X`,
 *  searcher/query_parser.cc), a natural phrase ("by X", searcher/understand.cc)
 *  or a service request's `filters` (searcher/service.cc). Each builds the
 *  same Filter with the builders below, and filter_query() alone makes its
 *  Xapian query, so `speaker:X` and "statements by X" cannot drift apart.
 */
#ifndef SAYWHO_SEARCHER_FILTERS_H
#define SAYWHO_SEARCHER_FILTERS_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "common/civil_date.h"
#include "common/schema.h"

namespace saywho {

struct Place;

/// One filter, with the words it came from when a query phrase gave it, so
/// a user (or a search page) can see it and undo it.
struct Filter {
    enum class Kind { SPEAKER, LOCATION, DATE, TYPE, COUNTRY, QUOTE, ROLE, SOURCE, SPEAKER_KIND, CLUSTER };
    /// How a DATE filter matches: a range of days over SLOT_DATE, or a whole
    /// day, month or year by its date term (date:2025-03 is M202503).
    enum class Span { RANGE, DAY, MONTH, YEAR };

    Kind kind = Kind::TYPE;
    /// The words of the query this filter was read from ("by Zelensky"),
    /// and their byte offsets in the query; empty for a field, a request's
    /// filter or a default (the type chosen because a speaker or place was
    /// understood).
    std::string source;
    std::size_t start = 0, end = 0;
    /// What it means, for display. SPEAKER: the canonical speakers (several
    /// when the name is ambiguous); LOCATION: the place's name; DATE: the
    /// first and last day (YYYY-MM-DD, empty for an open end); TYPE:
    /// "statement" or "article"; COUNTRY: the uppercase ISO code; QUOTE,
    /// ROLE, SOURCE, SPEAKER_KIND, CLUSTER: the value (QUOTE's and SPEAKER_KIND's
    /// folded, the others as given).
    std::vector<std::string> values;
    /// SPEAKER: the folded keys to match (XSPEAKER:/XPERSON: suffixes).
    std::vector<std::string> keys;
    std::string country;      ///< LOCATION: ISO code of the place's country (uppercase); empty when unknown
    bool is_country = false;  ///< LOCATION: the place is a whole country
    /// SPEAKER: false when the name is known only as someone articles
    /// mention (no statement by them is indexed).
    bool spoke = true;
    /// A remark for the user: an ambiguous name, a speaker who never spoke.
    std::string note;
    Span span = Span::RANGE;  ///< DATE only
};

/// "speaker", "location", "date", "type", "country", "quote", "role", "source".
const char* filter_kind_name(Filter::Kind kind);

/// Which documents a speaker or place filter reaches. Statements carry who
/// said them and where (XSPEAKER:, XLOC:); articles carry whom and which
/// places they name (XPERSON:, XPLACE:). Other kinds ignore the scope.
enum class FilterScope {
    STATEMENTS,  ///< statements by the speaker, made in the place (the fields' meaning)
    ARTICLES,    ///< articles naming the person or the place
    EVERY,       ///< both: what a phrase means when no type is asked for
};

/// The Xapian query of @p filter: a boolean query, the only place one is
/// built from a filter.
Xapian::Query filter_query(const Filter& filter, FilterScope scope = FilterScope::STATEMENTS);

/// The filters ANDed (empty when there are none), each for @p scope.
Xapian::Query all_filters_query(const std::vector<const Filter*>& filters, FilterScope scope);

/// The scope a phrase's speaker and place filters have among @p filters:
/// that of the first TYPE filter ("statements by X" reaches statements,
/// "articles in Oslo" articles), EVERY when there is none.
FilterScope scope_of(const std::vector<const Filter*>& filters);

// --- Builders ----------------------------------------------------------------
// Each throws Xapian::QueryParserError with a message quoting the bad text.

/// A speaker by a name as typed: its folded full form is the key.
Filter speaker_filter(std::string_view name);
/// A speaker understood from a phrase: the keys and names the database
/// matched (searcher/understand.h).
Filter speaker_filter(std::vector<std::string> keys, std::vector<std::string> names, bool spoke);
/// A place by a name as typed: the gazetteer's place of that name (any of
/// its names: Kiev is Kyiv), or the name itself when the gazetteer does not
/// know it.
Filter location_filter(std::string_view name);
/// A place the gazetteer knows.
Filter place_filter(const Place& place);
/// A country by ISO code or name; an unknown country is an error rather than
/// an empty result, so a typo does not look like "no news".
Filter country_filter(std::string_view text);
/// The days from @p first to @p last; either end may be open, not both.
Filter date_filter(std::optional<CivilDate> first, std::optional<CivilDate> last);
/// date:YYYY-MM-DD, date:YYYY-MM or date:YYYY (also YYYYMMDD): one day,
/// month or year by its date term.
Filter date_filter(const std::string& text);
/// date:A..B: each end YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY, rounded out to
/// whole months and years; either may be empty, not both.
Filter date_range_filter(const std::string& begin, const std::string& end);
/// A document type, "article" or "statement" (a plural too).
Filter type_filter(std::string_view text);
/// A filter by @p field (speaker, location, country, date, type, quote,
/// role, source: schema::QUERY_FIELDS) with the value @p text as typed;
/// fields with a list of values accept only those.
Filter field_filter(const schema::FieldSpec& field, const std::string& text);

/// Parses one end of a date range: YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY.
/// Returns the first day covered (@p round_up false) or the last (true) as
/// YYYYMMDD; throws Xapian::QueryParserError naming @p text when malformed.
std::string parse_date_bound(const std::string& text, bool round_up);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_FILTERS_H
