/** @file extract_statements_test.cc
 *  @brief Extraction stage 8: find_statements() and infer_places() over whole hand-written articles.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract_model.h"

namespace saywho::extraction {
namespace {

std::vector<Pending> statements_of(const ModelFixture& f) {
    Entities entities;
    Coreference(*f.model, entities).register_mentions();
    auto pending = find_statements(*f.model, entities);
    infer_places(*f.model, pending);
    return pending;
}

TEST(ExtractStatements, SpeakerTextAndCue) {
    ModelFixture f("Mayor Ruth Okafor said the bridge would reopen in May.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].st.speaker, "Ruth Okafor");
    EXPECT_EQ(found[0].st.role, "Mayor");
    EXPECT_EQ(found[0].st.text, "the bridge would reopen in May.");
    EXPECT_EQ(found[0].st.quote, "none");
    EXPECT_EQ(found[0].st.cue, "said");
}

TEST(ExtractStatements, AParticiplesSpeakerIsTheSubjectOfItsClause) {
    // The subject, not the first person named: a pronoun, a name after an
    // opening phrase, an organisation; a dateline is nobody's clause.
    ModelFixture f(
        "OSLO, May 2 - Ruth Okafor met Tomas Lind on Monday. She praised Lind, saying the port would reopen. "
        "On Tuesday, the Harbour Board cut its forecast, saying trade had slowed. "
        "Harbour Mills Corp said it would expand, but said costs had risen.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].st.speaker, "Ruth Okafor") << found[0].st.text;
    EXPECT_EQ(found[0].st.speaker_mention, "She");
    EXPECT_EQ(found[1].st.speaker, "Harbour Board") << found[1].st.text;
    EXPECT_EQ(found[3].st.speaker, "Harbour Mills Corp") << found[3].st.text;
}

TEST(ExtractStatements, NoSubjectStartsWithAPrepositionADayOrAGerund) {
    ModelFixture f(
        "Ruth Okafor spoke first. In court papers, Lind's lawyer asked for a delay, calling the case weak. "
        "Friday, Norway's envoy met the board, saying talks would resume. "
        "I'm old enough to remember Okafor on television, declaring a war on waste.");
    auto found = statements_of(f);
    ASSERT_GE(found.size(), 3u);
    for (const Pending& p : found) {
        EXPECT_NE(p.st.speaker, "In court") << p.st.text;
        EXPECT_NE(p.st.speaker, "Friday") << p.st.text;
        EXPECT_NE(p.st.speaker, "I'm") << p.st.text;
    }
}

TEST(ExtractStatements, AParticipleAfterAnAttributionGoesOnWithItsSpeaker) {
    ModelFixture f("Ruth Okafor opened the fair. Stock traders will gain, she said, adding that exports were strong.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].st.speaker, "Ruth Okafor");
    EXPECT_EQ(found[1].st.speaker, "Ruth Okafor") << "not the sentence's subject: " << found[1].st.text;
}

TEST(ExtractStatements, AQuotationAloneContinuesTheLastSpeaker) {
    ModelFixture f("\"We are ready,\" Ruth Okafor said. \"The crews start on Monday.\"");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_TRUE(found[1].continuation);
    EXPECT_EQ(found[1].st.speaker, "Ruth Okafor");
    EXPECT_EQ(found[1].st.text, "The crews start on Monday.");
    EXPECT_TRUE(found[1].st.direct);
}

TEST(ExtractStatements, ATranscriptLineIsOneStatement) {
    ModelFixture f("RUTH OKAFOR: The bridge opens in May and the crews are ready for it.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].st.cue, ":");
    EXPECT_EQ(found[0].st.speaker, "RUTH OKAFOR");
}

TEST(ExtractStatements, PlacesExplicitInferredAndFromTheDateline) {
    ModelFixture f(
        "OSLO (Example Wire) \u2014 Ruth Okafor told reporters in Bergen that the bridge was safe. "
        "Ruth Okafor said the crews were ready for the work.\n\n"
        "The officials said the ferry would keep running this winter.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].st.location, "Bergen");
    EXPECT_EQ(found[0].st.location_basis, "explicit");
    EXPECT_EQ(found[1].st.location, "Bergen");
    EXPECT_EQ(found[1].st.location_basis, "inferred");
    EXPECT_EQ(found[2].st.location, "Oslo");
    EXPECT_EQ(found[2].st.location_basis, "dateline");
    EXPECT_EQ(found[2].st.speaker, "officials");
    EXPECT_EQ(found[2].st.speaker_kind, "anonymous");
}

TEST(ExtractStatements, SpeakersHaveAKindAndKeepTheWordsUsedAtTheCue) {
    ModelFixture f(
        "Industry analysts said the harbour fees would double next year. "
        "He said the ferries would stop running in the winter months. "
        "The company said it would appeal against the ruling at once.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].st.speaker, "Industry analysts");
    EXPECT_EQ(found[0].st.speaker_kind, "anonymous");
    EXPECT_EQ(found[0].st.speaker_mention, "Industry analysts");
    // Nobody is named: "he" and "the company" are no speakers' names.
    EXPECT_EQ(found[1].st.speaker, "");
    EXPECT_EQ(found[1].st.speaker_kind, "unresolved");
    EXPECT_EQ(found[1].st.speaker_mention, "He");
    EXPECT_EQ(found[2].st.speaker, "");
    EXPECT_EQ(found[2].st.speaker_kind, "unresolved");
    EXPECT_EQ(found[2].st.speaker_mention, "The company");
}

TEST(ExtractStatements, HeAfterALoneAnonymousSourceIsThatSource) {
    ModelFixture f(
        "Trading in the crown was thin all morning, one currency trader said. "
        "He said the central bank would hold its rate until the summer. "
        "Hilde Varnes arrived at the meeting late. The economist said rates would rise in the autumn. "
        "He said nothing more about the timing of the change.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[0].st.speaker_kind, "anonymous");
    EXPECT_EQ(found[1].st.speaker, found[0].st.speaker) << "'he' continues 'one currency trader'";
    EXPECT_EQ(found[1].st.speaker_kind, "anonymous");
    EXPECT_EQ(found[1].st.speaker_mention, "He");
    EXPECT_NE(found[3].st.speaker, found[2].st.speaker) << "'the economist' may be someone named: no anonymous 'he'";
}

TEST(ExtractStatements, ACapitalOnlyWhereASentenceStartsMakesNoName) {
    ModelFixture f(
        "Several automakers are testing the new steering this year, industry sources said. "
        "Automakers say drivers who have tested the steering like it. "
        "Prices will rise, said Ruud Oltmans. Oltmans said the market was calm.");
    auto found = statements_of(f);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_EQ(found[1].st.speaker, "automakers");
    EXPECT_EQ(found[1].st.speaker_kind, "anonymous") << "the story writes 'automakers' in lower case too";
    EXPECT_EQ(found[3].st.speaker, "Ruud Oltmans");
}

TEST(ExtractStatements, InAStorySetInLowerCaseANameAtASentenceStartStaysAName) {
    ModelFixture f(
        "the bank will cut its rate next week, finance minister paulo azevedo said on monday. "
        "Azevedo said the cut would help exporters. prices rose, said azevedo.");
    auto found = statements_of(f);
    ASSERT_GE(found.size(), 2u);
    EXPECT_EQ(found[1].st.speaker_kind, "person") << found[1].st.speaker;
}

}  // namespace
}  // namespace saywho::extraction
