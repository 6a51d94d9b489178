/** @file filters.cc
 *  @brief Search filters as structures and the one place that turns them into Xapian queries.
 */
#include "searcher/filters.h"

#include <sstream>
#include <utility>

#include "common/lexicon.h"
#include "common/text.h"

namespace saywho {

namespace {

/// A date the user wrote, of day, month or year precision.
struct DateSpec {
    Filter::Span precision = Filter::Span::DAY;
    int year = 0, month = 1, day = 1;
};

/// Reads YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY; throws QueryParserError.
DateSpec parse_date_spec(const std::string& text) {
    const std::string quoted = "'" + text + "'";
    DateSpec spec;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        std::string why = explain_bad_iso_date(text);
        if (!why.empty()) throw Xapian::QueryParserError("bad date " + quoted + ": " + why);
        spec.precision = Filter::Span::DAY;
        spec.year = std::stoi(text.substr(0, 4));
        spec.month = std::stoi(text.substr(5, 2));
        spec.day = std::stoi(text.substr(8, 2));
        return spec;
    }
    if (text.size() == 8 && all_digits(text)) {
        return parse_date_spec(text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2));
    }
    if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2))) {
        spec.precision = Filter::Span::MONTH;
        spec.year = std::stoi(text.substr(0, 4));
        spec.month = std::stoi(text.substr(5, 2));
        if (spec.month < 1 || spec.month > 12)
            throw Xapian::QueryParserError("bad date " + quoted + ": no month " + std::to_string(spec.month));
        return spec;
    }
    if (text.size() == 4 && all_digits(text)) {
        spec.precision = Filter::Span::YEAR;
        spec.year = std::stoi(text);
        if (spec.year < 1) throw Xapian::QueryParserError("bad date " + quoted + ": no year 0");
        return spec;
    }
    throw Xapian::QueryParserError("bad date " + quoted + ": expected YYYY-MM-DD, YYYY-MM or YYYY");
}

/// The first (or, with @p round_up, the last) day @p spec covers.
CivilDate bound_of(const DateSpec& spec, bool round_up) {
    CivilDate date{spec.year, spec.month, spec.day};
    if (round_up) {
        if (spec.precision == Filter::Span::YEAR) date.month = 12;
        if (spec.precision != Filter::Span::DAY) date.day = days_in_month(date.year, date.month);
    }
    return date;
}

/// "YYYY-MM-DD" -> the date (the filter's values are always well formed).
CivilDate day_of(const std::string& iso) { return CivilDate::parse_iso(iso).value_or(CivilDate{}); }

Xapian::Query date_query(const Filter& f) {
    const std::string& first = f.values[0];
    const std::string& last = f.values[1];
    switch (f.span) {
        case Filter::Span::DAY:
            return Xapian::Query(schema::day_term(day_of(first)));
        case Filter::Span::MONTH:
            return Xapian::Query(schema::month_term(day_of(first)));
        case Filter::Span::YEAR:
            return Xapian::Query(schema::year_term(day_of(first)));
        case Filter::Span::RANGE:
            break;
    }
    if (first.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::SLOT_DATE, day_of(last).compact());
    if (last.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::SLOT_DATE, day_of(first).compact());
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_DATE, day_of(first).compact(),
                         day_of(last).compact());
}

