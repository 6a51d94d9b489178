/** @file query_parser.cc
 *  @brief QueryParser set up from the schema table, with date range and field processors.
 */
#include "searcher/query_parser.h"

#include <algorithm>
#include <memory>

#include "common/errors.h"
#include "common/memoized_stem.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/filters.h"
#include "searcher/stopwords.h"

namespace saywho {

namespace {

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

/// date:A..B, date:A.., date:..B over SLOT_DATE (searcher/filters.h).
class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    explicit DateRangeProcessor(ErrorSink sink)
        : Xapian::RangeProcessor(schema::SLOT_DATE, "date:"), sink_(std::move(sink)) {}

    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        return without_throwing(sink_, [&] { return filter_query(date_range_filter(begin, end)); });
    }

  private:
    ErrorSink sink_;
};

/// A field that is a filter (speaker:, location:, country:, date:, type:,
/// quote:, role:, source:): the filter searcher/filters.h builds from the
/// value, with the meaning fields have (statements by the speaker, made in
/// the place).
class FilterFieldProcessor : public Xapian::FieldProcessor {
  public:
    FilterFieldProcessor(const schema::FieldSpec& field, ErrorSink sink) : field_(field), sink_(std::move(sink)) {}

    Xapian::Query operator()(const std::string& text) override {
        return without_throwing(sink_,
                                [&] { return filter_query(field_filter(field_, text), FilterScope::STATEMENTS); });
    }

  private:
    const schema::FieldSpec& field_;
    ErrorSink sink_;
};

/// Turns Xapian's terse parser messages into ones that point at the query.
std::string explain_parse_error(const std::string& query, const std::string& message) {
    if (message.rfind("Unknown range operation", 0) == 0)
        return "cannot read a range in '" + query + "': only date:A..B ranges exist (date:2025-03-01..2025-03-31)";
    if (message.rfind("Syntax:", 0) == 0) return "cannot parse '" + query + "': " + message;
    return message + " (in '" + query + "')";
}

/// Sets @p parser up from the schema table, its processors reporting to @p error.
void configure(Xapian::QueryParser& parser, const Xapian::Database& db, const Xapian::Stem& stemmer, MatchMode mode,
               const std::shared_ptr<std::string>& error) {
    parser.set_database(db);
    parser.set_stemmer(stemmer);
    parser.set_default_op(mode == MatchMode::ALL ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    // Function words ("on the dollar") would make every one required under
    // OP_AND. Xapian 1.4 has one way to stop: a stopped word is left out of
    // the query, except inside a phrase or after '+', and a query of
    // stopwords only is parsed again without the stopper (so "the" still
    // searches "the"). The stopper is shared and never released (stopwords.h).
    parser.set_stopper(&query_stopper());
    parser.add_rangeprocessor((new DateRangeProcessor(error))->release());
    for (const auto& field : schema::QUERY_FIELDS) {
        switch (field.kind) {
            case schema::FieldKind::FREE_TEXT:
                parser.add_prefix(field.query_name, field.prefix);
                break;
            case schema::FieldKind::BOOLEAN:
                if (field.folded)
                    parser.add_boolean_prefix(field.query_name, (new FilterFieldProcessor(field, error))->release());
                else
                    parser.add_boolean_prefix(field.query_name, field.prefix);
                break;
            case schema::FieldKind::DATE:
            case schema::FieldKind::PLACE:
            case schema::FieldKind::COUNTRY:
                parser.add_boolean_prefix(field.query_name, (new FilterFieldProcessor(field, error))->release());
                break;
        }
    }
}

}  // namespace

std::string query_fields_help() {
    // What each field finds starts in the column the other syntax lines of
    // --help use; a help text of several lines keeps to that column.
    constexpr std::size_t COLUMN = 30;
    std::string text;
    for (const auto& field : schema::QUERY_FIELDS) {
        std::string line = std::string("  ") + field.example;
        line.append(line.size() < COLUMN ? COLUMN - line.size() : 1, ' ');
        for (const char* c = field.help; *c; ++c)
            line += *c == '\n' ? "\n" + std::string(COLUMN, ' ') : std::string(1, *c);
        text += line + "\n";
    }
    return text;
}

std::optional<MatchMode> parse_match_mode(std::string_view name) {
    for (const auto& entry : MATCH_MODES)
        if (name == entry.name) return entry.mode;
    return std::nullopt;
}

SaywhoQueryParser::SaywhoQueryParser(const Xapian::Database& db, MatchMode mode)
    : stemmer_(memoized_english_stem()), error_(std::make_shared<std::string>()) {
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
    return Xapian::Query(Xapian::Query::OP_OR,
                         Xapian::Query(Xapian::Query::OP_FILTER, parsed.articles,
                                       Xapian::Query(schema::type_term(schema::TYPE_ARTICLE))),
                         Xapian::Query(Xapian::Query::OP_FILTER, parsed.statements,
                                       Xapian::Query(schema::type_term(schema::TYPE_STATEMENT))));
}

Xapian::Query SaywhoQueryParser::parse_with_spelling(const std::string& text) {
    stopped_.clear();
    if (trim(text).empty()) return match_all();
    // The spelling data holds article words, so the article parse corrects.
    ParsedQuery parsed;
    parsed.articles =
        parse_checked(article_parser_, text, QUERY_PARSER_FLAGS | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    note_stopped();
    parsed.statements = parse_checked(statement_parser_, text, QUERY_PARSER_FLAGS);
    return combine(parsed);
}

void SaywhoQueryParser::note_stopped() {
    // Xapian lists a word once for each time it was stopped, and twice when
    // it parsed again (a stopped word beside a '-' word alone).
    for (auto it = article_parser_.stoplist_begin(); it != article_parser_.stoplist_end(); ++it)
        if (std::find(stopped_.begin(), stopped_.end(), *it) == stopped_.end()) stopped_.push_back(*it);
}

ParsedQuery SaywhoQueryParser::parse_each(const std::string& text) {
    stopped_.clear();
    if (trim(text).empty()) return {match_all(), match_all()};
    ParsedQuery parsed;
    parsed.articles = parse_checked(article_parser_, text, QUERY_PARSER_FLAGS);
    note_stopped();
    if (parsed.articles.empty()) throw QueryError("nothing to search for in '" + text + "': no words or fields");
    parsed.statements = parse_checked(statement_parser_, text, QUERY_PARSER_FLAGS);
    return parsed;
}

Xapian::Query SaywhoQueryParser::parse(const std::string& text) {
    stopped_.clear();
    if (trim(text).empty()) return match_all();
    return combine(parse_each(text));
}

}  // namespace saywho
