/** @file understand.h
 *  @brief Query understanding: natural phrases ("statements by Zelensky in
 *         Helsinki last week") read into filters checked against the database,
 *         plus the free text left for the query parser.
 */
#ifndef SAYWHO_SEARCHER_UNDERSTAND_H
#define SAYWHO_SEARCHER_UNDERSTAND_H

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/civil_date.h"
#include "searcher/filters.h"

namespace saywho {

/// What a query was read as.
struct Interpretation {
    std::string query;  ///< as given
    std::vector<Filter> filters;
    /// The words left over, for SaywhoQueryParser (field syntax, phrases and
    /// operators pass through untouched).
    std::string text;
    /// Whether the text names a type itself (type:article), or the caller's
    /// filters do: then no type filter is added by default.
    bool explicit_type = false;
    /// The function words (searcher/stopwords.h) left out of the search, in
    /// query order: those of a text of nothing else beside the filters
    /// ("statements by Baker on it"), dropped here, and those the query
    /// parser left out of the text, added by search().
    std::vector<std::string> stopwords;

    const Filter* find(Filter::Kind kind) const;
};

/// Reads queries against one database. Not thread-safe (one per thread);
/// @p db must outlive it.
class QueryUnderstanding {
  public:
    /// @p today anchors relative dates ("yesterday", "last week", "in March").
    QueryUnderstanding(const Xapian::Database& db, CivilDate today);

    /// @p type_given: the filters given beside the query (a service
    /// request's) include a type, so no type is added by default.
    Interpretation understand(const std::string& query, bool type_given = false) const;

    /// Speakers the database knows by @p name: full name, surname, any case
    /// or accents, spelling variants (Zelensky, Zelenskiy, Zelenskyy) and
    /// other scripts (Зеленський). Exposed for tests.
    struct SpeakerMatch {
        std::vector<std::string> keys;   ///< folded keys matched (XSPEAKER:/XPERSON: suffixes)
        std::vector<std::string> names;  ///< canonical display names, most statements first
        bool spoke = true;               ///< false: only mentioned in articles
    };
    std::optional<SpeakerMatch> match_speaker(const std::string& name) const;

  private:
    const Xapian::Database& db_;
    CivilDate today_;
};

/// The spelling skeleton used to match name variants: transliterated to
/// ASCII, folded, "iy"/"ij"/"yy"/"ii" and doubled letters reduced
/// ("Zelenskyy", "Zelenskiy", "Zelensky" → "zelensky"). Exposed for tests.
std::string name_skeleton(const std::string& name);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_UNDERSTAND_H