/// One term alone, or the terms ORed.
Xapian::Query any_of(const std::vector<Xapian::Query>& terms) {
    if (terms.size() == 1) return terms.front();
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query speaker_query(const Filter& f, FilterScope scope) {
    std::vector<Xapian::Query> terms;
    for (const auto& key : f.keys) {
        if (scope != FilterScope::ARTICLES) terms.emplace_back(schema::bounded_term(schema::PREFIX_SPEAKER, key));
        if (scope != FilterScope::STATEMENTS) terms.emplace_back(schema::bounded_term(schema::PREFIX_PERSON, key));
    }
    return any_of(terms);
}

Xapian::Query location_query(const Filter& f, FilterScope scope) {
    std::vector<Xapian::Query> terms;
    if (scope != FilterScope::ARTICLES)
        terms.emplace_back(schema::folded_term(schema::PREFIX_LOCATION, f.values.front()));
    if (scope != FilterScope::STATEMENTS)
        terms.emplace_back(schema::folded_term(schema::PREFIX_PLACE, f.values.front()));
    // A country reaches every statement made in it, and every article
    // naming a place in it.
    if (f.is_country) terms.emplace_back(schema::country_term(f.country));
    return any_of(terms);
}

/// The term prefix of a filter holding one folded value.
const char* value_prefix(Filter::Kind kind) {
    switch (kind) {
        case Filter::Kind::QUOTE:
            return schema::PREFIX_QUOTE;
        case Filter::Kind::ROLE:
            return schema::PREFIX_ROLE;
        case Filter::Kind::SOURCE:
            return schema::PREFIX_SOURCE;
        case Filter::Kind::SPEAKER_KIND:
            return schema::PREFIX_SPEAKER_KIND;
        case Filter::Kind::CLUSTER:
            return schema::PREFIX_CLUSTER;
        default:
            break;
    }
    return schema::PREFIX_TYPE;
}

/// @p text folded if it is one of @p field's values, or its singular when
/// that is (type:articles); throws QueryParserError naming @p text otherwise.
std::string allowed_value(const schema::FieldSpec& field, std::string_view text) {
    const std::string key = fold_key(text);
    std::vector<std::string> values;
    std::istringstream words(field.values);
    for (std::string value; words >> value;) values.push_back(value);
    for (const auto& value : values)
        if (key == value || key == value + "s") return value;
    std::string expected;
    for (std::size_t i = 0; i < values.size(); ++i) {
        expected += i == 0 ? "" : i + 1 == values.size() ? " or " : ", ";
        expected += std::string(field.query_name) + ":" + values[i];
    }
    throw Xapian::QueryParserError("unknown " + std::string(field.query_name) + " '" + std::string(text) +
                                   "': expected " + expected);
}

/// A filter of @p kind holding one value.
Filter value_filter(Filter::Kind kind, std::string value) {
    Filter f;
    f.kind = kind;
    f.values = {std::move(value)};
    return f;
}

}  // namespace

const char* filter_kind_name(Filter::Kind kind) {
    switch (kind) {
        case Filter::Kind::SPEAKER:
            return "speaker";
        case Filter::Kind::LOCATION:
            return "location";
        case Filter::Kind::DATE:
            return "date";
        case Filter::Kind::COUNTRY:
            return "country";
        case Filter::Kind::QUOTE:
            return "quote";
        case Filter::Kind::ROLE:
            return "role";
        case Filter::Kind::SOURCE:
            return "source";
        case Filter::Kind::SPEAKER_KIND:
            return "kind";
        case Filter::Kind::CLUSTER:
            return "cluster";
        case Filter::Kind::TYPE:
            break;
    }
    return "type";
}

Xapian::Query filter_query(const Filter& filter, FilterScope scope) {
    switch (filter.kind) {
        case Filter::Kind::SPEAKER:
            return speaker_query(filter, scope);
        case Filter::Kind::LOCATION:
            return location_query(filter, scope);
        case Filter::Kind::DATE:
            return date_query(filter);
        case Filter::Kind::COUNTRY:
            return Xapian::Query(schema::country_term(filter.values.front()));
        default:
            break;
    }
    return Xapian::Query(schema::folded_term(value_prefix(filter.kind), filter.values.front()));
}

