/** @file speaker_page.h
 *  @brief The page of one speaker (issue 18): their names, kind, roles over
 *         time, statements by date, places, the words most their own
 *         (Xapian's ESet) and their latest statements.
 *
 *  A speaker is a canonical name, the name search results give a named
 *  speaker (SLOT_SPEAKER: a person or an organisation). Its key is that name
 *  through fold_key() ("james baker"), which is also its full-name
 *  XSPEAKER: term; so every display form folding to the key ("James Baker",
 *  "JAMES BAKER") is one speaker, and a statement belongs to the page when
 *  it has XSPEAKER:key and a SLOT_SPEAKER folding to key (the term alone
 *  also matches Susan James Baker, whose tails include "james baker").
 *  Anonymous sources ("analysts") have no page: they are no one speaker.
 *
 *  Everything is counted with Xapian's own match spies and ESet, so it is
 *  the same over one database, local shards and xapian-tcpsrv shards.
 *  Thread-safety: as the Xapian::Database given (one per thread).
 */
#ifndef SAYWHO_SEARCHER_SPEAKER_PAGE_H
#define SAYWHO_SEARCHER_SPEAKER_PAGE_H

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/civil_date.h"
#include "common/record_codec.h"
#include "searcher/timeline.h"

namespace saywho {

/// What a speaker page holds and how much of it is worked out.
struct SpeakerPageOptions {
    std::size_t latest = 10;  ///< latest statements listed
    std::size_t words = 20;   ///< distinctive words listed
    std::size_t places = 10;  ///< places listed (most statements first)
    /// The distinctive words are those of this many latest statements (the
    /// ESet's relevance set): more costs more and changes little.
    std::size_t word_sample = 1000;
    /// Roles and variants are read from the records of this many latest
    /// statements (all of them for nearly every speaker).
    std::size_t record_sample = 20000;
    std::optional<TimelineInterval> timeline_interval;  ///< nullopt: choose_interval()
};

/// A value and how many statements have it.
struct SpeakerCount {
    std::string value;
    Xapian::doccount count = 0;
};

/// A title the speaker was given, and when.
struct SpeakerRole {
    std::string role;  ///< as most of its statements spell it ("Treasury Secretary")
    CivilDate first;   ///< the first day a statement gave it
    CivilDate last;    ///< the last
    Xapian::doccount count = 0;
};

/// A word of the ESet: the stem Xapian weighed and the word it stands for.
struct DistinctiveWord {
    std::string stem;  ///< the stem, without its prefix ("currenc")
    std::string word;  ///< the form of it the statements use most ("currency")
    double weight = 0;
};

/// One speaker who fits a name, for a name that fits several.
struct SpeakerCandidate {
    std::string key;
    std::string name;  ///< the display form most of their statements give
    Xapian::doccount statements = 0;
};

struct SpeakerPage {
    std::string key;   ///< fold_key(name): the page's address (/speaker/KEY)
    std::string name;  ///< the display form most statements give
    std::string kind;  ///< "person" or "organization", as most statements say
    Xapian::doccount statements = 0;
    CivilDate first, last;  ///< the days of the first and last statement
    /// The names their statements call them by, most often first: the
    /// canonical forms, the article's own where the archive linked a
    /// shorter one (speaker_in_article), and the words at the cue when
    /// they are a name ("Baker", "IBM"), not "he" or "the company".
    std::vector<SpeakerCount> variants;
    std::vector<SpeakerRole> roles;  ///< by the first day seen, then by count
    Timeline timeline;
    std::vector<SpeakerCount> places;  ///< most statements first
    std::size_t distinct_places = 0;
    Xapian::doccount placed = 0;          ///< statements with a known place
    std::vector<DistinctiveWord> words;   ///< heaviest first
    std::size_t word_sample = 0;          ///< statements the words came from
    std::size_t record_sample = 0;        ///< statements roles and variants came from
    std::vector<StatementRecord> latest;  ///< newest first
};

/// What looking a speaker up found: a page, several speakers, or nothing.
struct SpeakerLookup {
    std::optional<SpeakerPage> page;
    /// When the name fits more than one speaker and none exactly: each,
    /// most statements first. page is then empty.
    std::vector<SpeakerCandidate> candidates;
    /// When neither: one line saying why ("no speaker named 'Smith'; ...").
    std::string why_nothing;
};

/// The page of the speaker whose key is @p key exactly (fold_key() is
/// applied, so a name spelt as the canonical one works too). Not found:
/// why_nothing is set. Throws RecordError for a malformed record.
SpeakerLookup speaker_page_by_key(const Xapian::Database& db, const std::string& key,
                                  const SpeakerPageOptions& options = {});

/// The page of the speaker @p name names, as a user types it ("Volcker",
/// "paul volcker", "Zelensky"): the speakers whose keys it matches (any
/// tail of the name, spelling variants: QueryUnderstanding::match_speaker).
/// One speaker whose key is the folded name exactly is chosen; otherwise
/// the only speaker that fits; otherwise the candidates are returned.
SpeakerLookup speaker_page_by_name(const Xapian::Database& db, const std::string& name,
                                   const SpeakerPageOptions& options = {});

/// "Mar–Oct 1987", "Mar 1987", "Dec 1986–Feb 1987": the months from
/// @p first to @p last, as the text page and the search page show a role.
std::string month_span(const CivilDate& first, const CivilDate& last);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_SPEAKER_PAGE_H
