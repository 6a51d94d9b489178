/** @file extract_speaker_phrases_test.cc
 *  @brief Extraction stage 4: PhraseReader reads the phrase naming a speaker.
 */
#include <string>

#include <gtest/gtest.h>

#include "extract_model.h"

namespace saywho::extraction {
namespace {

/// The phrase before the first "said" of @p body.
std::optional<SpeakerPhrase> before_said(const ModelFixture& f) {
    const std::size_t cue = f.token("said");
    const Sentence& s = f.model->sentences[f.model->tokens[cue].sentence];
    return PhraseReader(*f.model).speaker_before(cue, s.first);
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

TEST(ExtractSpeakerPhrases, TitleAndNameBeforeTheVerb) {
    ModelFixture f("Foreign Minister Ilse Brandt said the talks would resume.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::PERSON);
    EXPECT_EQ(joined(p->name_words), "Ilse Brandt");
    EXPECT_EQ(p->role, "Foreign Minister");
}

TEST(ExtractSpeakerPhrases, AdverbsBetweenAreSkipped) {
    ModelFixture f("Ilse Brandt also said the talks would resume.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(joined(p->name_words), "Ilse Brandt");
}

TEST(ExtractSpeakerPhrases, AnAsideBetweenCommasIsSkipped) {
    ModelFixture f("Ilse Brandt, who chairs the panel, said the talks would resume.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::PERSON);
    EXPECT_EQ(joined(p->name_words), "Ilse Brandt");
}

TEST(ExtractSpeakerPhrases, PronounsAndNominals) {
    ModelFixture pronoun("She said the talks would resume.");
    auto p = before_said(pronoun);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::PRONOUN);
    EXPECT_EQ(p->pronoun, "she");

    ModelFixture nominal("The ministry said the talks would resume.");
    auto n = before_said(nominal);
    ASSERT_TRUE(n);
    EXPECT_EQ(n->kind, SpeakerKind::NOMINAL);
    EXPECT_EQ(n->nominal, "ministry");
}

TEST(ExtractSpeakerPhrases, APronounWithAContractedAuxiliary) {
    ModelFixture f("Since the spring he's said the same thing at every stop.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::PRONOUN);
    EXPECT_EQ(p->pronoun, "he");
}

TEST(ExtractSpeakerPhrases, ATimeOfDayAfterAWeekdayIsSkipped) {
    ModelFixture f("Party spokesman Olli Vaara on Thursday evening said the vote would wait.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(joined(p->name_words), "Olli Vaara");
}

TEST(ExtractSpeakerPhrases, AGroupSourceKeepsThePartItIsAndWhatItIsJoinedTo) {
    ModelFixture part("Sixty percent of registered voters said the tax was too high.");
    auto p = before_said(part);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::NOMINAL);
    EXPECT_EQ(p->nominal, "Sixty percent of registered voters");

    ModelFixture majority("But a narrow majority of economists said the tax was too high.");
    auto m = before_said(majority);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->nominal, "a narrow majority of economists");

    ModelFixture joined_groups("Farmers and some economists said the tax was too high.");
    auto j = before_said(joined_groups);
    ASSERT_TRUE(j);
    EXPECT_EQ(j->nominal, "Farmers and some economists");

    // "and" joining two clauses joins no group.
    ModelFixture clauses("The mill closed on Monday and economists said the tax was too high.");
    auto c = before_said(clauses);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->nominal, "economists");
}

TEST(ExtractSpeakerPhrases, APhraseDoesNotReachBackOverAVerb) {
    ModelFixture f("Harbour Mills Corp said its board declared a dividend.");
    const std::size_t cue = f.token("declared");
    auto p = PhraseReader(*f.model).speaker_before(cue, f.model->sentences[0].first);
    ASSERT_TRUE(p);
    EXPECT_EQ(f.text(p->first, p->last), "its board");
}

TEST(ExtractSpeakerPhrases, AnAdverbOpeningTheSentenceIsNoPartOfTheName) {
    ModelFixture f("Even Tomas Lind said the talks would resume.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(joined(p->name_words), "Tomas Lind");

    ModelFixture country("Even Norway, the port's biggest client, said the talks would resume.");
    auto c = before_said(country);
    ASSERT_TRUE(c) << "a country opening the sentence is its subject, not a place in an aside";
    EXPECT_EQ(joined(c->name_words), "Norway");
}

TEST(ExtractSpeakerPhrases, APrepositionalPhraseBetweenTheNameAndTheVerbIsSkipped) {
    ModelFixture time("Tomas Lind at the time said the talks would resume.");
    auto t = before_said(time);
    ASSERT_TRUE(t);
    EXPECT_EQ(joined(t->name_words), "Tomas Lind");

    ModelFixture speech("Tomas Lind in his opening speech said the talks would resume.");
    auto s = before_said(speech);
    ASSERT_TRUE(s);
    EXPECT_EQ(joined(s->name_words), "Tomas Lind");

    // Not after a lower-case word: "officials in the region said".
    ModelFixture officials("Officials in the region said the talks would resume.");
    auto o = before_said(officials);
    EXPECT_FALSE(o && o->kind == SpeakerKind::PERSON);
}

TEST(ExtractSpeakerPhrases, TheSubjectBeforeARelativeClauseSpeaks) {
    ModelFixture f("Farmers who have praised his plan said the tax was too high.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(f.text(p->first, p->last), "Farmers");
}

TEST(ExtractSpeakerPhrases, ABarePluralBeforeAPostModifierIsTheSource) {
    ModelFixture f("Officials familiar with the talks said a deal was near.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::NOMINAL);
    EXPECT_EQ(p->nominal, "officials") << "not 'the talks'";
}

TEST(ExtractSpeakerPhrases, ADoubleHyphenAsideIsSkipped) {
    ModelFixture f("Tomas Lind -- who has led the port for a decade -- said the talks would resume.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(joined(p->name_words), "Tomas Lind");
}

TEST(ExtractSpeakerPhrases, ACabinetTitleWithOfIsATitle) {
    ModelFixture f("Secretary of Commerce Ilse Brandt said the deficit would narrow.");
    auto p = before_said(f);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::PERSON);
    EXPECT_EQ(joined(p->name_words), "Ilse Brandt");
    EXPECT_EQ(p->role, "Secretary of Commerce");
}

TEST(ExtractSpeakerPhrases, SpeakerAfterTheVerb) {
    ModelFixture f("\"We will wait,\" said Deputy Mayor Ruth Okafor.");
    const std::size_t cue = f.token("said");
    auto p = PhraseReader(*f.model).speaker_after(cue, f.model->sentences[0].last);
    ASSERT_TRUE(p);
    EXPECT_EQ(joined(p->name_words), "Ruth Okafor");
    EXPECT_EQ(p->role, "Deputy Mayor");
}

TEST(ExtractSpeakerPhrases, AfterTheVerbAPossessiveDescribesTheNameAfterIt) {
    ModelFixture f("\"The harbour stays open,\" said Brandt's top trade aide Tomas Lind.");
    const std::size_t cue = f.token("said");
    auto p = PhraseReader(*f.model).speaker_after(cue, f.model->sentences[0].last);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::PERSON);
    EXPECT_EQ(joined(p->name_words), "Tomas Lind");
}

TEST(ExtractSpeakerPhrases, ReadPhraseSplitsAnAffiliation) {
    ModelFixture f("Tomas Lind of the Harbour Workers Union");
    auto p = PhraseReader(*f.model).read_phrase(0, f.model->tokens.size() - 1);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->kind, SpeakerKind::PERSON);
    EXPECT_EQ(joined(p->name_words), "Tomas Lind");
}

TEST(ExtractSpeakerPhrases, TitlesAreMatchedLongestFirst) {
    ModelFixture f("Prime Minister Ada Holm");
    std::string title;
    EXPECT_EQ(PhraseReader(*f.model).match_title(0, 3, title), 2u);
    EXPECT_EQ(title, "Prime Minister");
    EXPECT_EQ(PhraseReader(*f.model).match_title(2, 3, title), 0u);
}

}  // namespace
}  // namespace saywho::extraction
