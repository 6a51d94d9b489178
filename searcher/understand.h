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

namespace saywho {

/// One filter read from the query, with the words it came from so a user
/// (or a search page) can see it and undo it.
struct Filter {
    enum class Kind { SPEAKER, LOCATION, DATE, TYPE };
    Kind kind = Kind::TYPE;
    /// The words of the query this filter was read from ("by Zelensky"),
    /// and their byte offsets in the query; empty for a default (the type
    /// chosen because a speaker or place was understood).
    std::string source;
    std::size_t start = 0, end = 0;
    /// What it means, for display. SPEAKER: the canonical speakers (several
    /// when the name is ambiguous); LOCATION: the place's name; DATE: the
    /// first and last day (YYYY-MM-DD, empty for an open end); TYPE:
    /// "statement" or "article".
    std::vector<std::string> values;
    std::string country;  ///< LOCATION: ISO code of the place's country (uppercase)
    bool is_country = false;  ///< LOCATION: the place is a whole country
    /// SPEAKER: false when the name is known only as someone articles
    /// mention (no statement by them is indexed).
    bool spoke = true;
    /// A remark for the user: an ambiguous name, a speaker who never spoke.
    std::string note;
    Xapian::Query query;  ///< the filter itself, a boolean query
};

/// What a query was read as.
struct Interpretation {
    std::string query;  ///< as given
    std::vector<Filter> filters;
    /// The words left over, for SaywhoQueryParser (field syntax, phrases and
    /// operators pass through untouched).
    std::string text;
    /// Whether the text names a type itself (type:article): then no type
    /// filter is added by default.
    bool explicit_type = false;

    const Filter* find(Filter::Kind kind) const;
};

const char* filter_kind_name(Filter::Kind kind);

/// Reads queries against one database. Not thread-safe (one per thread);
/// @p db must outlive it.
class QueryUnderstanding {
  public:
    /// @p today anchors relative dates ("yesterday", "last week", "in March").
    QueryUnderstanding(const Xapian::Database& db, CivilDate today);

    Interpretation understand(const std::string& query) const;

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
