/** @file statement_clusters.h
 *  @brief Who said it first: statements with the same or nearly the same
 *         words, whichever articles reported them, share one cluster key.
 *
 *  Copies word for word already share their key from the start: the
 *  document builder gives every statement the key of its words
 *  (statement_signature.h). This pass, run at the end of every indexing
 *  run, joins near copies: text keys whose MinHash signatures agree in at
 *  least NEAR_COPY_CONTAINMENT of the shorter's shingles are one cluster
 *  (with the same figures, speakers that may be one, and days at most a
 *  week apart), and every statement in it takes the key of its fullest
 *  words (then of the words most of them have, then the smallest key), so
 *  the key does not depend on indexing order.
 *
 *  Staying right as articles come and go: the clusters are worked out again
 *  from every signature in the database at the end of each run, and only
 *  statements whose key changes are written. A new article joins the
 *  cluster its statements match; when an article is replaced or pruned,
 *  the statements it leaves behind fall back to the clusters their own
 *  signatures make, and those that only it joined part again.
 *
 *  The pass sees one database: near copies in different shards (built
 *  with --shard) keep their own keys, while copies word for word collapse
 *  across shards as they share their key.
 */
#ifndef SAYWHO_INDEXER_STATEMENT_CLUSTERS_H
#define SAYWHO_INDEXER_STATEMENT_CLUSTERS_H

#include <cstddef>

#include <xapian.h>

namespace saywho {

struct ClusterCounts {
    /// Clusters of two statements or more, among those with a signature
    /// (MIN_WORDS_ALONE words or more).
    std::size_t clusters = 0;
    /// Statements in those clusters beyond the first of each: the copies.
    std::size_t copies = 0;
    /// Statements this pass gave another key (near copies joined or parted).
    std::size_t changed = 0;
};

/// Gives every statement of @p db with a signature the key of its cluster,
/// as described above. Does not commit.
ClusterCounts cluster_statements(Xapian::WritableDatabase& db);

}  // namespace saywho

#endif  // SAYWHO_INDEXER_STATEMENT_CLUSTERS_H
