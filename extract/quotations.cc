/** @file quotations.cc
 *  @brief Extraction stage 2: quote marks paired into quotations, across paragraphs in news style.
 */
#include "extract/text_model.h"

namespace saywho::extraction {

namespace {

/// Decides whether a double quote mark opens or closes, from its neighbours.
bool looks_opening(const std::string& body, const Token& t, bool in_quote) {
    std::size_t len;
    char32_t cp = decode(body, t.start, len);
    bool space_before = t.start == 0;
    if (!space_before) {
        std::size_t k = t.start - 1;
        while (k > 0 && (static_cast<unsigned char>(body[k]) & 0xC0) == 0x80) --k;
        std::size_t l;
        char32_t prev = decode(body, k, l);
        space_before = is_space(prev) || prev == U'(' || prev == U'[' || prev == U'\u2014' || prev == U'\u2013' ||
                       prev == U'-' || prev == U':' || prev == U'/';
    }
    bool space_after = t.end >= body.size();
    if (!space_after) {
        std::size_t l;
        char32_t next = decode(body, t.end, l);
        space_after = is_space(next) || next == U',' || next == U'.' || next == U';' || next == U':' || next == U')' ||
                      next == U'?' || next == U'!' || next == U'\u2014';
    }
    if (cp == U'\'' || cp == U'`') cp = U'"';
    if (cp == U'\u201C' || cp == U'\u201E' || cp == U'\u00AB') return !(in_quote && !space_before && space_after);
    if (cp == U'\u201D' || cp == U'\u00BB') return !in_quote && space_before && !space_after;
    if (space_before && !space_after) return true;
    if (!space_before && space_after) return false;
    return !in_quote;
}

}  // namespace

std::vector<Quotation> find_quotations(const std::string& body, std::vector<Token>& tokens) {
    std::vector<Quotation> quotes;
    bool in_quote = false;
    Quotation current;
    auto close_at = [&](std::size_t last_inside, std::size_t close_token) {
        current.last_token = last_inside;
        current.close_token = close_token;
        if (current.first_token != NONE && current.first_token <= last_inside && last_inside != NONE) {
            for (std::size_t k = current.first_token; k <= last_inside; ++k) tokens[k].quote = quotes.size();
            quotes.push_back(current);
        }
        current = Quotation{};
        in_quote = false;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Token& t = tokens[i];
        bool paragraph_start = i == 0 || tokens[i - 1].paragraph != t.paragraph;
        if (paragraph_start && in_quote && i > 0) {
            // A quotation left open at a paragraph end continues only when the
            // new paragraph opens with a quote mark.
            if (t.kind == TokenKind::QUOTE && looks_opening(body, t, false)) {
                t.opening = true;
                continue;
            }
            close_at(i - 1, NONE);
        }
        if (t.kind != TokenKind::QUOTE) continue;
        bool opening = looks_opening(body, t, in_quote);
        t.opening = opening;
        if (opening) {
            if (in_quote) close_at(i - 1, NONE);  // unbalanced: a new quotation starts
            in_quote = true;
            current.open_token = i;
            current.first_token = i + 1;
        } else if (in_quote) {
            close_at(i == 0 ? NONE : i - 1, i);
        }
    }
    if (in_quote && !tokens.empty()) close_at(tokens.size() - 1, NONE);
    return quotes;
}

}  // namespace saywho::extraction
