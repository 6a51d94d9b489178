/** @file extract.cc
 *  @brief Statement extraction: the driver that runs the stages over one article, in order.
 *
 *  The stages (extract/text_model.h), each in a file of its own:
 *   1. tokens.cc: words, punctuation and quote marks with byte offsets;
 *   2. quotations.cc: quote marks paired, across paragraphs in news style;
 *   3. sentences.cc: sentences that never split a quotation;
 *      place_time.cc finds the dateline here, before the mentions, because a
 *      dateline is not a sentence's subject;
 *   4. speaker_phrases.cc, speaker_before.cc: the phrase naming a speaker;
 *   5. cues.cc, content.cc, quote_cues.cc: attribution cues and the content
 *      each attributes;
 *   6. entities.cc: names, pronouns and nominals resolved to one entity;
 *   7. place_time.cc: the day and place of each statement;
 *   8. statements.cc: statements, then places inferred from the same
 *      speaker's explicit place that day, or the dateline.
 */
#include "extract/extract.h"

#include <algorithm>
#include <unordered_set>

#include "extract/place_time.h"
#include "extract/text_model.h"

namespace saywho {

namespace extraction {

void build_text(TextModel& model) {
    model.tokens = tokenize(model.body);
    if (model.tokens.empty()) return;
    mark_headline_companies(model.article.title, model.tokens);
    model.quotes = find_quotations(model.body, model.tokens);
    model.sentences = split_sentences(model.tokens);
    model.dateline = PlaceTime(model).dateline_place(model.dateline_end);
}

namespace {

/// Stages 1-8 over @p model: the statements in text order.
std::vector<Statement> run_stages(TextModel& model, Entities& entities) {
    std::vector<Statement> out;
    build_text(model);
    if (model.tokens.empty()) return out;
    Coreference(model, entities).register_mentions();
    std::vector<Pending> pending = find_statements(model, entities);
    infer_days(model, pending);
    infer_places(model, pending);
    out.reserve(pending.size());
    for (auto& p : pending) out.push_back(std::move(p.st));
    return out;
}

/// The persons seen and the places named: the dateline's, then each "in X",
/// "at X", "from X", each once.
void collect_mentions(const TextModel& model, const Entities& entities, ArticleFacts& facts) {
    std::unordered_set<std::string> seen;
    for (const Entity& e : entities.entities)
        if (e.person && seen.insert(e.name).second) facts.people.push_back(e.name);
    std::unordered_set<std::uint32_t> seen_places;
    auto add = [&](const Place* p) {
        if (p && seen_places.insert(p->geonameid).second)
            facts.places.push_back({p->name, p->country_code, p->geonameid});
    };
    add(model.dateline);
    const PlaceTime place_time(model);
    for (const Sentence& s : model.sentences)
        for (std::size_t i = s.first; i <= s.last; ++i)
            if (has_class(model.tokens[i].lower, WordClass::PLACE_PREPOSITION))
                add(place_time.place_near(i, std::min(i + 4, s.last), NONE, NONE));
}

}  // namespace

}  // namespace extraction

ArticleFacts analyze_article(const Article& article) {
    extraction::TextModel model(article, Lexicon::instance());
    extraction::Entities entities;
    ArticleFacts facts;
    facts.statements = extraction::run_stages(model, entities);
    extraction::collect_mentions(model, entities, facts);
    return facts;
}

std::vector<Statement> extract_statements(const Article& article) { return extract_statements(article, {}); }

std::vector<Statement> extract_statements(const Article& article, const ExtractOptions& options) {
    extraction::TextModel model(article, Lexicon::instance());
    extraction::Entities entities;
    if (options.pronoun_trace) entities.pronoun_trace = &options.pronoun_trace;
    extraction::ResolverWeights weights{};
    if (!options.resolver_weights.empty()) {
        weights = extraction::parse_resolver_weights(options.resolver_weights);
        entities.resolver_weights = &weights;
    }
    return extraction::run_stages(model, entities);
}

}  // namespace saywho
