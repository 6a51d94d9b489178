/** @file extract_cues_test.cc
 *  @brief Extraction stage 5: CueFinder finds attribution cues and chooses what each attributes.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract_model.h"

namespace saywho::extraction {
namespace {

/// The attributions of the first sentence of @p f, with content.
std::vector<Attribution> first_sentence(const ModelFixture& f) {
    return CueFinder(*f.model).attributions(f.model->sentences.front());
}

TEST(ExtractCues, ThatClauseAfterTheCue) {
    ModelFixture f("Kaisa Rinne said on Monday that the bridge would reopen in May.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cue_text, "said");
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "the bridge would reopen in May.");
}

TEST(ExtractCues, AParticipleAfterACommaInsideAQuotation) {
    ModelFixture f("Aino Salo toured the docks of \u201cOld Harbour,\u201d saying the port had built the city.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cue_text, "saying");
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "the port had built the city.");
}

TEST(ExtractCues, AParticipleWithASubjectOfItsOwn) {
    ModelFixture f("The council voted on Monday, with the mayor's office saying the budget was final.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(f.text(found[0].speaker.first, found[0].speaker.last), "the mayor's office");
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "the budget was final.");
}

TEST(ExtractCues, ADocumentsIssuerSpeaksThroughIt) {
    ModelFixture f("After the vote the Harbour Board issued a short statement saying the port would close.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(f.text(found[0].speaker.first, found[0].speaker.last), "the Harbour Board");
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "the port would close.");
}

TEST(ExtractCues, AWordAfterAPossessiveIsNoCue) {
    ModelFixture f("Lind's comments drew a rebuke, and Brandt's call for calm went unheard.");
    EXPECT_TRUE(first_sentence(f).empty());
    // A company whose name ends in 's speaks.
    ModelFixture company("Harbour's said profits would fall, and Okafor's says margins will hold.");
    EXPECT_EQ(first_sentence(company).size(), 2u);
}

TEST(ExtractCues, AParticipleAfterAnAttributionBetweenCommasTellsHowItWasSaid) {
    ModelFixture f("Trade was brisk, she said, waving at the stalls.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "Trade was brisk");
}

TEST(ExtractCues, AfterToldComesItsObjectNeverTheSpeaker) {
    ModelFixture f("Lind, 45, one of the port's critics, told reporters he would resign.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(f.text(found[0].speaker.first, found[0].speaker.last), "Lind");
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "he would resign.");
}

TEST(ExtractCues, QuotationBeforeTheCue) {
    ModelFixture f("\"The bridge is safe,\" Kaisa Rinne told reporters.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cue_text, "told");
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "\"The bridge is safe,\"");
}

TEST(ExtractCues, AccordingToNamesTheSpeakerAfterIt) {
    ModelFixture f("The ferry will stop running in winter, according to the port authority.");
    auto found = first_sentence(f);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cue_text, "according to");
    EXPECT_TRUE(found[0].speaker_after);
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "The ferry will stop running in winter");
}

TEST(ExtractCues, InfinitivesAndNounsAreNoCues) {
    EXPECT_TRUE(first_sentence(ModelFixture("The mayor declined to say whether the bridge is safe.")).empty());
    EXPECT_TRUE(first_sentence(ModelFixture("The said bridge was closed for repairs on Monday.")).empty());
}

TEST(ExtractCues, AWeakVerbNeedsAQuotationOrAClause) {
    EXPECT_TRUE(first_sentence(ModelFixture("Kaisa Rinne believes the bridge will last.")).empty());
    auto found = first_sentence(ModelFixture("Kaisa Rinne believes that the bridge will last."));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].cue_text, "believes");
}

TEST(ExtractCues, AQuotationSignedWithADash) {
    ModelFixture f("\"Keep the ferry running.\" \u2014 Maria Lund, 41, Oulu");
    std::vector<Attribution> found;
    for (const Sentence& s : f.model->sentences) {
        auto more = CueFinder(*f.model).attributions(s);
        found.insert(found.end(), more.begin(), more.end());
    }
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].speaker.kind, SpeakerKind::PERSON);
    EXPECT_EQ(f.text(found[0].content_first, found[0].content_last), "Keep the ferry running.");
}

TEST(ExtractCues, AClosingColonWaitsForTheNextQuotation) {
    ModelFixture f("Mayor Kaisa Rinne issued the following statement:\n\n\"We will rebuild the bridge.\"");
    const Sentence& s = f.model->sentences.front();
    ASSERT_EQ(f.model->tokens[s.last].lower, ":");
    auto waiting = CueFinder(*f.model).colon_attribution(s, {});
    ASSERT_TRUE(waiting);
    EXPECT_EQ(waiting->cue_text, "issued");
}

}  // namespace
}  // namespace saywho::extraction
