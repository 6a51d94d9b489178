/** @file fuzz_extract.cc
 *  @brief Fuzz target: statement extraction on any article body.
 *
 *  The input (repaired to UTF-8, as the reader does) is the body of an
 *  article of 2025-03-19. Every statement must point inside the body, with
 *  its text at its offsets.
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "common/article.h"
#include "extract/extract.h"
#include "common/text.h"

// Loads the lexicon before the first input, so its one-time cost does not
// count against libFuzzer's per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    saywho::Article article;
    article.id = "warm-up";
    article.date = *saywho::CivilDate::parse_iso("2025-03-19");
    article.body = "\"Ready,\" she said.";
    saywho::analyze_article(article);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    saywho::Article article;
    article.id = "fuzz";
    article.date = *saywho::CivilDate::parse_iso("2025-03-19");
    article.title = "Fuzzed";
    article.body.assign(reinterpret_cast<const char*>(data), size);
    saywho::repair_utf8(article.body);
    const saywho::ArticleFacts facts = saywho::analyze_article(article);
    for (const auto& st : facts.statements) {
        if (st.start > st.end || st.end > article.body.size()) std::abort();
        if (st.text.empty()) std::abort();
    }
    return 0;
}
