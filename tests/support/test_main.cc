/** @file test_main.cc
 *  @brief GoogleTest's main for every saywho test program, naming the Xapian
 *         exceptions that escape a test.
 *
 *  Xapian::Error does not derive from std::exception, so GoogleTest reports
 *  one escaping a test only as "Unknown C++ exception thrown in the test
 *  body". GoogleTest records that failure from inside its catch block, so a
 *  listener that sees the failure can still rethrow the exception in flight
 *  and say what it was.
 */
#include <exception>
#include <iostream>

#include <gtest/gtest.h>
#include <xapian.h>

namespace {

class ExceptionNamer : public ::testing::EmptyTestEventListener {
  public:
    void OnTestPartResult(const ::testing::TestPartResult& result) override {
        if (!result.failed()) return;
        std::exception_ptr in_flight = std::current_exception();
        if (!in_flight) return;
        try {
            std::rethrow_exception(in_flight);
        } catch (const Xapian::Error& e) {
            std::cout << "[ xapian   ] the exception was Xapian::" << e.get_type() << ": " << e.get_msg();
            if (!e.get_context().empty()) std::cout << " (context: " << e.get_context() << ")";
            if (e.get_error_string()) std::cout << " (" << e.get_error_string() << ")";
            std::cout << std::endl;
        } catch (...) {
            // GoogleTest describes std::exception and its own failures itself.
        }
    }
};

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::UnitTest::GetInstance()->listeners().Append(new ExceptionNamer);
    return RUN_ALL_TESTS();
}
