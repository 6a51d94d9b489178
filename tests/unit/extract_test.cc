/** @file extract_test.cc
 *  @brief Statement extraction on short hand-written articles, one pattern per test.
 */
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/archive_reader.h"
#include "extract/extract.h"

namespace saywho {
namespace {

/// The statements of an article with @p body, dated @p date.
std::vector<Statement> extract(const std::string& body, const std::string& date = "2025-03-19") {
    ParseResult parsed = parse_text_article("t.txt", "t", "date " + date + " Title\n\n" + body + "\n", ReaderOptions{});
    EXPECT_TRUE(parsed.article.has_value());
    return parsed.article ? extract_statements(*parsed.article) : std::vector<Statement>{};
}

const Statement* holding(const std::vector<Statement>& statements, const std::string& words) {
    for (const auto& st : statements)
        if (st.text.find(words) != std::string::npos) return &st;
    return nullptr;
}

TEST(Extract, DirectQuoteBeforeSaidWithFullNameAndTitle) {
    auto st = extract("\"We will rebuild every substation,\" Energy Minister Lars Holmqvist said.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Lars Holmqvist");
    EXPECT_EQ(st[0].role, "Energy Minister");
    EXPECT_TRUE(st[0].direct);
    EXPECT_EQ(st[0].text, "We will rebuild every substation");
    EXPECT_EQ(st[0].cue, "said");
}

TEST(Extract, CurlyQuotesAndInvertedSaid) {
    auto st = extract("\u201CThe harvest is lost,\u201D said Wanjiru Kamau.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Wanjiru Kamau");
}

TEST(Extract, InterruptedQuoteGivesBothHalvesToTheSpeaker) {
    auto st =
        extract("Aino Kettunen spoke first.\n\n\"We will not wait,\" she said, \"because the cables are exposed.\"");
    const Statement* first = holding(st, "We will not wait");
    const Statement* second = holding(st, "because the cables are exposed");
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(first->speaker, "Aino Kettunen");
    EXPECT_EQ(second->speaker, "Aino Kettunen");
}

TEST(Extract, QuoteRunningOverParagraphs) {
    auto st = extract(
        "\u201CThe first paragraph of the quote runs on.\n\n\u201CAnd it ends here,\u201D said Tomasz Wroblewski.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_NE(st[0].text.find("first paragraph"), std::string::npos);
    EXPECT_NE(st[0].text.find("ends here"), std::string::npos);
}

TEST(Extract, ReportedSpeechWithThatAndPronounResolution) {
    auto st = extract(
        "Finnish Foreign Minister Aino Kettunen arrived on Monday. She said that the talks would resume in May.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Aino Kettunen");
    EXPECT_EQ(st[0].text, "the talks would resume in May.");
    EXPECT_FALSE(st[0].direct);
    EXPECT_EQ(st[0].quote, "none");
}

TEST(Extract, AccordingTo) {
    auto st = extract("The ceasefire held overnight, according to Swiss envoy Beat Imhof.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Beat Imhof");
    EXPECT_EQ(st[0].cue, "according to");
}

TEST(Extract, ToldANewsConferenceInAPlaceIsExplicit) {
    auto st = extract("Oksana Hrytsenko told a news conference in Geneva that the text was acceptable.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].location, "Geneva");
    EXPECT_EQ(st[0].country, "CH");
    EXPECT_EQ(st[0].location_basis, "explicit");
}

TEST(Extract, DatelinePlaceAndKievAlternateName) {
    auto st = extract("KIEV, March 19 (Saywho Wire) - Oksana Hrytsenko said the grid had been repaired.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].location, "Kyiv");
    EXPECT_EQ(st[0].location_basis, "dateline");
}

TEST(Extract, WeekdayAndYesterdayResolveAgainstTheArticleDate) {
    // 2025-03-19 was a Wednesday.
    auto st = extract(
        "Beat Imhof said Tuesday that the talks had stalled. Lars Holmqvist said yesterday that repairs were done.");
    const Statement* tuesday = holding(st, "talks had stalled");
    const Statement* yesterday = holding(st, "repairs were done");
    ASSERT_NE(tuesday, nullptr);
    ASSERT_NE(yesterday, nullptr);
    EXPECT_EQ(tuesday->date.iso(), "2025-03-18");
    EXPECT_EQ(tuesday->date_basis, "text");
    EXPECT_EQ(yesterday->date.iso(), "2025-03-18");
}

TEST(Extract, DayInsideTheQuoteDoesNotDateTheStatement) {
    auto st = extract("\"We met on Monday and agreed nothing,\" Beat Imhof said.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].date.iso(), "2025-03-19");
    EXPECT_EQ(st[0].date_basis, "article");
}

TEST(Extract, OrganisationSpeakerWithoutThe) {
    auto st = extract("The Kremlin said it had identified \"a number of issues\" with the plan.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Kremlin");
    EXPECT_EQ(st[0].speaker_kind, "organization");
    EXPECT_EQ(st[0].quote, "mixed");
}

TEST(Extract, BeliefsAndCallsAreNotStatements) {
    EXPECT_TRUE(extract("Kettunen believes the plan will work.").empty());
    EXPECT_TRUE(extract("Hours after a call Tuesday between the two leaders, the markets rose.").empty());
}

TEST(Extract, OffsetsPointIntoTheFile) {
    const std::string body = "\"Prices will fall,\" said Wanjiru Kamau.";
    ParseResult parsed = parse_text_article("t.txt", "t", "date 2025-03-19 T\n\n" + body + "\n", ReaderOptions{});
    ASSERT_TRUE(parsed.article);
    auto st = extract_statements(*parsed.article);
    ASSERT_EQ(st.size(), 1u);
    const std::string file = "date 2025-03-19 T\n\n" + body + "\n";
    EXPECT_EQ(file.substr(st[0].start, st[0].end - st[0].start), st[0].text);
}

TEST(Extract, TranscriptLinesAreStatementsOfTheirSpeaker) {
    auto st =
        extract("Aino Kettunen spoke to the radio.\n\nAINO KETTUNEN: We will keep the cables safe whatever it costs.");
    const Statement* line = holding(st, "keep the cables safe");
    ASSERT_NE(line, nullptr);
    EXPECT_EQ(line->speaker, "Aino Kettunen");
    EXPECT_EQ(line->cue, ":");
    EXPECT_TRUE(line->direct);
}

TEST(Extract, AskedWhetherIsAQuestionByAnUnnamedAsker) {
    auto st = extract("Asked whether the plant was safe, Beat Imhof said, \"Nobody can promise that.\"");
    const Statement* question = holding(st, "whether the plant was safe");
    const Statement* answer = holding(st, "Nobody can promise that");
    ASSERT_NE(question, nullptr);
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(question->speaker, "");
    EXPECT_EQ(answer->speaker, "Beat Imhof");
}

TEST(Extract, HeadersWithAColonAreNotTranscripts) {
    EXPECT_TRUE(extract("Update: the ministry has since published the full report on the grid.").empty());
}

TEST(Extract, TripleApostropheClosesANestedQuote) {
    auto st = extract("''I remember when it appeared on 'Fox and Friends,''' said Tommy Vietor.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Tommy Vietor");
    EXPECT_NE(st[0].text.find("Fox and Friends"), std::string::npos);
}

TEST(Extract, OneWordQuotationAfterSaidAndDescribedInvertedSpeaker) {
    auto st = extract("Asked whether he would resign, Reince Priebus said, \"Probably.\"");
    EXPECT_NE(holding(st, "Probably"), nullptr);
    auto inverted = extract("\"I fundamentally disagree,\" said retired Army Lt. Gen. Mick Bednarek.");
    ASSERT_EQ(inverted.size(), 1u);
    EXPECT_EQ(inverted[0].speaker, "Mick Bednarek");
}

// Regression: "(D-N.Y.)" ended a sentence inside the parenthesis, and an
// attribution in the reported clause ("Clinton reassured them") cut off the
// outer one.
TEST(ExtractRegression, PartyTagsAndReportedClausesKeepTheOuterSpeaker) {
    auto st = extract(
        "Bill Clinton spoke.\n\nRep. Gregory Meeks (D-N.Y.) said Clinton reassured them that everyone "
        "would come together.");
    const Statement* outer = holding(st, "Clinton reassured them");
    ASSERT_NE(outer, nullptr);
    EXPECT_EQ(outer->speaker, "Gregory Meeks");
    EXPECT_EQ(outer->role, "Representative");
}

TEST(Extract, TheyContinuesTheGroupThatSpokeLast) {
    auto st = extract("Health officials said the outbreak had peaked. They added that schools would reopen on Monday.");
    const Statement* added = holding(st, "schools would reopen");
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->speaker, "Health officials");
}

// Regression: a later cue whose speaker phrase began before an earlier cue
// ("OSLO ... said ..., called \"...\"") pushed a token bound below zero and
// read past the token array (found by AddressSanitizer on Reuters-21578).
TEST(ExtractRegression, LaterSpeakerStartingBeforeAnEarlierCueStaysInBounds) {
    auto st = extract(
        "OSLO, May 2 - Nordic Rail said it is launching a cheap weekend ticket, called \"Fjord Hopper,\" for "
        "travellers who book late.");
    const Statement* said = holding(st, "launching a cheap weekend ticket");
    ASSERT_NE(said, nullptr);
    EXPECT_EQ(said->speaker, "Nordic Rail");
}

// Regression: "KYIV, Ukraine (Saywho Wire) — ..., officials said." gave the
// dateline to the officials as part of what they said.
TEST(ExtractRegression, TheDatelineIsNotPartOfAStatement) {
    auto st =
        extract("KYIV, Ukraine (Saywho Wire) \u2014 The capital needs money to rebuild its plants, officials said.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].text.find("KYIV"), std::string::npos) << st[0].text;
    EXPECT_EQ(st[0].text.rfind("The capital needs money", 0), 0u) << st[0].text;
    EXPECT_EQ(st[0].location, "Kyiv");
    EXPECT_EQ(st[0].location_basis, "dateline");
}

TEST(ExtractRegression, QuestionQuoteRunsOnIntoItsAttribution) {
    auto st =
        extract("\u201CWho pays for the bridge now?\u201D Okafor said of the council on Monday, when the vote failed.");
    const Statement* q = holding(st, "Who pays for the bridge now?");
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->speaker, "Okafor");
    EXPECT_EQ(holding(st, "when the vote failed"), nullptr);
}

TEST(ExtractRegression, NominalSpeakerWithPostModifierAfterSaid) {
    auto st = extract(
        "\"The ferry contract was never tendered,\" said a person close to the harbour board.\n\n"
        "\"The pilots will strike in May,\" said one official with knowledge of the talks, who asked not to be named.");
    const Statement* a = holding(st, "ferry contract");
    const Statement* b = holding(st, "pilots will strike");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(a->speaker, "person");
    EXPECT_EQ(b->speaker, "official");
}

TEST(ExtractRegression, NominalSpeakerWithPostModifierBeforeSaid) {
    auto st = extract("Another source familiar with the mayor's plans said the tram line would be delayed again.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "source");
    EXPECT_EQ(st[0].text, "the tram line would be delayed again.");
}

TEST(ExtractRegression, SuffixAndAppositiveBeforeSaid) {
    auto st = extract(
        "\"The vaults were empty,\" Marcus T. Bellamy Jr., the director of the state archive, said on Friday.\n\n"
        "\"We found the ledgers later,\" Marcus Bellamy Jr. said.");
    const Statement* a = holding(st, "vaults were empty");
    const Statement* b = holding(st, "ledgers later");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_NE(a->speaker.find("Bellamy"), std::string::npos);
    EXPECT_NE(b->speaker.find("Bellamy"), std::string::npos);
}

TEST(ExtractRegression, AgesPlacesAndPartyTagsInAsides) {
    auto st = extract(
        "Rosa Delgado, 34, a nurse from Tucson, said she would vote for the first time.\n\n"
        "Rep. Alan Mertz (D-Ore.), chair of the transport panel, said the budget would pass.");
    const Statement* a = holding(st, "vote for the first time");
    const Statement* b = holding(st, "budget would pass");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(a->speaker, "Rosa Delgado");
    EXPECT_EQ(b->speaker, "Alan Mertz");
}

TEST(ExtractRegression, ParentheticalAttributionKeepsTheClauseBeforeIt) {
    auto st = extract(
        "The depot will close before the winter and its staff will move to the port, Ilves said, on condition "
        "that the union agrees.\n\n"
        "The rail plan would cost twice as much as promised, Ilves said, adding that nobody had checked the figures.");
    const Statement* a = holding(st, "depot will close");
    const Statement* b = holding(st, "rail plan would cost");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(holding(st, "on condition"), nullptr);
    EXPECT_NE(holding(st, "nobody had checked"), nullptr);
}

TEST(ExtractRegression, SubordinateClauseAfterSaidIsNotContent) {
    auto st = extract(
        "Senator Mia Harrow spoke to voters.\n\n\"Certainly,\" she said when asked by a reporter if that was still his "
        "plan.");
    const Statement* a = holding(st, "Certainly");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->speaker, "Mia Harrow");
    // The question is the reporter's statement, not the content of "she said".
    for (const auto& s : st) {
        if (s.text.find("still his plan") != std::string::npos) {
            EXPECT_EQ(s.cue, "asked");
        }
    }
}

TEST(ExtractRegression, AsideEndingInShortQuotationAndVerbAfterNominal) {
    auto st = extract("Mr. Rask, citing \"the old harbour rules,\" said the mayor could block the sale.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Rask");
    EXPECT_EQ(st[0].text, "the mayor could block the sale.");
}

TEST(ExtractRegression, AndSaidTakesTheClauseAfterIt) {
    auto st =
        extract("Moreno thanked the crowd, calling it \"our best night yet\" and said the count would finish by noon.");
    EXPECT_NE(holding(st, "the count would finish by noon"), nullptr);
}

TEST(Extract, QuotationSignedWithADash) {
    auto st = extract(
        "We asked commuters about the new fares.\n\n"
        "\u201CI pay twice what I paid last year. Nobody explained why.\u201D \u2015 Ilona Varga, 41, Szeged\n\n"
        "\"The buses are late every single morning.\"\n\n- Pedro Almeida.\n\nThe operator did not reply.");
    const Statement* a = holding(st, "I pay twice what I paid last year. Nobody explained why.");
    const Statement* b = holding(st, "The buses are late every single morning.");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(a->speaker, "Ilona Varga");
    EXPECT_EQ(b->speaker, "Pedro Almeida");
    EXPECT_TRUE(a->direct);
    // The signed quotation is one statement, not also a continuation of an earlier speaker.
    int holding_buses = 0;
    for (const auto& s : st)
        if (s.text.find("buses are late") != std::string::npos) ++holding_buses;
    EXPECT_EQ(holding_buses, 1);
}

TEST(ExtractRegression, PollsAndRelativeClausesWithSay) {
    auto st = extract(
        "Six in 10 say the new tax is unfair.\n\n"
        "The city faced anger from shop owners and landlords who say the rule favours chains.\n\n"
        "Turnout will fall below half, local analysts say; in 2019 it was higher.");
    const Statement* a = holding(st, "the new tax is unfair");
    const Statement* b = holding(st, "the rule favours chains");
    const Statement* c = holding(st, "Turnout will fall below half");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(a->speaker, "Six in 10");
    EXPECT_EQ(b->speaker, "landlords");
    EXPECT_EQ(holding(st, "in 2019 it was higher"), nullptr);
}

TEST(ExtractRegression, NamingVerbsWithShortOrDistantQuotations) {
    auto st = extract(
        "Governor Ana Brenner called the levy \u201Cunfair.\u201D\n\n"
        "Senator Paul Odum called the mayor's refusal to publish the audit of the harbour fund \u201Ca "
        "disgrace.\u201D\n\n"
        "Senator Rita Voss called the fund's manager, Jan Olsen, \"reckless\" on Monday.");
    const Statement* a = holding(st, "the levy");
    const Statement* b = holding(st, "refusal to publish");
    const Statement* c = holding(st, "Jan Olsen");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(a->speaker, "Ana Brenner");
    EXPECT_EQ(b->speaker, "Paul Odum");
    EXPECT_EQ(c->speaker, "Rita Voss");
}

TEST(ExtractRegression, ShowTitleBeforeTheCueGivesWayToTheClause) {
    auto st = extract(
        "Sunday on the network's \u201CMorning Review,\u201D Senator Lea Haddad said the port deal was rushed.");
    const Statement* a = holding(st, "the port deal was rushed");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->speaker, "Lea Haddad");
    EXPECT_EQ(holding(st, "Morning Review"), nullptr);
}

TEST(ExtractRegression, AsideWithItsOwnCommasAndASmallPlaceName) {
    auto st = extract("Tom Kessler, who farms outside the regional capital, Dodoma, said the rains came late.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Tom Kessler");
}

TEST(ExtractRegression, ConjunctionBeforeSaidIsNotPartOfTheSpeaker) {
    auto st = extract(
        "Senator Ines Duarte visited the flooded district.\n\n"
        "Duarte shook hands with the crowd and said the dikes would be raised.");
    const Statement* a = holding(st, "the dikes would be raised");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->speaker, "Ines Duarte");
}

TEST(ExtractRegression, QuestionsAfterWhenAskedAreStatements) {
    auto st = extract(
        "\"Of course,\" Mayor Tanja Roos said when asked whether the tunnel would open on time.\n\n"
        "Asked during Monday's debate why the tunnel cost so much, Roos blamed the contractor.");
    const Statement* a = holding(st, "whether the tunnel would open on time");
    const Statement* b = holding(st, "why the tunnel cost so much");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(a->cue, "asked");
    const Statement* quote = holding(st, "Of course");
    ASSERT_NE(quote, nullptr);
    EXPECT_EQ(quote->speaker, "Tanja Roos");
}

TEST(ExtractRegression, ToldWithLongerObjectsThenAClause) {
    auto st = extract(
        "Mayor Ruth Adair told the Harbour Gazette she\u2019s received hundreds of letters.\n\n"
        "Senator Omar Haddad told a Rotary Club lunch in Leeds he will vote against the bill.\n\n"
        "Judge Ellen Park told The Courier of Dundee last week she would retire in June.");
    const Statement* a = holding(st, "received hundreds of letters");
    const Statement* b = holding(st, "he will vote against the bill");
    const Statement* c = holding(st, "she would retire in June");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(a->speaker, "Ruth Adair");
    EXPECT_EQ(b->speaker, "Omar Haddad");
    EXPECT_EQ(c->speaker, "Ellen Park");
}

TEST(ExtractRegression, TitleHoldingOfBeforeTheName) {
    auto st = extract("Former Secretary of State Lena Morales told reporters in Lima that the vote would be close.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Lena Morales");
}

TEST(ExtractRegression, ADayBeforeANameIsNotPartOfIt) {
    auto st = extract("President Ronald Reagan met aides.\n\nFriday Reagan said the budget would pass.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Ronald Reagan");
}

TEST(ExtractRegression, UnbalancedAndNestedQuoteMarksDoNotCrash) {
    std::string body;
    for (int i = 0; i < 2000; ++i) body += i % 3 ? "\"" : "\u201C word ";
    auto st = extract(body + " he said.");
    for (const auto& s : st) EXPECT_LE(s.start, s.end);
}

TEST(ExtractRegression, AttributionInsideTheClauseItReports) {
    auto st = extract(
        "The ferry plan, Halvorsen said, would double the fares within a year.\n\n"
        "This budget, she says, is different.\n\n"
        "Harbour revenue fell, Halvorsen said, after the strike in May.");
    const Statement* a = holding(st, "would double the fares");
    const Statement* b = holding(st, "is different");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    // Both halves of the clause are the statement, the attribution with them.
    EXPECT_EQ(a->text, "The ferry plan, Halvorsen said, would double the fares within a year.");
    EXPECT_EQ(b->text, "This budget, she says, is different.");
    EXPECT_EQ(a->speaker, "Halvorsen");
    // A tail that tells when or why is not part of what was said.
    const Statement* c = holding(st, "Harbour revenue fell");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->text.find("strike"), std::string::npos);
}

TEST(ExtractRegression, SurveyGroupsWithNumberWordsAndThose) {
    auto st = extract(
        "About one in five say they would not vote at all.\n\n"
        "By wide margins, those surveyed say the harbour should come first.\n\n"
        "Those close to the ferry company said the sale was near.\n\n"
        "They have a say in how the fund is spent.");
    const Statement* a = holding(st, "they would not vote");
    const Statement* b = holding(st, "the harbour should come first");
    const Statement* c = holding(st, "the sale was near");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(a->speaker, "About one in five");
    EXPECT_EQ(b->speaker, "those surveyed");
    EXPECT_EQ(b->speaker_kind, "anonymous");
    // The people around a company, not the company.
    EXPECT_EQ(c->speaker, "Those close to the ferry company");
    EXPECT_EQ(c->speaker_kind, "anonymous");
    EXPECT_EQ(holding(st, "how the fund is spent"), nullptr);
}

TEST(ExtractRegression, APrepositionalAsideHoldsNoClause) {
    // "in which he said" is a clause of its own, not an aside between
    // "Salt Lake City" and its verb.
    auto st = extract(
        "Senator Ruth Kaplan skipped the vote. Instead she gave a speech in Salt Lake City in which she said the "
        "levy was unfair.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Ruth Kaplan");
}

TEST(ExtractRegression, APrepositionOpeningASentenceIsNobody) {
    auto st = extract(
        "Beyond the footage, the affidavit cited interviews and said that the officer had seen bruises.\n\n"
        "Despite the rain, the court heard witnesses and said that the ferry had left early.");
    ASSERT_EQ(st.size(), 2u);
    for (const auto& s : st) {
        EXPECT_NE(s.speaker, "Beyond");
        EXPECT_NE(s.speaker, "Despite");
        EXPECT_NE(s.speaker_kind, "person");
    }
}

TEST(ExtractRegression, VerbsInProgressAndWithDo) {
    auto st = extract(
        "Mayor Ines Kovac is telling voters after her win that the harbour will reopen.\n\n"
        "Councillor Piet Brink was arguing that the fares would rise.\n\n"
        "Kovac did tell reporters that the vote would wait.\n\n"
        "Brink did not say whether the ferry would run.\n\n"
        "The plan, which the port has been urging, is dead.");
    const Statement* a = holding(st, "the harbour will reopen");
    const Statement* b = holding(st, "the fares would rise");
    const Statement* c = holding(st, "the vote would wait");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(a->speaker, "Ines Kovac");
    EXPECT_EQ(b->speaker, "Piet Brink");
    EXPECT_EQ(c->speaker, "Ines Kovac");
    EXPECT_EQ(holding(st, "ferry would run"), nullptr);
    EXPECT_EQ(holding(st, "is dead"), nullptr);  // "urging," says nothing here
}

TEST(ExtractRegression, APlaceAfterAPrepositionIsNotTheSpeaker) {
    auto st = extract(
        "A Transport Ministry analyst in Washington has said the fares would rise.\n\n"
        "Industry sources in Tokyo said the talks had failed.\n\n"
        "Washington announced on Friday that the tariffs would rise.");
    const Statement* a = holding(st, "the fares would rise");
    const Statement* b = holding(st, "the talks had failed");
    const Statement* c = holding(st, "the tariffs would rise");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(a->speaker, "Transport Ministry analyst");
    EXPECT_EQ(a->speaker_kind, "anonymous");
    EXPECT_EQ(b->speaker, "Industry sources");
    EXPECT_EQ(c->speaker, "Washington");  // the government, by its capital
}

TEST(ExtractRegression, AnAttributionEndingInAColonTakesWhatFollows) {
    auto st = extract(
        "In a 1963 speech, Senator Amos Reed declared:\n\n"
        "\u201CThe harbour belongs to the people of this city.\u201D");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Amos Reed");
    EXPECT_EQ(st[0].text, "The harbour belongs to the people of this city.");
}

TEST(ExtractRegression, ARelativeClauseBeforeAnAttributionIsNotItsContent) {
    auto st = extract(
        "Asked if the levy could pass without a vote, which the port has been urging, Mayor Ines Kovac said no.");
    EXPECT_EQ(holding(st, "which the port"), nullptr);
}

TEST(ExtractRegression, ApproximateGroupsAndGroupsWithAModifier) {
    auto st = extract(
        "More than six in 10 said the fares were too high.\n\n"
        "Nearly eight in 10 harbour workers said the strike would go on.\n\n"
        "Critics of the levy say it would drive ferries away.\n\n"
        "Six in 10 voters say the tax is unfair.");
    const Statement* a = holding(st, "the fares were too high");
    const Statement* b = holding(st, "the strike would go on");
    const Statement* c = holding(st, "it would drive ferries away");
    const Statement* d = holding(st, "the tax is unfair");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(a->speaker, "More than six in 10");
    EXPECT_EQ(b->speaker, "Nearly eight in 10 harbour workers");
    EXPECT_EQ(c->speaker_kind, "anonymous");
    EXPECT_EQ(d->speaker, "Six in 10 voters");  // a number before "in" is no name
    EXPECT_EQ(d->speaker_kind, "anonymous");
}

TEST(ExtractRegression, ToldAndADemonstrativeClause) {
    auto st = extract(
        "Senator Lena Dahl told reporters this was the last chance for the levy.\n\n"
        "Dahl told reporters this week that the ferry would stay.");
    const Statement* a = holding(st, "this was the last chance");
    const Statement* b = holding(st, "the ferry would stay");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->text, "the ferry would stay.");
}

TEST(ExtractRegression, MoreParticiplesAndTheirParticles) {
    auto st = extract(
        "Mayor Ines Kovac defended the levy, pointing out that the deficit had fallen.\n\n"
        "Councillor Piet Brink left the hall, denying that he had misled anyone.\n\n"
        "Harbour workers have long argued that the fares are too high.\n\n"
        "Kovac spoke for an hour about the ferry, those people said.");
    const Statement* a = holding(st, "the deficit had fallen");
    const Statement* b = holding(st, "he had misled anyone");
    const Statement* c = holding(st, "the fares are too high");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(a->text, "the deficit had fallen.");
    EXPECT_EQ(a->speaker, "Ines Kovac");
    EXPECT_EQ(b->speaker, "Piet Brink");
    EXPECT_EQ(c->speaker, "Harbour workers");  // "have long" is no part of the speaker
    // "those" belongs to the speaker after it, not to the words before.
    const Statement* d = holding(st, "Kovac spoke for an hour");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->text.find("those"), std::string::npos);
}

