/** @file memoized_stem.cc
 *  @brief The English stemmer, remembering its answers per thread.
 */
#include "common/memoized_stem.h"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace saywho {

namespace {

/// Bounded: news has a long tail of words seen once (numbers, names,
/// typos), so a full memory starts afresh rather than grow without end.
constexpr std::size_t MAX_WORDS = std::size_t{1} << 16;

class MemoizedStem : public Xapian::StemImplementation {
  public:
    std::string operator()(const std::string& word) override {
        // Per thread, not per stemmer: a search makes a stemmer for each
        // query, and the words of the last query's snippets come again.
        thread_local std::unordered_map<std::string, std::string> stems;
        thread_local Xapian::Stem english("english");
        auto found = stems.find(word);
        if (found != stems.end()) return found->second;
        if (stems.size() >= MAX_WORDS) stems.clear();
        return stems.emplace(word, english(word)).first->second;
    }
    std::string get_description() const override { return "MemoizedStem(english)"; }
};

}  // namespace

Xapian::Stem memoized_english_stem() {
    // Xapian::Stem takes ownership of the implementation.
    return Xapian::Stem(new MemoizedStem);
}

}  // namespace saywho
