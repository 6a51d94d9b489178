/** @file clusters.cc
 *  @brief A statement's cluster as results show it.
 */
#include "searcher/clusters.h"

#include "common/record_codec.h"
#include "common/schema.h"
#include "searcher/query_parser.h"

namespace saywho {

Xapian::Enquire cluster_enquire(const Xapian::Database& db, const Xapian::Query& query, const std::string& key) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::cluster_term(key))));
    // The stored order key, not document ids: shards and one database agree.
    enquire.set_sort_by_value(schema::SLOT_OLDEST_FIRST, false);
    return enquire;
}

std::optional<ClusterInfo> describe_cluster(const Xapian::Database& db, const std::string& key) {
    const Xapian::doccount statements = db.get_termfreq(schema::cluster_term(key));
    if (statements == 0) return std::nullopt;
    Xapian::Enquire enquire = cluster_enquire(db, match_all(), key);
    // One per article: the exact count of matches is then the articles'.
    enquire.set_collapse_key(schema::SLOT_ARTICLE);
    Xapian::MSet mset = enquire.get_mset(0, 1, statements);
    if (mset.empty()) return std::nullopt;
    ClusterInfo info;
    info.key = key;
    info.statements = statements;
    info.articles = mset.get_matches_estimated();
    const StatementRecord record = read_statement_record(mset.begin().get_document());
    info.first.id = record.id();
    info.first.date = record.statement.date.iso();
    info.first.article_id = record.article_id;
    info.first.article_date = record.article_date.iso();
    info.first.title = record.title;
    return info;
}

}  // namespace saywho
