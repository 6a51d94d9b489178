/** @file error_report_test.cc
 *  @brief Unit tests of the one exception ladder of saywho-search: each kind
 *         of error gives the exit status, JSON code and message of docs/json.md.
 */
#include "searcher/error_report.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/errors.h"

namespace saywho {
namespace {

template <typename E>
ErrorReport report_of(const E& error) {
    return report_error(std::make_exception_ptr(error));
}

TEST(ErrorReport, EachKindOfErrorHasItsCodeAndMessage) {
    const ErrorReport request = report_of(RequestError("not_found", "no article with id 'x'"));
    EXPECT_EQ(request.code, "not_found");
    EXPECT_EQ(request.message, "no article with id 'x'");
    const ErrorReport query = report_of(QueryError("bad date 'March'"));
    EXPECT_EQ(query.code, "bad_query");
    EXPECT_EQ(query.message, "bad date 'March'");
    EXPECT_EQ(report_of(DatabaseError("no database at /x")).code, "database");
    EXPECT_EQ(report_of(DatabaseLockedError("/x is locked by process 1")).code, "locked");
    EXPECT_EQ(report_of(DatabaseReadOnlyError("/x is read-only for this process")).code, "read_only");
    const ErrorReport xapian = report_of(Xapian::DatabaseOpeningError("cannot open"));
    EXPECT_EQ(xapian.code, "database");
    EXPECT_EQ(xapian.message, "database error: DatabaseOpeningError: cannot open");
    EXPECT_EQ(report_of(std::runtime_error("odd")).code, "internal");
    EXPECT_EQ(report_of(42).code, "internal");
    for (const auto& r : {request, query, xapian}) EXPECT_EQ(r.exit_status, EXIT_ERROR);
}

TEST(ErrorReport, HttpStatusFollowsTheCode) {
    EXPECT_EQ(http_status_of("not_found"), 404);
    EXPECT_EQ(http_status_of("bad_request"), 400);
    EXPECT_EQ(http_status_of("bad_query"), 400);
    EXPECT_EQ(http_status_of("locked"), 409);
    EXPECT_EQ(http_status_of("read_only"), 403);
    EXPECT_EQ(http_status_of("database"), 500);
    EXPECT_EQ(http_status_of("internal"), 500);
}

}  // namespace
}  // namespace saywho
