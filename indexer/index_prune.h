/** @file index_prune.h
 *  @brief Pruning at the end of an indexing run: articles whose input is
 *         gone are removed with their statements. Internal to the indexer library.
 */
#ifndef SAYWHO_INDEXER_INDEX_PRUNE_H
#define SAYWHO_INDEXER_INDEX_PRUNE_H

#include <cstddef>

#include <xapian.h>

#include "indexer/index_write.h"

namespace saywho {

/// Removes from @p db, each with its statements, the articles whose input
/// file is gone, and those of a JSON Lines file @p tally read in full whose
/// id it did not see (IndexOptions::prune), noting their statements in
/// tally.speaker_changes if it asks. Returns how many. Does not commit.
/// Throws RecordError when an article's record is malformed.
std::size_t prune_articles(Xapian::WritableDatabase& db, WriterTally& tally);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_INDEX_PRUNE_H
