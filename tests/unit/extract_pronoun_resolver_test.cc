/** @file extract_pronoun_resolver_test.cc
 *  @brief Extraction stage 6: the learned pronoun resolver's candidates, features and weights table.
 */
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/errors.h"
#include "extract/extract.h"
#include "extract_model.h"

namespace saywho::extraction {
namespace {

/// The he of @p f's sentence that holds @p cue, resolved.
std::string resolve_he(const ModelFixture& f, Entities& state, Coreference& coref, const std::string& cue,
                       std::size_t from = 0) {
    SpeakerPhrase he;
    he.kind = SpeakerKind::PRONOUN;
    he.pronoun = "he";
    he.first = he.last = f.token("he", from);
    const std::size_t e = coref.resolve(he, f.token(cue, from));
    return e == NONE ? "" : state.entities[e].name;
}

TEST(ExtractPronounResolver, APronounGoesToTheRecentSubjectOverAnOlderOne) {
    ModelFixture f(
        "Tomas Lind opened the meeting. Officials waited. Nobody spoke. Marco Rossi arrived late. "
        "He said the talks had failed.");
    Entities state;
    Coreference coref(*f.model, state);
    coref.register_mentions();
    EXPECT_EQ(resolve_he(f, state, coref, "said"), "Marco Rossi");
}

TEST(ExtractPronounResolver, GenderThatDisagreesRulesACandidateOut) {
    ModelFixture f("Ilse Brandt met Tomas Lind on Monday. Brandt arrived first. He said the deal was close.");
    Entities state;
    Coreference coref(*f.model, state);
    coref.register_mentions();
    state.entities[coref.entity_for_name({"Ilse", "Brandt"}, "", false)].gender = Gender::FEMALE;
    EXPECT_EQ(resolve_he(f, state, coref, "said"), "Tomas Lind");
}

TEST(ExtractPronounResolver, TheTraceListsTheCandidatesWithTheirFeatures) {
    Article a;
    a.id = "t";
    a.date = *CivilDate::make(2025, 3, 19);
    a.body = "Tomas Lind met Marco Rossi. He said the talks had failed.";
    ExtractOptions options;
    std::vector<PronounTrace> traces;
    options.pronoun_trace = [&](const PronounTrace& t) { traces.push_back(t); };
    extract_statements(a, options);
    ASSERT_EQ(traces.size(), 1u);
    EXPECT_EQ(traces[0].pronoun, "he");
    EXPECT_EQ(a.body.substr(traces[0].start, traces[0].end - traces[0].start), "He");
    ASSERT_EQ(traces[0].candidates.size(), 2u);
    EXPECT_EQ(traces[0].candidates[0].entity, "Marco Rossi") << "latest mentioned first";
    EXPECT_NE(
        std::find(traces[0].candidates[1].features.begin(), traces[0].candidates[1].features.end(), "subject_at_1"),
        traces[0].candidates[1].features.end());
    ASSERT_LT(traces[0].chosen, traces[0].candidates.size());
}

/// The candidates (latest first) and their features of the one he/she of @p body.
PronounTrace trace_of(const std::string& body) {
    Article a;
    a.id = "t";
    a.date = *CivilDate::make(2025, 3, 19);
    a.body = body;
    ExtractOptions options;
    std::vector<PronounTrace> traces;
    options.pronoun_trace = [&](const PronounTrace& t) { traces.push_back(t); };
    extract_statements(a, options);
    EXPECT_EQ(traces.size(), 1u);
    return traces.empty() ? PronounTrace{} : traces[0];
}

bool has_feature(const PronounCandidateTrace& c, const std::string& name) {
    return std::find(c.features.begin(), c.features.end(), name) != c.features.end();
}

TEST(ExtractPronounResolver, FarBackOnlyASalientPersonIsACandidate) {
    // Lind, mentioned twice, is a candidate seven sentences on; Weber,
    // mentioned once, without a title, after the first sentence, is not.
    const PronounTrace t = trace_of(
        "Officials met on Monday. Karl Weber watched. Tomas Lind opened the meeting. Lind spoke first. "
        "Nobody answered. The room was cold. Coffee ran out. The lights dimmed. Rain fell. The doors closed. "
        "Marco Rossi arrived late. He said the talks had failed.");
    std::vector<std::string> names;
    for (const auto& c : t.candidates) names.push_back(c.entity);
    EXPECT_EQ(names, (std::vector<std::string>{"Marco Rossi", "Tomas Lind"}));
    ASSERT_EQ(t.candidates.size(), 2u);
    EXPECT_TRUE(has_feature(t.candidates[0], "dist_1"));
    EXPECT_TRUE(has_feature(t.candidates[1], "dist_8_plus"));
    EXPECT_TRUE(has_feature(t.candidates[1], "article_most"));
    EXPECT_FALSE(has_feature(t.candidates[0], "article_most"));
}

TEST(ExtractPronounResolver, WithNoOneNearTheLatestPersonStaysACandidate) {
    const PronounTrace t = trace_of(
        "Officials met on Monday. Karl Weber watched. Nobody answered. The room was cold. Coffee ran out. "
        "The lights dimmed. Rain fell. The doors closed. He said the talks had failed.");
    ASSERT_EQ(t.candidates.size(), 1u);
    EXPECT_EQ(t.candidates[0].entity, "Karl Weber");
    EXPECT_TRUE(has_feature(t.candidates[0], "dist_4_7"));
}

TEST(ExtractPronounResolver, AnOpeningPronounAndAMentionInsideAClauseAreFeatures) {
    // Brandt, the previous sentence's subject, for an opening "He"; Rossi
    // was last named inside a relative clause.
    const PronounTrace t = trace_of(
        "Marco Rossi chaired the port board. Rossi left in May. Karl Brandt met the members who had backed "
        "Rossi. He said the vote would wait.");
    ASSERT_EQ(t.candidates.size(), 2u);
    EXPECT_EQ(t.candidates[0].entity, "Marco Rossi");
    EXPECT_TRUE(has_feature(t.candidates[0], "latest_embedded"));
    EXPECT_FALSE(has_feature(t.candidates[0], "opening_previous_subject"));
    EXPECT_EQ(t.candidates[1].entity, "Karl Brandt");
    EXPECT_TRUE(has_feature(t.candidates[1], "opening_previous_subject"));
    EXPECT_FALSE(has_feature(t.candidates[1], "latest_embedded"));
    ASSERT_LT(t.chosen, t.candidates.size());
    EXPECT_EQ(t.candidates[t.chosen].entity, "Karl Brandt");
    // A sentence that opens with the same pronoun: "He ..., he said".
    const PronounTrace same = trace_of("Karl Brandt met the members. He thought the vote could wait, he told them.");
    ASSERT_EQ(same.candidates.size(), 1u);
    EXPECT_TRUE(has_feature(same.candidates[0], "opening_previous_subject"));
    // Not opening its sentence: no such feature.
    const PronounTrace late = trace_of("Karl Brandt met the members. On Monday he said the vote would wait.");
    ASSERT_EQ(late.candidates.size(), 1u);
    EXPECT_FALSE(has_feature(late.candidates[0], "opening_previous_subject"));
}

TEST(ExtractPronounResolver, TheEmbeddedWeightsNameEveryFeature) {
    // Throws, naming the feature, if the table and ResolverFeature drifted apart.
    const ResolverWeights& weights = resolver_weights();
    EXPECT_EQ(weights.size(), static_cast<std::size_t>(ResolverFeature::COUNT));
}

TEST(ExtractPronounResolver, AWeightsTableWithAnUnknownOrMissingFeatureIsRejected) {
    std::string table = "# comment\nfeature\tweight\n";
    for (unsigned k = 0; k < static_cast<unsigned>(ResolverFeature::COUNT); ++k)
        table += std::string(resolver_feature_name(static_cast<ResolverFeature>(k))) + "\t0.5\n";
    EXPECT_EQ(parse_resolver_weights(table)[0], 0.5);
    try {
        parse_resolver_weights(table + "shoe_size\t1\n");
        FAIL() << "an unknown feature was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("shoe_size"), std::string::npos) << e.what();
    }
    const std::string without_first = "feature\tweight\n" + table.substr(table.find("\t0.5\n") + 5);
    try {
        parse_resolver_weights(without_first);
        FAIL() << "a missing feature was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(std::string(resolver_feature_name(ResolverFeature::DIST_0))),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(parse_resolver_weights("feature\tweight\ndist_0\tmany\n"), Error);
}

}  // namespace
}  // namespace saywho::extraction
