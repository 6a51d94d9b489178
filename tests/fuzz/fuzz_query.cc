/** @file fuzz_query.cc
 *  @brief Fuzz target: query understanding, parsing, search and JSON output.
 *
 *  Searches a small in-memory database (two articles written for this
 *  target, indexed with their statements) for the input as a query, the
 *  whole way saywho-search does, and checks the JSON it prints parses.
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include <rapidjson/document.h>
#include <xapian.h>

#include "common/article.h"
#include "common/errors.h"
#include "extract/extract.h"
#include "common/text.h"
#include "indexer/document_builder.h"
#include "searcher/printers.h"
#include "searcher/search.h"

namespace {

const Xapian::Database& database() {
    static Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase built(std::string(), Xapian::DB_BACKEND_INMEMORY);
        saywho::DocumentBuilder builder;
        const char* bodies[] = {
            "HELSINKI (Wire) - Finnish President Aino Kettunen said on Tuesday the talks were \"very much on "
            "track\". \"We will meet again in Tampere,\" she told a news conference in Helsinki.",
            "Trade minister Jonas Holmqvist warned that tariffs would hurt exporters, according to a statement. "
            "He added: \"Nobody wins a trade war.\" Kettunen did not comment."};
        int n = 0;
        for (const char* body : bodies) {
            saywho::Article a;
            a.id = "a" + std::to_string(++n);
            a.date = *saywho::CivilDate::parse_iso("2025-03-19");
            a.title = "Article " + a.id;
            a.body = body;
            const saywho::ArticleFacts facts = saywho::analyze_article(a);
            for (std::size_t i = 0; i < facts.statements.size(); ++i)
                built.add_document(builder.build_statement(a, facts.statements[i], i));
            built.add_document(builder.build_article(a, "hash", facts));
        }
        built.commit();
        return built;
    }();
    return db;
}

}  // namespace

// Builds the database (and loads the lexicon) before the first input, so
// their one-time cost does not count against libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    database();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return 0;  // the services refuse longer queries
    saywho::SearchOptions options;
    options.query.assign(reinterpret_cast<const char*>(data), size);
    options.today = *saywho::CivilDate::parse_iso("2025-03-20");
    options.facets = true;
    try {
        saywho::ResultSet results = saywho::search(database(), options);
        std::ostringstream out;
        saywho::print_json(out, results);
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseValidateEncodingFlag>(out.str().c_str());
        if (doc.HasParseError()) std::abort();
    } catch (const saywho::QueryError&) {
        // A clear message for a bad query is the right answer.
    }
    return 0;
}
