/** @file sentences.cc
 *  @brief Extraction stage 3: sentences that keep a quotation whole and let `?"` run on into "she said".
 */
#include "extract/text_model.h"

namespace saywho::extraction {

namespace {

using namespace std::string_view_literals;

/// Whether the tokens from @p i read "Name said" (up to four capitalised
/// words, then a common speech verb, speech_verbs.tsv's "follows"): the
/// start of an attribution.
bool attribution_follows(const std::vector<Token>& tokens, std::size_t i) {
    std::size_t k = i;
    while (k < tokens.size() && k < i + 4 &&
           ((tokens[k].kind == TokenKind::WORD && tokens[k].cap) ||
            (tokens[k].kind == TokenKind::PUNCT && tokens[k].lower == "."sv && k > i)))
        ++k;
    if (k == i || k >= tokens.size() || tokens[k].kind != TokenKind::WORD) return false;
    return Lexicon::instance().speech_cue(tokens[k].lower).has(SpeechCue::FOLLOWS_QUOTE);
}

}  // namespace

std::vector<Sentence> split_sentences(std::vector<Token>& tokens) {
    std::vector<Sentence> sentences;
    if (tokens.empty()) return sentences;
    std::size_t start = 0;
    auto finish = [&](std::size_t last) {
        for (std::size_t k = start; k <= last; ++k) tokens[k].sentence = sentences.size();
        sentences.push_back({start, last});
        start = last + 1;
    };
    int parentheses = 0;  // "(D-N.Y.)": no sentence ends inside parentheses
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const Token& next = tokens[i + 1];
        if (t.kind == TokenKind::PUNCT && t.lower == "("sv) ++parentheses;
        if (t.kind == TokenKind::PUNCT && t.lower == ")"sv && parentheses > 0) --parentheses;
        if (next.paragraph != t.paragraph) {
            parentheses = 0;
            // Paragraph ends close sentences, except inside a running quotation.
            if (!(t.quote != NONE && next.quote == t.quote) &&
                !(next.kind == TokenKind::QUOTE && next.quote == NONE && i + 2 < tokens.size() &&
                  tokens[i + 2].quote != NONE && t.quote != NONE && tokens[i + 2].quote == t.quote))
                finish(i);
            continue;
        }
        bool next_starts = (next.kind == TokenKind::WORD && next.cap) ||
                           (next.kind == TokenKind::QUOTE && next.opening) ||
                           (next.kind == TokenKind::PUNCT && next.lower == "("sv && i + 2 < tokens.size() &&
                            tokens[i + 2].kind == TokenKind::WORD && tokens[i + 2].cap);
        if (!next_starts || parentheses > 0) continue;
        if (t.kind == TokenKind::PUNCT && t.quote == NONE &&
            (t.lower == "."sv || t.lower == "?"sv || t.lower == "!"sv)) {
            if (i > 0 && tokens[i - 1].kind == TokenKind::WORD && t.lower == "."sv) {
                const Token& w = tokens[i - 1];
                if (is_abbreviation(w.lower)) continue;
                if (w.end - w.start == 1 && w.cap) continue;  // an initial: "John F. Kennedy"
            }
            finish(i);
        } else if (t.kind == TokenKind::QUOTE && !t.opening && i > 0 && tokens[i - 1].kind == TokenKind::PUNCT &&
                   (tokens[i - 1].lower == "."sv || tokens[i - 1].lower == "?"sv || tokens[i - 1].lower == "!"sv)) {
            // "\"Who do they think they are?\" Trump said of Apple": a question
            // or exclamation closing a quotation runs on into its attribution.
            if (tokens[i - 1].lower != "."sv && attribution_follows(tokens, i + 1)) continue;
            finish(i);
        }
    }
    finish(tokens.size() - 1);
    return sentences;
}

}  // namespace saywho::extraction
