/** @file extract_entities_test.cc
 *  @brief Extraction stage 6: Coreference links names, pronouns and nominals to entities.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "extract_model.h"

namespace saywho::extraction {
namespace {

TEST(ExtractEntities, ASurnameLinksToTheFullName) {
    ModelFixture f("Ilse Brandt arrived late. Brandt spoke first.");
    Entities state;
    Coreference coref(*f.model, state);
    coref.register_mentions();
    ASSERT_EQ(state.entities.size(), 1u);
    EXPECT_EQ(state.entities[0].name, "Ilse Brandt");
    EXPECT_TRUE(state.entities[0].person);
    ASSERT_EQ(state.mentions.size(), 2u);
    EXPECT_EQ(state.mentions[1].entity, 0u);
    EXPECT_TRUE(state.mentions[0].subject);
}

TEST(ExtractEntities, AFullerNameAfterASurnameKeepsTheFullName) {
    ModelFixture f("Officials met.");
    Entities state;
    Coreference coref(*f.model, state);
    const std::size_t e = coref.entity_for_name({"Brandt"}, "", true);
    EXPECT_EQ(coref.entity_for_name({"Ilse", "Brandt"}, "Minister", true), e);
    EXPECT_EQ(state.entities[e].name, "Ilse Brandt");
    EXPECT_EQ(state.entities[e].role, "Minister");
    EXPECT_EQ(coref.entity_for_name({"Okafor"}, "", false), NONE);
}

TEST(ExtractEntities, AnArticleStartsNoName) {
    ModelFixture f("Officials met.");
    Entities state;
    Coreference coref(*f.model, state);
    const std::size_t e = coref.entity_for_name({"An", "Orvala"}, "", true, true);
    EXPECT_EQ(state.entities[e].name, "Orvala") << "'An Orvala official said'";
    EXPECT_EQ(coref.entity_for_name({"Orvala"}, "", false), e);
    EXPECT_EQ(state.entities[coref.entity_for_name({"The", "Brisk", "Co"}, "", true, true)].name, "Brisk Co");
}

TEST(ExtractEntities, ALoneSurnameIsAPersonBeforeAnOrganisationEndingInIt) {
    ModelFixture f("Officials met.");
    Entities state;
    Coreference coref(*f.model, state);
    const std::size_t person = coref.entity_for_name({"Donald", "Trump"}, "", true);
    const std::size_t org = coref.entity_for_name({"Coalition", "Against", "Trump"}, "", true, true);
    ASSERT_NE(org, person);
    ASSERT_FALSE(state.entities[org].person);
    EXPECT_EQ(coref.entity_for_name({"Trump"}, "", false), person);
    // With no such person the organisation is still found by its last word.
    const std::size_t commission = coref.entity_for_name({"European", "Commission"}, "", true, true);
    EXPECT_EQ(coref.entity_for_name({"Commission"}, "", false), commission);
}

TEST(ExtractEntities, ANameBeforeARoleAndANameIsNoSubject) {
    // "McConnell spokesman Don Stewart", "The Harbour Post columnist Ruth
    // Marcus": the sentence is about the second person.
    ModelFixture f(
        "Ilse Brandt spoke. Brandt spokesman Tomas Lind wrote. The Harbour Post columnist Ruth Okafor wrote.");
    Entities state;
    Coreference coref(*f.model, state);
    coref.register_mentions();
    auto mention_of = [&](const std::string& name) -> const Mention* {
        for (const Mention& m : state.mentions)
            if (state.entities[m.entity].name == name && m.token > f.token("spoke")) return &m;
        return nullptr;
    };
    const Mention* brandt = mention_of("Ilse Brandt");
    const Mention* lind = mention_of("Tomas Lind");
    const Mention* okafor = mention_of("Ruth Okafor");
    ASSERT_TRUE(brandt && lind && okafor);
    EXPECT_FALSE(brandt->subject);
    EXPECT_TRUE(brandt->oblique);
    EXPECT_TRUE(lind->subject);
    EXPECT_TRUE(okafor->subject);
}

TEST(ExtractEntities, OrganisationWordsMakeAnOrganisation) {
    ModelFixture f("Officials met.");
    Entities state;
    Coreference coref(*f.model, state);
    const std::size_t e = coref.entity_for_name({"Harbour", "Workers", "Union"}, "", true);
    EXPECT_FALSE(state.entities[e].person);
}

TEST(ExtractEntities, APronounGoesToTheLastCompatiblePerson) {
    ModelFixture f("Ilse Brandt met Tomas Lind on Monday. He said the deal was close.");
    Entities state;
    Coreference coref(*f.model, state);
    coref.register_mentions();
    state.entities[coref.entity_for_name({"Ilse", "Brandt"}, "", false)].gender = Gender::FEMALE;
    state.entities[coref.entity_for_name({"Tomas", "Lind"}, "", false)].gender = Gender::MALE;
    SpeakerPhrase he;
    he.kind = SpeakerKind::PRONOUN;
    he.pronoun = "he";
    he.first = he.last = f.token("he");
    const std::size_t e = coref.resolve(he, f.token("said"));
    ASSERT_NE(e, NONE);
    EXPECT_EQ(state.entities[e].name, "Tomas Lind");
}

TEST(ExtractEntities, ANominalWithARoleGoesToThatPerson) {
    ModelFixture f("Mayor Ruth Okafor opened the bridge. The mayor said it was safe.");
    Entities state;
    Coreference coref(*f.model, state);
    coref.register_mentions();
    auto phrase = PhraseReader(*f.model).speaker_before(f.token("said"), f.model->sentences[1].first);
    ASSERT_TRUE(phrase);
    ASSERT_EQ(phrase->kind, SpeakerKind::NOMINAL);
    const std::size_t e = coref.resolve(*phrase, f.token("said"));
    ASSERT_NE(e, NONE);
    EXPECT_EQ(state.entities[e].name, "Ruth Okafor");
}

TEST(ExtractEntities, NoteSpeakerTeachesGenderAndRemembersTheSpeaker) {
    ModelFixture f("Kim Varga arrived. She said it was late.");
    Entities state;
    Coreference coref(*f.model, state);
    coref.register_mentions();
    const std::size_t e = coref.entity_for_name({"Kim", "Varga"}, "", false);
    ASSERT_NE(e, NONE);
    state.entities[e].gender = Gender::UNKNOWN;
    SpeakerPhrase she;
    she.kind = SpeakerKind::PRONOUN;
    she.pronoun = "she";
    she.first = she.last = f.token("she");
    coref.note_speaker(e, she, f.token("said"));
    EXPECT_EQ(state.entities[e].gender, Gender::FEMALE);
    EXPECT_EQ(state.last_speaker, e);
    EXPECT_EQ(state.mentions.back().token, f.token("she"));
}

TEST(ExtractEntities, ACompanysShortFormsAreTheCompany) {
    ModelFixture f("Officials met.");
    Entities state;
    Coreference coref(*f.model, state);
    const std::size_t org = coref.entity_for_name({"Northern", "Lantern", "Shipping", "Corp"}, "", true, true);
    EXPECT_FALSE(state.entities[org].person);
    EXPECT_EQ(coref.entity_for_name({"Northern", "Lantern"}, "", true), org);
    EXPECT_EQ(coref.entity_for_name({"NLS"}, "", true), org) << "its initials";
    EXPECT_EQ(coref.entity_for_name({"NLSC"}, "", true), org) << "its initials with the company word";
    EXPECT_NE(coref.entity_for_name({"Lantern"}, "", true), org) << "not a word from its middle";
}

TEST(ExtractEntities, AShortFormIsTheCompanyItLeavesTheFewestWordsOutOf) {
    ModelFixture f("Officials met.");
    Entities state;
    Coreference coref(*f.model, state);
    const std::size_t corp = coref.entity_for_name({"Vell", "Cable", "Corp"}, "", true, true);
    const std::size_t fund = coref.entity_for_name({"Vell", "Cable", "Income", "Fund", "Ltd"}, "", true, true);
    const std::size_t board = coref.entity_for_name({"VCC", "Audit", "Board"}, "", true, true);
    EXPECT_EQ(coref.entity_for_name({"Vell", "Cable"}, "", false), corp);
    EXPECT_EQ(coref.entity_for_name({"Vell", "Cable", "Income"}, "", false), fund);
    EXPECT_EQ(coref.entity_for_name({"VCC"}, "", false), corp) << "its initials, before a name starting with them";
    EXPECT_NE(board, corp);
}

TEST(ExtractEntities, APersonKeepsHisSurnameAgainstACompanyNamedAfterHim) {
    ModelFixture f("Officials met.");
    Entities state;
    Coreference coref(*f.model, state);
    const std::size_t person = coref.entity_for_name({"Arvid", "Holm"}, "", true);
    const std::size_t org = coref.entity_for_name({"Holm", "Foundation"}, "", true);
    ASSERT_NE(person, org);
    EXPECT_EQ(coref.entity_for_name({"Holm"}, "", true), person);
}

TEST(ExtractEntities, ItAndTheCompanyAreTheOrganisationThatSpokeLast) {
    const std::string text =
        "Tallow Ridge Mills Inc said it would close a plant. Brightwater Foods Corp bought the site in May. "
        "It said the plant employed 300. The company said it would hire again.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 3u);
    for (const auto& st : statements) {
        EXPECT_EQ(st.speaker, "Tallow Ridge Mills Inc") << st.text;
        EXPECT_EQ(st.speaker_kind, "organization") << st.text;
    }
}

TEST(ExtractEntities, AnInstitutionDescribedInLowerCaseIsNamedWithTheDatelinesCountry) {
    const std::string text =
        "WELLINGTON, March 10 - Exports rose 4 pct in the quarter, the statistics department said. "
        "Imports fell by 2 pct, the department said. It said the trade gap had narrowed. "
        "A new department said the figures were late.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 4u);
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(statements[k].speaker, "New Zealand statistics department") << statements[k].text;
        EXPECT_EQ(statements[k].speaker_kind, "organization");
    }
    EXPECT_EQ(statements[3].speaker_kind, "unresolved") << "'a new department' is none named before";
}

TEST(ExtractEntities, AnInstitutionWithoutADatelineIsNamedByItsWords) {
    const auto statements =
        extract_statements(*ModelFixture("Rates will stay low, the central bank said on Monday.").article);
    ASSERT_EQ(statements.size(), 1u);
    EXPECT_EQ(statements[0].speaker, "central bank");
    EXPECT_EQ(statements[0].speaker_kind, "organization");
}

TEST(ExtractEntities, APersonsOrganisationIsNamedAfterThePersonInFull) {
    const std::string text =
        "Ruth Okafor toured the port. The Harbour Campaign Fund filed a complaint. "
        "Okafor's campaign said the complaint was baseless. "
        "The Lind campaign said the report was false.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_EQ(statements[0].speaker, "Ruth Okafor campaign");
    EXPECT_EQ(statements[0].speaker_kind, "organization");
    EXPECT_EQ(statements[1].speaker, "Lind campaign") << "not the campaign named before, nor the Fund";
}

TEST(ExtractEntities, ASurnameTakesAFullNameWhoseGivenNameNoTableKnows) {
    const std::string text =
        "The envoy met Tiwele Ngarambo, the senior trade officer, on Monday. "
        "\"We are close to a deal,\" said Ngarambo. "
        "Neither Pakuna nor his deputy was available. Pakuna said the talks would resume.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_EQ(statements[0].speaker, "Tiwele Ngarambo");
    EXPECT_EQ(statements[1].speaker, "Pakuna") << "a sentence's first word may be capitalised only by its place";
}

TEST(ExtractEntities, TwoUnknownFullNamesOfOneSurnameLeaveItAlone) {
    const std::string text =
        "The envoy met Tiwele Ngarambo and Osei Ngarambo on Monday. \"We are close to a deal,\" said Ngarambo.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 1u);
    EXPECT_EQ(statements[0].speaker, "Ngarambo");
}

TEST(ExtractEntities, ADocumentSpeaksForTheOrganisationThatIssuedIt) {
    const std::string text =
        "The Harbour Workers Union called a strike on Monday. "
        "A statement issued by the Harbour Workers Union said the strike would last a week. "
        "The Norwegian Fisheries Ministry said quotas would fall. A ministry statement said talks would follow. "
        "The report said prices would rise.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 4u);
    EXPECT_EQ(statements[0].speaker, "Harbour Workers Union");
    EXPECT_EQ(statements[0].speaker_kind, "organization");
    EXPECT_EQ(statements[2].speaker, statements[1].speaker) << "'a ministry statement' after the ministry spoke";
    EXPECT_NE(statements[3].speaker_kind, "organization") << "a report whose issuer the text does not give";
}

TEST(ExtractEntities, OrganisationNamesAreReadWhole) {
    const std::string text =
        "General Lantern Corp said prices would rise. The Bureau of Mines and Energy said it agreed with the plan. "
        "<Cole and Varga Ltd> said it would bid. Norway's Agency of Fisheries and Energy said quotas would fall. "
        "Stanwick, Bell and Co said it had no comment. "
        "Ilse Brandt of the Harbour Workers Union said talks went well.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    std::vector<std::string> speakers;
    for (const auto& st : statements) speakers.push_back(st.speaker);
    EXPECT_EQ(speakers,
              (std::vector<std::string>{"General Lantern Corp", "Bureau of Mines and Energy", "Cole and Varga Ltd",
                                        "Agency of Fisheries and Energy", "Bell and Co", "Ilse Brandt"}));
}

TEST(ExtractEntities, OneWordNamesThatAreNoPersons) {
    const std::string text =
        "Analysts said the harbour fees would double next year. Oslo said it would not pay the new fees. "
        "Vell's Investors Service Inc cut its rating on Monday. Vell said the outlook was stable.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 3u);
    EXPECT_EQ(statements[0].speaker, "analysts");
    EXPECT_EQ(statements[0].speaker_kind, "anonymous") << "a capital at the start of a sentence makes no name";
    EXPECT_EQ(statements[1].speaker, "Oslo");
    EXPECT_EQ(statements[1].speaker_kind, "organization") << "a capital speaks for its government";
    EXPECT_EQ(statements[2].speaker, "Vell's Investors Service Inc");
}

TEST(ExtractEntities, JoinedInitialsAreTheCompanyTheyStandFor) {
    const std::string text =
        "Tarn and Pell Corp lowered its rating of the harbour bonds on Monday. "
        "T and P said the port authority had taken on too much debt. Dealers said prices fell after the news.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 2u);
    EXPECT_EQ(statements[0].speaker, "Tarn and Pell Corp");
    EXPECT_EQ(statements[0].speaker_mention, "T and P");
    EXPECT_EQ(statements[1].speaker, "dealers");
    EXPECT_EQ(statements[1].speaker_kind, "anonymous");
}

TEST(ExtractEntities, InitialsKeepTheirDotsAndAnArticleMakesAnOrganisation) {
    const std::string text =
        "Y. Varga said the ferry would run again in May. The United Harbour Pilots said they would strike. "
        "FBI said the inquiry was closed.";
    const auto statements = extract_statements(*ModelFixture(text).article);
    ASSERT_EQ(statements.size(), 3u);
    EXPECT_EQ(statements[0].speaker, "Y. Varga");
    EXPECT_EQ(statements[1].speaker, "United Harbour Pilots");
    EXPECT_EQ(statements[1].speaker_kind, "organization") << "a person's name takes no article";
    EXPECT_EQ(statements[2].speaker, "FBI") << "an acronym is a name, not a common noun";
}

}  // namespace
}  // namespace saywho::extraction
