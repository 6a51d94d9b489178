/** @file fuzz_request.cc
 *  @brief Fuzz target: the JSON request parser of --serve (and the error JSON it answers with).
 */
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <rapidjson/document.h>

#include "common/errors.h"
#include "searcher/service.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string line(reinterpret_cast<const char*>(data), size);
    try {
        saywho::SearchRequest request = saywho::parse_request_line(line);
        (void)saywho::request_filters(request);
    } catch (const saywho::QueryError&) {
        // A filter value its field refuses (an unknown country): a bad_query answer.
    } catch (const saywho::RequestError& e) {
        const std::string json = saywho::error_json(e.code(), e.what());
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str());
        if (doc.HasParseError()) std::abort();  // error answers must be valid JSON
    }
    return 0;
}