TEST(ExtractRegression, APassiveParticipleBeforeByIsNoCue) {
    auto st = extract("Mayor Ines Kovac said in a statement released by her office that the levy would stay.");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Ines Kovac");
    EXPECT_EQ(st[0].text, "the levy would stay.");
}

TEST(ExtractRegression, ANameMayEndInAWordThatIsADeterminerInLowerCase) {
    auto st = extract(
        "The Islamic State said it carried out the attack.\n\n"
        "State officials said the road was closed.");
    const Statement* a = holding(st, "it carried out the attack");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->speaker, "Islamic State");
    EXPECT_EQ(a->speaker_kind, "organization");
}

TEST(ExtractRegression, AQuotationAfterAColonBelongsToTheClauseSubject) {
    auto st = extract(
        "Mayor Ines Kovac has since apologised for what happened: \"I should have told the council. "
        "Not doing so was a mistake.\"");
    ASSERT_EQ(st.size(), 1u);
    EXPECT_EQ(st[0].speaker, "Ines Kovac");
    EXPECT_EQ(st[0].text, "I should have told the council. Not doing so was a mistake.");
}

TEST(ExtractRegression, ALoneNameThatSpeaksOfItselfAsItIsAnOrganisation) {
    auto st = extract(
        "Ferrolux said it had cut 300 jobs at the harbour plant.\n\n"
        "The company said the cuts would end in May.\n\n"
        "Kovac said it was too early to tell.");
    const Statement* a = holding(st, "it had cut 300 jobs");
    const Statement* b = holding(st, "the cuts would end in May");
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(a->speaker, "Ferrolux");
    EXPECT_EQ(a->speaker_kind, "organization");
    EXPECT_EQ(b->speaker, "Ferrolux");  // "the company" now has one to go to
}

}  // namespace
}  // namespace saywho
