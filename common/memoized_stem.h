/** @file memoized_stem.h
 *  @brief The English stemmer, remembering its answers, for indexing and
 *         for snippets.
 *
 *  Snowball stemming is a good part of building a document and of making a
 *  result's snippet, and words repeat: within an article, across articles,
 *  in every statement (whose words are all words of its article), and from
 *  one snippet and one query to the next.
 */
#ifndef SAYWHO_COMMON_MEMOIZED_STEM_H
#define SAYWHO_COMMON_MEMOIZED_STEM_H

#include <xapian.h>

namespace saywho {

/// An English Xapian::Stem whose answers are remembered per thread, so
/// every stemmer a thread makes shares what the earlier ones learnt. The
/// Stem itself is used by one thread at a time, like any Xapian object.
Xapian::Stem memoized_english_stem();

}  // namespace saywho

#endif  // SAYWHO_COMMON_MEMOIZED_STEM_H
