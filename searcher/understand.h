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
    ///
    /// A role is read where a speaker would be, from "the" and a title that
    /// statements give their speakers (an XROLE: key), before any speaker
    /// whose name ends in it: "the defence minister said", "what did the
    /// treasury secretary say", "statements by the president".
    ///
    /// A speaker is read from a cue ("by X", "from X", "quotes of X", "X
    /// said", "what did X say (anything) about", "what has X said", "X's
    /// remarks", "X statements", "X on <topic>" at the start; X may open
    /// with "the": "what did the Kremlin say"), or, with no cue, from a
    /// bare name ("Baker dollar", "Zelenskiy in Helsinki") when all of
    /// these hold:
    ///  - it names a person with statements (match_speaker(); organisation
    ///    names need a cue: "Treasury bonds" is no question to the Treasury);
    ///  - it is typed as a name: capitalised words in a row, taken whole
    ///    ("Baker Hughes" is not Baker), or a whole name of two or three
    ///    words in lower case that is a speaker key as typed ("james baker");
    ///  - it is not the object of a preposition or determiner ("about
    ///    Baker", "the Baker plan") nor a possessive ("Baker's plan");
    ///  - a single word is used by the articles as that name at least half
    ///    as often as at all ("Rice exports" is about rice);
    ///  - the query names no other speaker: no cue read one, no speaker:
    ///    field, and no second bare name ("Baker Volcker" keeps both as words);
    ///  - the query is more than the name: a name alone ("Bush") asks for
    ///    anything about them, so it stays a word.
    Interpretation understand(const std::string& query, bool type_given = false) const;

    /// Speakers the database knows by @p name: full name, surname, any case
    /// or accents, spelling variants (Zelensky, Zelenskiy, Zelenskyy) and
    /// other scripts (Зеленський). Exposed for tests.
    struct SpeakerMatch {
        std::vector<std::string> keys;   ///< folded keys matched (XSPEAKER:/XPERSON: suffixes)
        std::vector<std::string> names;  ///< canonical display names, most statements first
        bool spoke = true;               ///< false: only mentioned in articles
        /// The kind of speaker most of their statements have (person,
        /// organization, anonymous; SLOT_SPEAKER_KIND); "person" for someone
        /// only mentioned.
        std::string kind;
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
