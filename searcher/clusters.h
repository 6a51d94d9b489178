/** @file clusters.h
 *  @brief Who said it first: a statement's cluster (its copies in other
 *         articles, schema.h "Statement clusters") as results show it.
 */
#ifndef SAYWHO_SEARCHER_CLUSTERS_H
#define SAYWHO_SEARCHER_CLUSTERS_H

#include <cstddef>
#include <optional>
#include <string>

#include <xapian.h>

namespace saywho {

/// The first appearance of a statement's words: the earliest copy in
/// oldest-first order (the day it was said, then article id and position).
struct FirstAppearance {
    std::string id;          ///< the statement's id, "<article id>#<n>"
    std::string date;        ///< the day it was said, YYYY-MM-DD
    std::string article_id;  ///< its article
    std::string article_date;
    std::string title;  ///< its article's title
    /// Its document in the database described (ids differ between one
    /// database and shards: for this search only).
    Xapian::docid docid = 0;
};

/// A statement's cluster over the whole archive.
struct ClusterInfo {
    std::string key;             ///< SLOT_CLUSTER: what `--cluster` and `cluster:` take
    std::size_t statements = 1;  ///< copies in all, this one included
    std::size_t articles = 1;    ///< distinct articles they are in
    FirstAppearance first;       ///< the earliest of them
};

/// The cluster of key @p key: its size and first appearance. nullopt when
/// no statement has that key.
std::optional<ClusterInfo> describe_cluster(const Xapian::Database& db, const std::string& key);

/// An Enquire over the statements of cluster @p key that matches @p query,
/// oldest first (every copy of a collapsed result, or with a query that
/// matches all, the whole cluster).
Xapian::Enquire cluster_enquire(const Xapian::Database& db, const Xapian::Query& query, const std::string& key);

}  // namespace saywho

#endif  // SAYWHO_SEARCHER_CLUSTERS_H
