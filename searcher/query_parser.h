/** @file query_parser.h
 *  @brief QueryParser set up from the schema table, with date range and field processors.
 */
#ifndef SAYWHO_SEARCHER_QUERY_PARSER_H
#define SAYWHO_SEARCHER_QUERY_PARSER_H

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace saywho {

/// How free words combine.
enum class MatchMode {
    ALL,  ///< every word must match (the default: a search box's expectation)
    ANY,  ///< any word may match, best first
};

/// The name of each match mode, as options and requests spell it.
struct MatchModeName {
    const char* name;
    MatchMode mode;
};
inline constexpr std::array<MatchModeName, 2> MATCH_MODES = {{{"all", MatchMode::ALL}, {"any", MatchMode::ANY}}};

/// The mode named @p name exactly; nullopt for any other name.
std::optional<MatchMode> parse_match_mode(std::string_view name);

/// The query fields for --help, one line each, generated from
/// schema::QUERY_FIELDS: "  <example>  <what it finds>\n".
std::string query_fields_help();

/// The flags saywho parses queries with, in one place: phrases, AND/OR/NOT,
/// +/-, wildcards ("ceasef*") and a query of only NOT terms. Spelling
/// correction is asked for separately (parse_with_spelling), only when a
/// query found nothing: it costs a lookup per word.
inline constexpr unsigned QUERY_PARSER_FLAGS = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                               Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                               Xapian::QueryParser::FLAG_PURE_NOT;

/// Parses user queries against one database. Not thread-safe (one per thread).
/// A query matching every document. Use this, never Xapian::Query::MatchAll:
/// that is one static object whose reference count is not atomic, so
/// copying it on several threads at once (the HTTP server's) corrupts it.
inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

/// A query parsed for each kind of document: articles index their words as
/// Omega does (unstemmed and positional, plus Z stems of lower-case words),
/// statements as positional Z stems only (common/schema.h says why), so one
/// text makes a different Xapian query for each.
struct ParsedQuery {
    Xapian::Query articles;    ///< for article documents
    Xapian::Query statements;  ///< for statement documents
};

class SaywhoQueryParser {
  public:
    /// @p db is used for wildcard expansion; it must outlive the parser.
    SaywhoQueryParser(const Xapian::Database& db, MatchMode mode);

    /// The Xapian query for @p text: parse_each()'s two queries, each
    /// filtered to its type of document and ORed, or just one of them when
    /// they are the same (a query of fields only). An empty or blank text
    /// matches every document. Throws QueryError with a message that quotes
    /// the bad part.
    Xapian::Query parse(const std::string& text);

    /// @p text parsed for articles and for statements, unfiltered.
    ParsedQuery parse_each(const std::string& text);

    /// parse() with spelling correction on, so that corrected() says what
    /// the database's spelling data would change.
    Xapian::Query parse_with_spelling(const std::string& text);

    const Xapian::Stem& stemmer() const { return stemmer_; }

    /// After a parse: the function words (searcher/stopwords.h) it left
    /// out of the query, each once, in query order, lower-case as the parser
    /// saw them. Empty when none was, also for a text of function words
    /// only, which is searched as it is ("the" finds "the").
    const std::vector<std::string>& stopped() const { return stopped_; }

    /// After parse(): the query with misspelt words replaced by the
    /// database's spelling suggestions, or empty when nothing was corrected
    /// (or the database holds no spelling data).
    std::string corrected() const { return article_parser_.get_corrected_query_string(); }

  private:
    /// parse_query() with @p flags; throws QueryError for Xapian's errors and
    /// for the first error a field processor noted.
    Xapian::Query parse_checked(Xapian::QueryParser& parser, const std::string& text, unsigned flags);

    /// One query from parse_each()'s two (see parse()).
    static Xapian::Query combine(const ParsedQuery& parsed);

    /// Adds the article parse's stopped words to stopped_.
    void note_stopped();

    Xapian::QueryParser article_parser_;
    Xapian::QueryParser statement_parser_;
    Xapian::Stem stemmer_;
    /// The first error of the current parse, noted by our field processors
    /// (which must not throw through Xapian's parser; see query_parser.cc).
    std::shared_ptr<std::string> error_;
    std::vector<std::string> stopped_;
};

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_QUERY_PARSER_H
