/** @file lexicon_test.cc  @brief Unit tests of the embedded gazetteer lexicon: place keys and ranking, names, titles, speech verbs, demonyms. */
#include "common/lexicon.h"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace saywho {
namespace {

const Lexicon& lex() { return Lexicon::instance(); }

/// best_place(), checked to exist so a miss fails the test instead of crashing it.
const Place& best(std::string_view surface) {
    static const Place none;
    const Place* place = lex().best_place(surface);
    EXPECT_NE(place, nullptr) << surface;
    return place ? *place : none;
}

TEST(LexiconPlaceKey, FollowsTheGazetteerMatchingKey) {
    EXPECT_EQ(Lexicon::place_key("Ivano-Frankivsk"), "ivano frankivsk");
    EXPECT_EQ(Lexicon::place_key("U.S."), "us");
    EXPECT_EQ(Lexicon::place_key("Kharkivs’ka"), "kharkivska");
    EXPECT_EQ(Lexicon::place_key("  the  Netherlands "), "netherlands");
    EXPECT_EQ(Lexicon::place_key("São Paulo"), "sao paulo");
    EXPECT_EQ(Lexicon::place_key("Sa\xCC\x83o Paulo"), "sao paulo");  // decomposed ã
    EXPECT_EQ(Lexicon::place_key("Köln"), "koln");
    EXPECT_EQ(Lexicon::place_key("Москва"), "moskva");
    EXPECT_EQ(Lexicon::place_key("Theodore"), "theodore");  // only a whole leading word "the"
    EXPECT_EQ(Lexicon::place_key("Winston-Salem -- NC"), "winston salem nc");
}

TEST(LexiconPlaces, KievAndKyivAreTheSameCity) {
    const Place& kyiv = best("Kyiv");
    const Place& kiev = best("Kiev");
    EXPECT_EQ(&kyiv, &kiev);
    EXPECT_EQ(kyiv.name, "Kyiv");
    EXPECT_EQ(kyiv.kind, "city");
    EXPECT_EQ(kyiv.country_code, "UA");
    EXPECT_GT(kyiv.population, 1000000u);
    // The oblast and the city region are still there, after the city.
    auto all = lex().find_places("Kiev");
    ASSERT_GE(all.size(), 2u);
    EXPECT_EQ(all[1]->kind, "region");
}

TEST(LexiconPlaces, CitiesAndCountries) {
    const Place& helsinki = best("Helsinki");
    EXPECT_EQ(helsinki.kind, "city");
    EXPECT_EQ(helsinki.country_code, "FI");

    const Place& finland = best("Finland");
    EXPECT_EQ(finland.kind, "country");
    EXPECT_EQ(finland.country_code, "FI");

    const Place& netherlands = best("the Netherlands");
    EXPECT_EQ(netherlands.kind, "country");
    EXPECT_EQ(netherlands.country_code, "NL");

    for (const char* us : {"U.S.", "US", "the U.S.", "United States"}) {
        const Place& place = best(us);
        EXPECT_EQ(place.kind, "country") << us;
        EXPECT_EQ(place.country_code, "US") << us;
    }
}

TEST(LexiconPlaces, AccentsFoldToTheSameCity) {
    const Place& accented = best("São Paulo");
    EXPECT_EQ(&accented, &best("Sao Paulo"));
    EXPECT_EQ(&accented, &best("SAO PAULO"));
    EXPECT_EQ(accented.kind, "city");
    EXPECT_EQ(accented.country_code, "BR");
}

TEST(LexiconPlaces, EnglishNameIsTheDisplayName) {
    const Place& cologne = best("Köln");
    EXPECT_EQ(cologne.name, "Cologne");
    EXPECT_EQ(&cologne, &best("Cologne"));
    EXPECT_EQ(cologne.country_code, "DE");
}

TEST(LexiconPlaces, TheMostPopulousCityWins) {
    const Place& moscow = best("Moscow");
    EXPECT_EQ(moscow.kind, "city");
    EXPECT_EQ(moscow.country_code, "RU");
    auto all = lex().find_places("Moscow");
    bool us_moscow = false;
    for (const Place* p : all) us_moscow = us_moscow || p->country_code == "US";
    EXPECT_TRUE(us_moscow) << "Moscow, Idaho should still be a candidate";
}

TEST(LexiconPlaces, TheCityComesBeforeItsRegion) {
    auto geneva = lex().find_places("Geneva");
    ASSERT_GE(geneva.size(), 2u);
    EXPECT_EQ(geneva[0]->kind, "city");
    EXPECT_EQ(geneva[0]->country_code, "CH");
    EXPECT_EQ(geneva[1]->kind, "region");
    EXPECT_EQ(geneva[1]->country_code, "CH");
}

TEST(LexiconPlaces, ACountrysOwnNameComesFirst) {
    const Place& georgia = best("Georgia");
    EXPECT_EQ(georgia.kind, "country");
    EXPECT_EQ(georgia.country_code, "GE");
    auto all = lex().find_places("Georgia");
    ASSERT_GE(all.size(), 2u);
    EXPECT_EQ(all[1]->country_code, "US");  // the state

    const Place& luxembourg = best("Luxembourg");
    EXPECT_EQ(luxembourg.kind, "country");
    EXPECT_EQ(luxembourg.country_code, "LU");
}

TEST(LexiconPlaces, ACountryAlternateYieldsToItsOwnCity) {
    // The Factbook lists "Quito" among Ecuador's names.
    const Place& quito = best("Quito");
    EXPECT_EQ(quito.kind, "city");
    EXPECT_EQ(quito.country_code, "EC");
}

TEST(LexiconPlaces, RegionsAndAbbreviations) {
    const Place& calif = best("Calif.");
    EXPECT_EQ(calif.kind, "region");
    EXPECT_EQ(calif.country_code, "US");
    EXPECT_EQ(calif.name, "California");
    // A US state outranks a small foreign town of the same name.
    const Place& florida = best("Florida");
    EXPECT_EQ(florida.kind, "region");
    EXPECT_EQ(florida.country_code, "US");
}

TEST(LexiconPlaces, UnknownNames) {
    EXPECT_TRUE(lex().find_places("Xyzzyville").empty());
    EXPECT_EQ(lex().best_place("Xyzzyville"), nullptr);
    EXPECT_EQ(lex().best_place(""), nullptr);
    EXPECT_EQ(lex().best_place("the"), nullptr);
}

TEST(LexiconPlaces, EveryDisplayNameFindsItsPlace) {
    // The script computed the keys in Python, approximating ICU's fold (and
    // left out the keys of ASCII display names for the reader to derive);
    // this checks both agree with place_key() for every place.
    std::size_t misses = 0;
    for (const Place& p : lex().places()) {
        bool hit = false;
        for (const Place* q : lex().find_places(p.name)) hit = hit || q == &p;
        if (!hit && ++misses <= 10) ADD_FAILURE() << p.name << " (" << p.geonameid << ") is not found by its name";
    }
    EXPECT_EQ(misses, 0u);
    EXPECT_GT(lex().places().size(), 36000u);
}

TEST(LexiconCountries, ByIsoCode) {
    ASSERT_NE(lex().country("FI"), nullptr);
    EXPECT_EQ(lex().country("FI")->name, "Finland");
    EXPECT_EQ(lex().country("fi")->name, "Finland");
    EXPECT_EQ(lex().country("UA")->name, "Ukraine");
    EXPECT_EQ(lex().country("XK")->kind, "country");  // Kosovo, GeoNames' user code
    EXPECT_EQ(lex().country("QQ"), nullptr);
    EXPECT_EQ(lex().country("FIN"), nullptr);
    EXPECT_EQ(lex().country(""), nullptr);
}

TEST(LexiconGivenNames, GenderAndWeakness) {
    auto volodymyr = lex().given_name("Volodymyr");
    ASSERT_TRUE(volodymyr.has_value());
    EXPECT_EQ(volodymyr->gender, Gender::MALE);

    auto hillary = lex().given_name("Hillary");
    ASSERT_TRUE(hillary.has_value());
    EXPECT_EQ(hillary->gender, Gender::FEMALE);

    auto donald = lex().given_name("DONALD");
    ASSERT_TRUE(donald.has_value());
    EXPECT_EQ(donald->gender, Gender::MALE);
    EXPECT_FALSE(donald->weak);

    auto will = lex().given_name("Will");
    ASSERT_TRUE(will.has_value());
    EXPECT_TRUE(will->weak);  // also an English word

    auto georgia = lex().given_name("Georgia");
    ASSERT_TRUE(georgia.has_value());
    EXPECT_TRUE(georgia->weak);  // also a place

    EXPECT_FALSE(lex().given_name("Zelenskyy").has_value());
    EXPECT_FALSE(lex().given_name("").has_value());
}

TEST(LexiconTitles, DisplayForms) {
    EXPECT_EQ(lex().title("president"), "President");
    EXPECT_EQ(lex().title("PRESIDENT"), "President");
    EXPECT_EQ(lex().title("foreign minister"), "Foreign Minister");
    EXPECT_EQ(lex().title("Foreign Minister"), "Foreign Minister");
    EXPECT_EQ(lex().title("sen."), "Senator");
    EXPECT_EQ(lex().title("Lt. Gen."), "Lieutenant General");
    EXPECT_TRUE(lex().title("spokesman").has_value());
    EXPECT_EQ(lex().title("chancellor"), "Chancellor");
    EXPECT_FALSE(lex().title("us president").has_value());
    EXPECT_FALSE(lex().title("said").has_value());
    EXPECT_FALSE(lex().title("chancellor (university)").has_value());
}

TEST(LexiconTitles, MaxWordsCoversTheLongestTitle) {
    std::size_t max = lex().max_title_words();
    EXPECT_GE(max, 7u);  // "Chairman of the Joint Chiefs of Staff"
    EXPECT_LE(max, 10u);
    EXPECT_TRUE(lex().title("chairman of the joint chiefs of staff").has_value());
}

TEST(LexiconSpeech, VerbLemmas) {
    EXPECT_EQ(lex().speech_verb_lemma("said"), "say");
    EXPECT_EQ(lex().speech_verb_lemma("Said"), "say");
    EXPECT_EQ(lex().speech_verb_lemma("says"), "say");
    EXPECT_EQ(lex().speech_verb_lemma("warned"), "warn");
    EXPECT_EQ(lex().speech_verb_lemma("argued"), "argue");
    EXPECT_EQ(lex().speech_verb_lemma("stated"), "state");
    EXPECT_EQ(lex().speech_verb_lemma("maintained"), "maintain");
    EXPECT_FALSE(lex().speech_verb_lemma("according to").has_value());
    EXPECT_FALSE(lex().speech_verb_lemma("walked").has_value());
}

TEST(LexiconSpeech, Phrases) {
    EXPECT_TRUE(lex().is_speech_phrase("according to"));
    EXPECT_TRUE(lex().is_speech_phrase("told reporters"));
    EXPECT_TRUE(lex().is_speech_phrase("Told Reporters"));
    EXPECT_FALSE(lex().is_speech_phrase("said"));
    EXPECT_FALSE(lex().is_speech_phrase("according"));
}

TEST(LexiconDemonyms, Countries) {
    EXPECT_EQ(lex().demonym_country("Ukrainian"), "UA");
    EXPECT_EQ(lex().demonym_country("ukrainians"), "UA");
    EXPECT_EQ(lex().demonym_country("Russian"), "RU");
    EXPECT_EQ(lex().demonym_country("Korean"), "KR");     // shared with North Korea
    EXPECT_EQ(lex().demonym_country("Chinese"), "CN");    // shared with Macao
    EXPECT_EQ(lex().demonym_country("Dominican"), "DO");  // shared with Dominica
    EXPECT_FALSE(lex().demonym_country("European").has_value());
    EXPECT_FALSE(lex().demonym_country("Finland").has_value());
}

TEST(LexiconInstance, SharedAcrossThreads) {
    const Lexicon* seen[4] = {};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&seen, i] {
            seen[i] = &Lexicon::instance();
            // place_key uses a per-thread transliterator.
            EXPECT_EQ(Lexicon::place_key("Zürich"), "zurich");
        });
    for (auto& t : threads) t.join();
    for (const Lexicon* l : seen) EXPECT_EQ(l, &Lexicon::instance());
}

}  // namespace
}  // namespace saywho
