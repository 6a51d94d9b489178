/** @file fuzz_archive_reader.cc
 *  @brief Fuzz target: the archive reader, on text articles and JSON Lines.
 *
 *  The first byte picks the format (even: a text article; odd: JSON Lines
 *  read through read_input() as if from stdin); the rest is the file.
 *  Every article that comes out must be valid UTF-8 with a date.
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include <unicode/utf8.h>

#include "common/archive_reader.h"

namespace {

void check_article(const saywho::Article& article) {
    for (const std::string* field : {&article.id, &article.title, &article.body, &article.url, &article.source}) {
        const auto* s = reinterpret_cast<const std::uint8_t*>(field->data());
        const std::int32_t length = static_cast<std::int32_t>(field->size());
        for (std::int32_t i = 0; i < length;) {
            UChar32 c;
            U8_NEXT(s, i, length, c);
            if (c < 0) std::abort();  // the reader promised valid UTF-8
        }
    }
    if (article.id.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool jsonl = data[0] & 1;
    std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    saywho::ReaderOptions options;
    options.max_article_bytes = 1 << 16;
    if (!jsonl) {
        saywho::ParseResult result = saywho::parse_text_article("fuzz.txt", "fuzz", bytes, options);
        if (result.article) check_article(*result.article);
        return 0;
    }
    saywho::InputFile file;
    file.path = "-";
    file.format = saywho::InputFile::Format::JSONL;
    std::istringstream in(bytes);
    saywho::read_input(file, options, in, [](saywho::ParseResult&& result) {
        if (result.article) check_article(*result.article);
    });
    return 0;
}
