/** @file place_inference.cc
 *  @brief Extraction, after stage 8: the days and places a statement's own
 *         words do not give, from the same speaker's words around it and
 *         from the dateline.
 */
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/text.h"
#include "extract/place_time.h"
#include "extract/text_model.h"

namespace saywho::extraction {

namespace {

/// Whether an organisation speaking is a country or its government, of
/// another country than the dateline's: "Iran said" or "the Japanese
/// Finance Ministry said" in a LONDON story spoke at home, not in London.
/// Companies are left alone: "Georgia Power" and "Cyprus Minerals Co" are
/// where their stories are.
bool speaks_from_abroad(const Lexicon& lex, const Statement& st, const Place& dateline) {
    if (st.speaker_kind != "organization" || st.speaker.empty()) return false;
    const std::string& name = st.speaker;
    const std::size_t first_end = std::min(name.find(' '), name.size());
    const std::size_t last_start = name.rfind(' ') == std::string::npos ? 0 : name.rfind(' ') + 1;
    const std::string_view first(name.data(), first_end);
    if (const Place* p = lex.best_place(name); p && p->kind == "country")
        return p->country_code != dateline.country_code;
    if (!has_class(ascii_lower(name.substr(last_start)), WordClass::GOVERNMENT_NOUN)) return false;
    std::optional<std::string> country = lex.demonym_country(first);
    if (!country)
        if (const Place* p = lex.best_place(first); p && p->kind == "country") country = p->country_code;
    return country && *country != dateline.country_code;
}

/// The statement whose explicit place statement @p i takes: the same
/// speaker's on the same day, the latest before it (a speaker's place
/// holds for their next words), else the first after it ("X said ...
/// X later told a news conference in Nairobi"); null when none.
const Pending* same_speaker_place(const std::vector<Pending>& pending, std::size_t i) {
    const Pending& p = pending[i];
    if (p.entity == NONE) return nullptr;
    auto same = [&](const Pending& other) {
        return other.explicit_place && other.entity == p.entity && other.st.date == p.st.date;
    };
    for (std::size_t k = i; k-- > 0;)
        if (same(pending[k])) return &pending[k];
    for (std::size_t k = i + 1; k < pending.size(); ++k)
        if (same(pending[k])) return &pending[k];
    return nullptr;
}

}  // namespace

void infer_days(const TextModel& model, std::vector<Pending>& pending) {
    // "Hollá said on Monday that ... . \"Slovakia did not choose this,\" she
    // said.": her next words, with no day of their own and nobody else
    // speaking between, were said that Monday too.
    constexpr std::size_t PARAGRAPHS_APART = 1;
    for (std::size_t i = 1; i < pending.size(); ++i) {
        Pending& p = pending[i];
        const Pending& before = pending[i - 1];
        // A day that is the article's own changes nothing.
        if (p.st.date_basis != "article" || before.st.date == model.article.date || p.entity == NONE ||
            p.entity != before.entity)
            continue;
        const std::size_t paragraph = model.tokens[model.sentences[p.sentence].first].paragraph;
        const std::size_t before_paragraph = model.tokens[model.sentences[before.sentence].first].paragraph;
        if (paragraph > before_paragraph + PARAGRAPHS_APART) continue;
        p.st.date = before.st.date;
        p.st.date_basis = "inferred";
    }
}

void infer_places(const TextModel& model, std::vector<Pending>& pending) {
    const Place* dateline = model.dateline;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        Pending& p = pending[i];
        if (p.explicit_place) continue;
        if (const Pending* source = same_speaker_place(pending, i)) {
            p.st.location = source->st.location;
            p.st.country = source->st.country;
            p.st.location_id = source->st.location_id;
            p.st.location_basis = "inferred";
            continue;
        }
        if (dateline && p.st.date == model.article.date && !speaks_from_abroad(model.lex, p.st, *dateline))
            set_place(p.st, *dateline, "dateline");
    }
}

}  // namespace saywho::extraction
