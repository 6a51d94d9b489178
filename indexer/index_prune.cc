/** @file index_prune.cc
 *  @brief Pruning at the end of an indexing run: articles whose input is
 *         gone are removed with their statements.
 */
#include "indexer/index_prune.h"

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "common/record_codec.h"
#include "common/schema.h"

namespace fs = std::filesystem;

namespace saywho {

std::size_t prune_articles(Xapian::WritableDatabase& db, WriterTally& tally) {
    std::vector<std::string> doomed;
    const std::string type = schema::type_term(schema::TYPE_ARTICLE);
    for (auto it = db.postlist_begin(type); it != db.postlist_end(type); ++it) {
        const ArticleRecord article = read_article_record(db.get_document(*it));
        if (article.path == "<stdin>") continue;  // no file to check against
        std::error_code ec;
        bool gone = !fs::exists(article.path, ec) && !ec;
        if (!gone && tally.fully_read_jsonl.count(article.path) && !tally.seen_ids.count(article.id)) gone = true;
        if (gone) doomed.push_back(article.id);
    }
    for (const auto& id : doomed) {
        db.delete_document(schema::article_id_term(id));
        delete_statements(db, id, tally);
    }
    return doomed.size();
}

}  // namespace saywho
