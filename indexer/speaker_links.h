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
 *  out every short name of the database again at the end of each run (a
 *  statement keeps its article's own name, in XSHORT: and in its record,
 *  so a link can be redone or undone). Adding a second James Baker or
 *  removing the only article that named Ronald Reagan in full changes the
 *  links on the next run.
 */
#ifndef SAYWHO_INDEXER_SPEAKER_LINKS_H
#define SAYWHO_INDEXER_SPEAKER_LINKS_H

#include <cstddef>
#include <string>

#include <xapian.h>

#include "common/statement.h"

namespace saywho {

/// fold_key() of @p st's speaker when it is a short name that the link pass
/// may give a fuller one: one word for a person, 2 to 6 capital letters for
/// an organisation; else "".
std::string short_speaker_key(const Statement& st);

struct LinkCounts {
    std::size_t short_names = 0;  ///< distinct short names in the database
    std::size_t changed = 0;      ///< statements given another name by this pass
};

/// Links every short-named statement of @p db to the fuller name the archive
/// knows for it, or back to its article's own name when none fits any more,
/// and updates the speaker lists of their articles. Does not commit.
/// Throws RecordError when a record is malformed.
LinkCounts link_speakers(Xapian::WritableDatabase& db);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_SPEAKER_LINKS_H
