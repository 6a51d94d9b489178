/** @file stopwords.cc
 *  @brief The English function words of common/data/stopwords.tsv, as a
 *         Xapian::SimpleStopper.
 */
#include "searcher/stopwords.h"

#include <algorithm>
#include <array>

#include "common/errors.h"

// Defined by the generated embedded_data.cc (common/CMakeLists.txt).
extern "C" {
extern const char saywho_stopwords_tsv_begin[], saywho_stopwords_tsv_end[];
}

namespace saywho {

namespace {

/// The kinds the table's second column may name: what sort of function word
/// each is, so that a reader of the table sees why it is there.
constexpr std::array<std::string_view, 9> KINDS = {"article",     "determiner",  "pronoun",   "indefinite_pronoun",
                                                   "preposition", "conjunction", "auxiliary", "question_word",
                                                   "adverb"};

[[noreturn]] void fail(std::size_t line, const std::string& what) {
    throw Error("embedded stopwords.tsv:" + std::to_string(line) + ": " + what + " (a build defect)");
}

/// The words of the embedded table, checked: lower-case ASCII letters, each
/// once, each of a known kind. The parser compares lower-cased words, so a
/// word with a capital would never match.
std::vector<std::string> read_table() {
    const std::string_view data(saywho_stopwords_tsv_begin,
                                static_cast<std::size_t>(saywho_stopwords_tsv_end - saywho_stopwords_tsv_begin));
    std::vector<std::string> words;
    bool header = true;
    for (std::size_t pos = 0, line = 1; pos < data.size(); ++line) {
        const std::size_t eol = std::min(data.find('\n', pos), data.size());
        const std::string_view row = data.substr(pos, eol - pos);
        pos = eol + 1;
        if (row.empty() || row[0] == '#') continue;
        const std::size_t tab = row.find('\t');
        if (tab == std::string_view::npos || row.find('\t', tab + 1) != std::string_view::npos)
            fail(line, "has not two columns");
        if (header) {
            header = false;
            continue;
        }
        const std::string_view word = row.substr(0, tab), kind = row.substr(tab + 1);
        if (word.empty() || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            fail(line, "has a word that is not lower-case ASCII letters");
        if (std::find(KINDS.begin(), KINDS.end(), kind) == KINDS.end()) fail(line, "has an unknown kind");
        if (std::find(words.begin(), words.end(), word) != words.end()) fail(line, "lists a word twice");
        words.emplace_back(word);
    }
    if (words.empty()) fail(1, "lists no word");
    return words;
}

}  // namespace

const std::vector<std::string>& stopword_list() {
    static const std::vector<std::string> words = read_table();
    return words;
}

const Xapian::Stopper& query_stopper() {
    static const Xapian::SimpleStopper stopper(stopword_list().begin(), stopword_list().end());
    return stopper;
}

bool is_stopword(std::string_view word) { return query_stopper()(std::string(word)); }

}  // namespace saywho
