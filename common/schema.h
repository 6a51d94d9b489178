/** @file schema.h
 *  @brief The one place that declares every term prefix, value slot, document
 *         data field and metadata key of a saywho database.
 *
 *  Documents
 *  ---------
 *  A saywho database holds documents of two types, told apart by the type
 *  term (XTYPE:article, XTYPE:statement). Schema version 1 has articles only;
 *  statements arrive with the extraction work and will bump the version.
 *
 *  An article document has:
 *   - terms: its unique id term (Q), its title words twice (S-prefixed and
 *     unprefixed, so a bare word matches titles too), its body words
 *     (unprefixed, positional; a gap of 100 positions separates title and body
 *     so a phrase never spans them), the date terms D/M/Y, the type term, and
 *     its source (G) when the input gave one;
 *   - values: SLOT_DATE (for date ranges and sorting) and SLOT_CONTENT_HASH
 *     (to skip unchanged articles on re-indexing);
 *   - data: a JSON object holding everything a result needs to print without
 *     opening the original file (see DocumentData below).
 *
 *  Metadata
 *  --------
 *  METADATA_SCHEMA_VERSION holds SCHEMA_VERSION as decimal text. A database
 *  with another version is refused with a message saying how to rebuild it.
 *
 *  Term length
 *  -----------
 *  Xapian refuses terms over 245 bytes; boolean terms built from user data go
 *  through bounded_term(), which replaces an over-long tail with its hash
 *  (as Omega's hashterm does).
 */
#ifndef SAYWHO_COMMON_SCHEMA_H
#define SAYWHO_COMMON_SCHEMA_H

#include <array>
#include <string>
#include <string_view>

#include <xapian.h>

#include "common/civil_date.h"

namespace saywho::schema {

/// Bump when terms, values or data change in a way old databases do not have.
inline constexpr int SCHEMA_VERSION = 1;

/// Metadata key holding SCHEMA_VERSION (decimal).
inline constexpr char METADATA_SCHEMA_VERSION[] = "saywho:schema-version";
/// Metadata key holding the space-separated features this database was built with.
inline constexpr char METADATA_FEATURES[] = "saywho:features";
inline constexpr char FEATURES[] = "articles";

// --- Term prefixes ----------------------------------------------------------
// Omega's letters where Omega has one (xapian-omega/docs/termprefixes.rst);
// X... prefixes are ours, with ':' after them because values may start with
// any character.

/// Unique id of the document: Q + article id (Omega's Q).
inline constexpr char PREFIX_ID[] = "Q";
/// Title words, free text (Omega's S).
inline constexpr char PREFIX_TITLE[] = "S";
/// Day of the article, D + YYYYMMDD (Omega's D).
inline constexpr char PREFIX_DAY[] = "D";
/// Month of the article, M + YYYYMM (Omega's M).
inline constexpr char PREFIX_MONTH[] = "M";
/// Year of the article, Y + YYYY (Omega's Y).
inline constexpr char PREFIX_YEAR[] = "Y";
/// Source or publisher, G + fold_key(source) (Omega's G, "newsgroup or similar").
inline constexpr char PREFIX_SOURCE[] = "G";
/// Document type: XTYPE:article or XTYPE:statement.
inline constexpr char PREFIX_TYPE[] = "XTYPE:";

/// How a field is searched.
enum class FieldKind {
    FREE_TEXT,  ///< words, stemmed, positional: QueryParser::add_prefix
    BOOLEAN,    ///< exact filter terms: QueryParser::add_boolean_prefix
    DATE,       ///< date: handled by the date range and field processors
};

/// One entry of the table that drives both indexing and query parsing.
struct FieldSpec {
    const char* query_name;  ///< what the user types before ':' ("title")
    const char* prefix;      ///< the term prefix
    FieldKind kind;
    bool folded;             ///< boolean values go through fold_key()
    const char* help;        ///< one line for --help and docs
};

/// Every field a user can name in a query. Nothing else may spell a prefix.
inline constexpr std::array<FieldSpec, 5> QUERY_FIELDS = {{
    {"title", PREFIX_TITLE, FieldKind::FREE_TEXT, false, "words in the title: title:ceasefire"},
    {"id", PREFIX_ID, FieldKind::BOOLEAN, false, "one article by its id: id:2025-03-19-helsinki"},
    {"type", PREFIX_TYPE, FieldKind::BOOLEAN, true, "article or statement: type:article"},
    {"source", PREFIX_SOURCE, FieldKind::BOOLEAN, true, "the source given in JSON Lines input: source:ap"},
    {"date", PREFIX_DAY, FieldKind::DATE, false,
     "a day, month or year, or a range: date:2025-03, date:2025-03-01..2025-03-31, date:2025-03-01.."},
}};

// --- Value slots: persisted, never renumber ---------------------------------
enum ValueSlot : Xapian::valueno {
    /// Article date as 8 ASCII digits YYYYMMDD: sorts as text, and the date
    /// range processor compares it as text.
    SLOT_DATE = 0,
    /// fnv1a64 of the article's id, date, title, body, url and source, as 16
    /// hex digits: re-indexing skips an article whose hash is unchanged.
    SLOT_CONTENT_HASH = 1,
};

// --- Document types ---------------------------------------------------------
inline constexpr char TYPE_ARTICLE[] = "article";
inline constexpr char TYPE_STATEMENT[] = "statement";

// --- Document data: a JSON object with these members ------------------------
inline constexpr char DATA_TYPE[] = "type";      ///< "article"
inline constexpr char DATA_ID[] = "id";          ///< article id
inline constexpr char DATA_DATE[] = "date";      ///< "YYYY-MM-DD"
inline constexpr char DATA_TITLE[] = "title";
inline constexpr char DATA_BODY[] = "body";      ///< full body text, for snippets
inline constexpr char DATA_PATH[] = "path";      ///< absolute path of the input file ("-" for stdin)
inline constexpr char DATA_LINE[] = "line";      ///< JSON Lines: 1-based line in path; text files: absent
inline constexpr char DATA_SOURCE[] = "source";  ///< JSON Lines "source", may be absent
inline constexpr char DATA_URL[] = "url";        ///< JSON Lines "url", may be absent

/// Gap of term positions left between title and body (Omega uses 100).
inline constexpr Xapian::termpos FIELD_POSITION_GAP = 100;

/// Longest term we create; Xapian's hard limit is 245 bytes.
inline constexpr std::size_t MAX_SAFE_TERM_LENGTH = 240;

/// @p prefix + @p value, with an over-long value cut and suffixed with the
/// hash of the whole value so distinct values stay distinct.
std::string bounded_term(std::string_view prefix, std::string_view value);

/// The unique id term of an article.
std::string article_id_term(std::string_view article_id);

std::string day_term(const CivilDate& date);    ///< "D20250319"
std::string month_term(const CivilDate& date);  ///< "M202503"
std::string year_term(const CivilDate& date);   ///< "Y2025"
std::string type_term(std::string_view type);   ///< "XTYPE:article"
std::string source_term(std::string_view source);

/// Finds a query field by name; nullptr when there is none.
const FieldSpec* find_query_field(std::string_view name);

}  // namespace saywho::schema

#endif  // SAYWHO_COMMON_SCHEMA_H
