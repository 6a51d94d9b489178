// Peer for scripts/bench/peers.sh: the least a Xapian search can do, to time saywho-search against.
// Reads one query a line on stdin and prints, per query, the microseconds from
// parsing to having the top ten documents' data, then a tab and the match estimate.
// Build: g++ -O2 peers-xapian-query.cc $(pkg-config --cflags --libs xapian-core)
#include <xapian.h>

#include <chrono>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " DB < queries\n";
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);
        // The parser is set up once, as a server would; the same prefixes as the
        // scriptindex peer so title: works, though the query list does not use it.
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.add_prefix("title", "S");
        Xapian::Enquire enquire(db);
        std::string line;
        while (std::getline(std::cin, line)) {
            if (line.empty()) continue;
            auto start = std::chrono::steady_clock::now();
            enquire.set_query(qp.parse_query(line));
            Xapian::MSet mset = enquire.get_mset(0, 10);
            // Fetching the data is part of answering: saywho and FTS5 return fields too.
            std::size_t bytes = 0;
            for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
            auto end = std::chrono::steady_clock::now();
            auto us = std::chrono::duration_cast<std::chrono::microseconds>(end - start).count();
            std::cout << us << '\t' << mset.get_matches_estimated() << '\t' << bytes << '\n';
        }
    } catch (const Xapian::Error& e) {
        std::cerr << argv[0] << ": " << e.get_description() << '\n';
        return 2;
    }
}
