/** @file query_parser.cc
 *  @brief QueryParser set up from the schema table, with date range and field processors.
 */
#include "searcher/query_parser.h"

#include <memory>
#include <sstream>
#include <vector>

#include "common/civil_date.h"
#include "common/errors.h"
#include "common/lexicon.h"
#include "common/schema.h"
#include "common/text.h"

namespace saywho {

namespace {


/// A date the user wrote, of day, month or year precision.
struct DateSpec {
    enum class Precision { DAY, MONTH, YEAR } precision;
    int year = 0, month = 1, day = 1;
};

/// Reads YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY; throws QueryParserError.
DateSpec parse_date_spec(const std::string& text) {
    const std::string quoted = "'" + text + "'";
    DateSpec spec;
    std::string digits;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        std::string why = explain_bad_iso_date(text);
        if (!why.empty()) throw Xapian::QueryParserError("bad date " + quoted + ": " + why);
        spec.precision = DateSpec::Precision::DAY;
        spec.year = std::stoi(text.substr(0, 4));
        spec.month = std::stoi(text.substr(5, 2));
        spec.day = std::stoi(text.substr(8, 2));
        return spec;
    }
    if (text.size() == 8 && all_digits(text)) {
        return parse_date_spec(text.substr(0, 4) + "-" + text.substr(4, 2) + "-" + text.substr(6, 2));
    }
    if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2))) {
        spec.precision = DateSpec::Precision::MONTH;
        spec.year = std::stoi(text.substr(0, 4));
        spec.month = std::stoi(text.substr(5, 2));
        if (spec.month < 1 || spec.month > 12)
            throw Xapian::QueryParserError("bad date " + quoted + ": no month " + std::to_string(spec.month));
        return spec;
    }
    if (text.size() == 4 && all_digits(text)) {
        spec.precision = DateSpec::Precision::YEAR;
        spec.year = std::stoi(text);
        if (spec.year < 1) throw Xapian::QueryParserError("bad date " + quoted + ": no year 0");
        return spec;
    }
    throw Xapian::QueryParserError("bad date " + quoted + ": expected YYYY-MM-DD, YYYY-MM or YYYY");
}

/// Where our processors put the first error of a parse. Xapian 1.4's parser
/// is not exception-safe: an exception thrown by a processor in the middle of
/// parse_query() leaks the parser's stack and can free memory twice (found by
/// fuzzing: tests/fuzz/corpus/query/regression-two-bad-dates). So processors
/// never throw: they note the error, match nothing, and parse() throws it
/// once Xapian is done.
using ErrorSink = std::shared_ptr<std::string>;

/// Runs @p make, turning a QueryParserError into a note in @p sink and a
/// query that matches nothing.
template <typename Make>
Xapian::Query without_throwing(const ErrorSink& sink, Make&& make) {
    try {
        return make();
    } catch (const Xapian::QueryParserError& e) {
        if (sink->empty()) *sink = e.get_msg();
        return Xapian::Query();
    }
}

/// date:A..B, date:A.., date:..B over SLOT_DATE (YYYYMMDD text).
class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    explicit DateRangeProcessor(ErrorSink sink) : Xapian::RangeProcessor(schema::SLOT_DATE, "date:"), sink_(std::move(sink)) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        return without_throwing(sink_, [&] { return range(begin, end); });
    }

  private:
    Xapian::Query range(const std::string& begin, const std::string& end) const {
        if (begin.empty() && end.empty())
            throw Xapian::QueryParserError("date range '..' needs a start or an end: date:2025-03-01..2025-03-31");
        std::string low = begin.empty() ? "" : parse_date_bound(begin, false);
        std::string high = end.empty() ? "" : parse_date_bound(end, true);
        if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::SLOT_DATE, high);
        if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::SLOT_DATE, low);
        if (high < low)
            throw Xapian::QueryParserError("date range '" + begin + ".." + end + "' ends before it begins");
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::SLOT_DATE, low, high);
    }

    ErrorSink sink_;
};

