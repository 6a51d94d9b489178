/** @file extract_bench.cc
 *  @brief Benchmark: statement extraction alone (articles preloaded in memory), one thread, MB/s.
 *
 *  Usage: saywho-bench-extract DIR [ROUNDS]
 *  Reads every .txt under DIR first, then times extract_statements() over all
 *  of them ROUNDS times (default 5) and prints each round and the median.
 */
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/archive_reader.h"
#include "extract/extract.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: saywho-bench-extract DIR [ROUNDS]\n";
        return 2;
    }
    int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    saywho::InputList inputs = saywho::discover_inputs({argv[1]});
    std::vector<saywho::Article> articles;
    std::size_t body_bytes = 0;
    for (const auto& file : inputs.files) {
        saywho::read_input(file, saywho::ReaderOptions{}, std::cin, [&](saywho::ParseResult&& result) {
            if (!result.article) return;
            body_bytes += result.article->body.size();
            articles.push_back(std::move(*result.article));
        });
    }
    if (articles.empty()) {
        std::cerr << "saywho-bench-extract: no articles under " << argv[1] << "\n";
        return 2;
    }
    // Build the lexicon outside the timed rounds, as a long indexing run would.
    saywho::extract_statements(articles.front());
    std::vector<double> seconds;
    std::size_t statements = 0;
    for (int r = 0; r < rounds; ++r) {
        statements = 0;
        auto start = std::chrono::steady_clock::now();
        for (const auto& article : articles) statements += saywho::extract_statements(article).size();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        std::printf("round %d: %.3f s, %.2f MB/s\n", r + 1, seconds.back(), body_bytes / 1e6 / seconds.back());
    }
    std::sort(seconds.begin(), seconds.end());
    double median = seconds[seconds.size() / 2];
    std::printf(
        "extraction: %zu articles, %.1f MB of body text, %zu statements; median of %d rounds %.3f s = %.2f MB/s, "
        "%.0f articles/s\n",
        articles.size(), body_bytes / 1e6, statements, rounds, median, body_bytes / 1e6 / median,
        articles.size() / median);
    return 0;
}
