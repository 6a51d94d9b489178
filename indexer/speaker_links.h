/** @file speaker_links.h
 *  @brief The same speaker across articles: a short name ("Reagan", "USDA")
 *         linked to the one fuller name the archive knows for it.
 *
 *  Extraction names a speaker by the fullest form its own article gives.
 *  An article that only says "President Reagan" or "the USDA said" names
 *  Ronald Reagan and the U.S. Agriculture Department too; this pass, run at
 *  the end of every indexing run, gives such statements the archive's name.
 *
 *  A short name is one word for a person or an acronym for an organisation
 *  (short_speaker_key()). It links to a fuller name only when exactly one
 *  fits and nothing contradicts it:
 *   - a person's surname to the one person of the archive with that
 *     surname whose title agrees ("Treasury Secretary Baker" is James
 *     Baker, if he is the only Baker called secretary); without a title,
 *     to the only person of that surname, and never when an organisation's
 *     name starts with it (Baker Hughes Inc);
 *   - an acronym to the one organisation that articles call by it
 *     ("U.S. Agriculture Department (USDA)").
 *
 *  Staying right as articles come and go: a link depends only on the
 *  statements whose speaker keys hold the short name, and the pass works
 *  out again, at the end of each run, every short name that the statements
 *  the run added or removed hold (SpeakerChanges; all of them after a new
 *  build or a compaction). A statement keeps its article's own name, in
 *  XSHORT: and in its record, so a link can be redone or undone. Adding a
 *  second James Baker or removing the only article that named Ronald Reagan
 *  in full changes the links on the next run.
 */
#ifndef SAYWHO_INDEXER_SPEAKER_LINKS_H
#define SAYWHO_INDEXER_SPEAKER_LINKS_H

#include <cstddef>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "common/statement.h"

namespace saywho {

/// fold_key() of @p st's speaker when it is a short name that the link pass
/// may give a fuller one: one word for a person, 2 to 6 capital letters for
/// an organisation; else "".
std::string short_speaker_key(const Statement& st);

struct LinkCounts {
    std::size_t short_names = 0;  ///< distinct short names worked out again
    std::size_t changed = 0;      ///< statements given another name by this pass
};

/// The speaker keys of the statements a run added and removed: a short
/// name's link depends only on the statements that hold its key (as a short
/// name, as a key of a fuller name, or as the first word of an
/// organisation's), so only the short names these touch need linking again.
class SpeakerChanges {
  public:
    /// Notes statement @p doc, added or about to be removed.
    void note(const Xapian::Document& doc);
    /// Whether the links of the short name of XSHORT: term @p short_term
    /// may have changed.
    bool touches(const std::string& short_term) const;

  private:
    std::unordered_set<std::string> short_terms_;    ///< XSHORT: terms
    std::unordered_set<std::string> speaker_terms_;  ///< XSPEAKER: terms
    std::unordered_set<std::string> first_words_;    ///< of the XSPEAKER: keys of more than one word
};

/// Links every short-named statement of @p db to the fuller name the archive
/// knows for it, or back to its article's own name when none fits any more,
/// and updates the speaker lists of their articles; with @p changes, only
/// the short names they touch (the others' links cannot have changed).
/// Does not commit. Throws RecordError when a record is malformed.
LinkCounts link_speakers(Xapian::WritableDatabase& db, const SpeakerChanges* changes = nullptr);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_SPEAKER_LINKS_H
