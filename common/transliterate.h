/** @file transliterate.h
 *  @brief ICU transliterators kept per thread, built once each.
 */
#ifndef SAYWHO_COMMON_TRANSLITERATE_H
#define SAYWHO_COMMON_TRANSLITERATE_H

#include <unicode/translit.h>

namespace saywho {

/// This thread's transliterator for the ICU transform @p id ("Any-Latin;
/// Latin-ASCII"). A Transliterator is expensive to build and not safe to
/// share between threads, so each thread builds one per id on first use and
/// keeps it. @p id must be a string literal (it is the cache key by address
/// and by value). Throws Error when ICU cannot build it.
icu::Transliterator& thread_transliterator(const char* id);

}  // namespace saywho

#endif  // SAYWHO_COMMON_TRANSLITERATE_H