/// date:YYYY-MM-DD, date:YYYY-MM, date:YYYY as D/M/Y filter terms.
class DateFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit DateFieldProcessor(ErrorSink sink) : sink_(std::move(sink)) {}

    Xapian::Query operator()(const std::string& text) override {
        return without_throwing(sink_, [&] { return date_query(text); });
    }

  private:
    static Xapian::Query date_query(const std::string& text) {
        DateSpec spec = parse_date_spec(text);
        CivilDate date{spec.year, spec.month, spec.day};
        switch (spec.precision) {
            case DateSpec::Precision::DAY: return Xapian::Query(schema::day_term(date));
            case DateSpec::Precision::MONTH: return Xapian::Query(schema::month_term(date));
            case DateSpec::Precision::YEAR: break;
        }
        return Xapian::Query(schema::year_term(date));
    }

    ErrorSink sink_;
};

/// A boolean field whose values are folded and, when the schema lists the
/// values it takes (type:, quote:), checked against them.
class FoldedFieldProcessor : public Xapian::FieldProcessor {
  public:
    FoldedFieldProcessor(const schema::FieldSpec& field, ErrorSink sink) : field_(field), sink_(std::move(sink)) {}

    Xapian::Query operator()(const std::string& text) override {
        return without_throwing(sink_, [&] {
            std::string key = fold_key(text);
            if (field_.values) key = allowed_value(text, key);
            return Xapian::Query(schema::bounded_term(field_.prefix, key));
        });
    }

  private:
    /// @p key if it is one of field_.values, or its singular when that is
    /// (type:articles); throws QueryParserError naming @p text otherwise.
    std::string allowed_value(const std::string& text, const std::string& key) const {
        std::vector<std::string> values;
        std::istringstream words(field_.values);
        for (std::string value; words >> value;) values.push_back(value);
        for (const auto& value : values)
            if (key == value || key == value + "s") return value;
        std::string expected;
        for (std::size_t i = 0; i < values.size(); ++i) {
            expected += i == 0 ? "" : i + 1 == values.size() ? " or " : ", ";
            expected += std::string(field_.query_name) + ":" + values[i];
        }
        throw Xapian::QueryParserError("unknown " + std::string(field_.query_name) + " '" + text + "': expected " +
                                       expected);
    }

    const schema::FieldSpec& field_;
    ErrorSink sink_;
};

/// location:X: the place the gazetteer knows by the name X (any of its
/// names, so location:Kiev finds Kyiv); for a country, also every statement
/// made in it (location:Finland finds Helsinki). A name the gazetteer does not
/// know still matches a location recorded under that name.
class PlaceFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit PlaceFieldProcessor(const schema::FieldSpec& field) : field_(field) {}

    Xapian::Query operator()(const std::string& text) override {
        const Place* place = Lexicon::instance().best_place(text);
        if (!place) return Xapian::Query(schema::folded_term(field_.prefix, text));
        Xapian::Query here(schema::folded_term(field_.prefix, place->name));
        if (place->kind != "country") return here;
        return Xapian::Query(Xapian::Query::OP_OR, here, Xapian::Query(schema::country_term(place->country_code)));
    }

  private:
    const schema::FieldSpec& field_;
};

/// country:FI or country:Finland -> XCOUNTRY:fi. Unknown countries are an
/// error rather than an empty result, so a typo does not look like "no news".
class CountryFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit CountryFieldProcessor(ErrorSink sink) : sink_(std::move(sink)) {}

    Xapian::Query operator()(const std::string& text) override {
        return without_throwing(sink_, [&] { return country_query(text); });
    }

  private:
    static Xapian::Query country_query(const std::string& text) {
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
            throw Xapian::QueryParserError("unknown country '" + text +
                                           "': expected an ISO code or a country name: country:FI, country:Finland");
        return Xapian::Query(schema::country_term(country->country_code));
    }

    ErrorSink sink_;
};

/// Turns Xapian's terse parser messages into ones that point at the query.
std::string explain_parse_error(const std::string& query, const std::string& message) {
    if (message.rfind("Unknown range operation", 0) == 0)
        return "cannot read a range in '" + query + "': only date:A..B ranges exist (date:2025-03-01..2025-03-31)";
    if (message.rfind("Syntax:", 0) == 0) return "cannot parse '" + query + "': " + message;
    return message + " (in '" + query + "')";
}

}  // namespace

std::string parse_date_bound(const std::string& text, bool round_up) {
    DateSpec spec = parse_date_spec(text);
    CivilDate date{spec.year, spec.month, spec.day};
    if (round_up) {
        if (spec.precision == DateSpec::Precision::YEAR) date.month = 12;
        if (spec.precision != DateSpec::Precision::DAY) date.day = days_in_month(date.year, date.month);
    }
    return date.compact();
}

