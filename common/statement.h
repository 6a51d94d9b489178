/** @file statement.h
 *  @brief One statement extracted from an article: who said what, where and when.
 */
#ifndef SAYWHO_COMMON_STATEMENT_H
#define SAYWHO_COMMON_STATEMENT_H

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/civil_date.h"

namespace saywho {

struct Statement {
    /// Canonical speaker: a person's full name from their first full mention
    /// ("Donald Trump"), an organisation ("Kremlin"), or the words used when
    /// nothing better is known ("officials"); empty when no speaker was found.
    std::string speaker;
    std::string role;  ///< title from the text ("President"); may be empty
    /// "person" and "organization" (named in the article), "anonymous" (a
    /// source named by its words: "analysts", "a Xerox spokesman") or
    /// "unresolved" ("he", "the company" with no name in the article:
    /// speaker is then empty).
    std::string speaker_kind;
    std::string speaker_mention;  ///< the words at the cue: "he", "IBM", "the company"
    /// The name at the cue when it is another form of the speaker's name
    /// ("IBM" for "International Business Machines Corp"): indexed as a
    /// speaker key, so `speaker:IBM` finds it; not stored in the record
    /// (speaker_mention holds the words).
    std::string speaker_alias;
    /// The speaker as the article names them, when the archive knows them
    /// by a fuller name and speaker holds that ("Reagan" where speaker is
    /// "Ronald Reagan": indexer/speaker_links.h); empty otherwise.
    std::string speaker_in_article;
    std::string text;               ///< the statement's words, without enclosing quote marks
    std::size_t start = 0;          ///< UTF-8 byte offset of text in the article file
    std::size_t end = 0;            ///< one past its last byte
    bool direct = false;            ///< the whole text was inside quote marks
    std::string quote;              ///< "direct", "mixed" (reported speech holding a quote) or "none"
    std::string cue;                ///< the words that attribute it: "said", "according to", "told reporters"
    std::string location;           ///< canonical place name ("Kyiv"), empty when unknown
    std::string country;            ///< ISO code of the location's country ("UA")
    std::uint32_t location_id = 0;  ///< GeoNames id of the place, 0 when unknown
    std::string location_basis;     ///< "explicit", "inferred", "dateline" or "" (none)
    CivilDate date;                 ///< the day it was said
    std::string
        date_basis;  ///< "article" (the article's date), "text" (a day the text gives) or "inferred" (the day of the speaker's words just before)
};

/// Whether @p st names its speaker: a person or an organisation, which the
/// speaker facet counts (anonymous sources and unresolved ones it does not).
inline bool is_named_speaker(const Statement& st) {
    return !st.speaker.empty() && (st.speaker_kind == "person" || st.speaker_kind == "organization");
}

}  // namespace saywho

#endif  // SAYWHO_COMMON_STATEMENT_H