Xapian::Query all_filters_query(const std::vector<const Filter*>& filters, FilterScope scope) {
    std::vector<Xapian::Query> parts;
    for (const Filter* f : filters) parts.push_back(filter_query(*f, scope));
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

FilterScope scope_of(const std::vector<const Filter*>& filters) {
    for (const Filter* f : filters)
        if (f->kind == Filter::Kind::TYPE)
            return f->values.front() == schema::TYPE_ARTICLE ? FilterScope::ARTICLES : FilterScope::STATEMENTS;
    return FilterScope::EVERY;
}

Filter speaker_filter(std::string_view name) {
    Filter f = value_filter(Filter::Kind::SPEAKER, std::string(name));
    f.keys = {fold_key(name)};
    return f;
}

Filter speaker_filter(std::vector<std::string> keys, std::vector<std::string> names, bool spoke) {
    Filter f;
    f.kind = Filter::Kind::SPEAKER;
    f.keys = std::move(keys);
    f.values = std::move(names);
    f.spoke = spoke;
    return f;
}

Filter location_filter(std::string_view name) {
    if (const Place* place = Lexicon::instance().best_place(name)) return place_filter(*place);
    return value_filter(Filter::Kind::LOCATION, std::string(name));
}

Filter place_filter(const Place& place) {
    Filter f = value_filter(Filter::Kind::LOCATION, place.name);
    f.country = place.country_code;
    f.is_country = place.kind == "country";
    return f;
}

Filter country_filter(std::string_view text) {
    const Lexicon& lexicon = Lexicon::instance();
    const std::string name(trim(text));
    const Place* country = name.size() == 2 ? lexicon.country(name) : nullptr;
    if (!country)
        for (const Place* place : lexicon.find_places(name))
            if (place->kind == "country") {
                country = place;
                break;
            }
    if (!country)
        throw Xapian::QueryParserError("unknown country '" + std::string(text) +
                                       "': expected an ISO code or a country name: country:FI, country:Finland");
    return value_filter(Filter::Kind::COUNTRY, country->country_code);
}

Filter date_filter(std::optional<CivilDate> first, std::optional<CivilDate> last) {
    Filter f;
    f.kind = Filter::Kind::DATE;
    f.values = {first ? first->iso() : "", last ? last->iso() : ""};
    return f;
}

Filter date_filter(const std::string& text) {
    const DateSpec spec = parse_date_spec(text);
    Filter f = date_filter(bound_of(spec, false), bound_of(spec, true));
    f.span = spec.precision;
    return f;
}

Filter date_range_filter(const std::string& begin, const std::string& end) {
    if (begin.empty() && end.empty())
        throw Xapian::QueryParserError("date range '..' needs a start or an end: date:2025-03-01..2025-03-31");
    std::optional<CivilDate> first, last;
    if (!begin.empty()) first = bound_of(parse_date_spec(begin), false);
    if (!end.empty()) last = bound_of(parse_date_spec(end), true);
    if (first && last && *last < *first)
        throw Xapian::QueryParserError("date range '" + begin + ".." + end + "' ends before it begins");
    return date_filter(first, last);
}

Filter type_filter(std::string_view text) {
    return value_filter(Filter::Kind::TYPE, allowed_value(*schema::find_query_field("type"), text));
}

Filter field_filter(const schema::FieldSpec& field, const std::string& text) {
    const std::string_view prefix = field.prefix;
    switch (field.kind) {
        case schema::FieldKind::PLACE:
            return location_filter(text);
        case schema::FieldKind::COUNTRY:
            return country_filter(text);
        case schema::FieldKind::DATE:
            return date_filter(text);
        default:
            break;
    }
    if (prefix == schema::PREFIX_SPEAKER) return speaker_filter(text);
    if (prefix == schema::PREFIX_TYPE) return type_filter(text);
    if (prefix == schema::PREFIX_QUOTE) return value_filter(Filter::Kind::QUOTE, allowed_value(field, text));
    if (prefix == schema::PREFIX_SPEAKER_KIND)
        return value_filter(Filter::Kind::SPEAKER_KIND, allowed_value(field, text));
    if (prefix == schema::PREFIX_ROLE) return value_filter(Filter::Kind::ROLE, text);
    if (prefix == schema::PREFIX_SOURCE) return value_filter(Filter::Kind::SOURCE, text);
    if (prefix == schema::PREFIX_CLUSTER) return value_filter(Filter::Kind::CLUSTER, text);
    throw Xapian::QueryParserError("'" + std::string(field.query_name) + ":' is not a filter");
}

std::string parse_date_bound(const std::string& text, bool round_up) {
    return bound_of(parse_date_spec(text), round_up).compact();
}

}  // namespace saywho