namespace {

/// Sets @p parser up from the schema table, its processors reporting to @p error.
void configure(Xapian::QueryParser& parser, const Xapian::Database& db, const Xapian::Stem& stemmer, MatchMode mode,
               const std::shared_ptr<std::string>& error) {
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_default_op(mode == MatchMode::ALL ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    parser.add_rangeprocessor((new DateRangeProcessor(error))->release());
    for (const auto& field : schema::QUERY_FIELDS) {
        switch (field.kind) {
            case schema::FieldKind::FREE_TEXT:
                parser.add_prefix(field.query_name, field.prefix);
                break;
            case schema::FieldKind::BOOLEAN:
                if (field.folded)
                    parser.add_boolean_prefix(field.query_name, (new FoldedFieldProcessor(field, error))->release());
                else
                    parser.add_boolean_prefix(field.query_name, field.prefix);
                break;
            case schema::FieldKind::DATE:
                parser.add_boolean_prefix(field.query_name, (new DateFieldProcessor(error))->release());
                break;
            case schema::FieldKind::PLACE:
                parser.add_boolean_prefix(field.query_name, (new PlaceFieldProcessor(field))->release());
                break;
            case schema::FieldKind::COUNTRY:
                parser.add_boolean_prefix(field.query_name, (new CountryFieldProcessor(error))->release());
                break;
        }
    }
}

}  // namespace

SaywhoQueryParser::SaywhoQueryParser(const Xapian::Database& db, MatchMode mode)
    : stemmer_("english"), error_(std::make_shared<std::string>()) {
    configure(article_parser_, db, stemmer_, mode, error_);
    article_parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    // Statements hold their words as positional Z stems only (schema.h): every
    // word stemmed, and bare words under PREFIX_STATEMENT_WORD, so that
    // phrases and wildcards work on the stems too.
    configure(statement_parser_, db, stemmer_, mode, error_);
    statement_parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    statement_parser_.add_prefix("", schema::PREFIX_STATEMENT_WORD);
}

Xapian::Query SaywhoQueryParser::parse_checked(Xapian::QueryParser& parser, const std::string& text, unsigned flags) {
    error_->clear();
    Xapian::Query query;
    try {
        query = parser.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError(explain_parse_error(text, e.get_msg()));
    }
    // A processor's error, noted instead of thrown (ErrorSink).
    if (!error_->empty()) throw QueryError(explain_parse_error(text, *error_));
    return query;
}

Xapian::Query SaywhoQueryParser::combine(const ParsedQuery& parsed) {
    // Filters only (or words that come out the same): one query does for both.
    if (parsed.articles.get_description() == parsed.statements.get_description()) return parsed.articles;
    return Xapian::Query(
        Xapian::Query::OP_OR,
        Xapian::Query(Xapian::Query::OP_FILTER, parsed.articles, Xapian::Query(schema::type_term(schema::TYPE_ARTICLE))),
        Xapian::Query(Xapian::Query::OP_FILTER, parsed.statements,
                      Xapian::Query(schema::type_term(schema::TYPE_STATEMENT))));
}

Xapian::Query SaywhoQueryParser::parse_with_spelling(const std::string& text) {
    if (trim(text).empty()) return match_all();
    // The spelling data holds article words, so the article parse corrects.
    ParsedQuery parsed;
    parsed.articles = parse_checked(article_parser_, text, QUERY_PARSER_FLAGS | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    parsed.statements = parse_checked(statement_parser_, text, QUERY_PARSER_FLAGS);
    return combine(parsed);
}

ParsedQuery SaywhoQueryParser::parse_each(const std::string& text) {
    if (trim(text).empty()) return {match_all(), match_all()};
    ParsedQuery parsed;
    parsed.articles = parse_checked(article_parser_, text, QUERY_PARSER_FLAGS);
    if (parsed.articles.empty()) throw QueryError("nothing to search for in '" + text + "': no words or fields");
    parsed.statements = parse_checked(statement_parser_, text, QUERY_PARSER_FLAGS);
    return parsed;
}

Xapian::Query SaywhoQueryParser::parse(const std::string& text) {
    if (trim(text).empty()) return match_all();
    return combine(parse_each(text));
}

}  // namespace saywho
