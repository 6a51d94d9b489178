/** @file database_cache.cc
 *  @brief The service's databases: one per thread, reopened when the indexer commits.
 */
#include "searcher/database_cache.h"

#include <map>

namespace saywho {

DatabaseCache::DatabaseCache(std::vector<std::string> databases) : databases_(std::move(databases)) {
    for (const auto& d : databases_) key_ += d + '\n';
}

Xapian::Database& DatabaseCache::get(bool fresh) {
    // Xapian::Database is not thread-safe: each worker thread has its own.
    thread_local std::map<std::string, Xapian::Database> open;
    auto it = open.find(key_);
    if (it != open.end() && fresh) {
        open.erase(it);
        it = open.end();
    }
    if (it == open.end())
        it = open.emplace(key_, open_for_searching(databases_)).first;
    else
        it->second.reopen();  // cheap when nothing changed
    return it->second;
}

}  // namespace saywho
