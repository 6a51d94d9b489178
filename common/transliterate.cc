/** @file transliterate.cc
 *  @brief ICU transliterators kept per thread, built once each.
 */
#include "common/transliterate.h"

#include <map>
#include <memory>
#include <string>

#include <unicode/unistr.h>

#include "common/errors.h"

namespace saywho {

icu::Transliterator& thread_transliterator(const char* id) {
    // Few ids are ever used (two today), so a small map per thread is enough.
    thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> built;
    std::unique_ptr<icu::Transliterator>& slot = built[id];
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        slot.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !slot) throw Error(std::string("ICU cannot build the transliterator '") + id + "'");
    }
    return *slot;
}

}  // namespace saywho
