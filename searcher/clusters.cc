/** @file clusters.cc
 *  @brief A statement's cluster as results show it.
 */
#include "searcher/clusters.h"

#include <set>

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
    // A cluster is a handful of statements: reading their values beats a match.
    const std::string term = schema::cluster_term(key);
    std::set<std::string> articles;
    std::size_t statements = 0;
    Xapian::docid first = 0;
    std::string first_order;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        ++statements;
        articles.insert(doc.get_value(schema::SLOT_ARTICLE));
        std::string order = doc.get_value(schema::SLOT_OLDEST_FIRST);
        if (first == 0 || order < first_order) {
            first = *it;
            first_order = std::move(order);
        }
    }
    if (statements == 0) return std::nullopt;
    ClusterInfo info;
    info.key = key;
    info.statements = statements;
    info.articles = articles.size();
    info.first.docid = first;
    const StatementRecord record = read_statement_record(db.get_document(first));
    info.first.id = record.id();
    info.first.date = record.statement.date.iso();
    info.first.article_id = record.article_id;
    info.first.article_date = record.article_date.iso();
    info.first.title = record.title;
    return info;
}

}  // namespace saywho
