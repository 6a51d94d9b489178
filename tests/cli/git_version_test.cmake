# Checks cmake/git_version.cmake (issue 20): --version's git description is
# the checkout's when built from saywho's own checkout, and empty, with the
# release still named, in a directory outside any checkout (a tarball), in
# one inside another repository (a tarball unpacked in someone's repo), and
# when git cannot run.
# Usage: cmake -DSOURCE_DIR=... -DWORK_DIR=... -P git_version_test.cmake
cmake_minimum_required(VERSION 3.18)
set(script "${SOURCE_DIR}/cmake/git_version.cmake")
set(failures 0)

# Runs the script for @p source (and extra -D arguments) and sets
# `description` to the SAYWHO_GIT_DESCRIPTION it wrote.
function(describe source)
  set(header "${WORK_DIR}/version_git.h")
  file(REMOVE "${header}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -DSOURCE_DIR=${source} -DOUTPUT=${header} -DRELEASE=9.8.7 ${ARGN}
                          -P "${script}"
                  RESULT_VARIABLE result ERROR_VARIABLE error)
  if(NOT result EQUAL 0 OR NOT EXISTS "${header}")
    message(SEND_ERROR "git_version.cmake failed for ${source}: ${error}")
    set(description "<none>" PARENT_SCOPE)
    return()
  endif()
  file(READ "${header}" text)
  if(NOT text MATCHES "#define SAYWHO_RELEASE_VERSION \"9\\.8\\.7\"")
    message(SEND_ERROR "no release in the header written for ${source}:\n${text}")
  endif()
  string(REGEX MATCH "#define SAYWHO_GIT_DESCRIPTION \"([^\"]*)\"" line "${text}")
  set(description "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()

function(expect_empty what)
  if(NOT description STREQUAL "")
    message(SEND_ERROR "${what}: expected no git description, got '${description}'")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/tarball")

# WORK_DIR is in the build directory; when that is inside the checkout (as
# build/ is), this is the tarball-in-another-repository case, else a plain
# directory outside any checkout.
describe("${WORK_DIR}/tarball")
expect_empty("a directory that is not the top of a checkout")

describe("${SOURCE_DIR}" -DGIT_EXECUTABLE=/nonexistent/git)
expect_empty("git that cannot run")

find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${SOURCE_DIR}/.git")
  describe("${SOURCE_DIR}")
  # A tag or an abbreviated hash, perhaps with -dirty: either way, HEAD.
  string(REGEX REPLACE "-dirty$" "" commit "${description}")
  execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" rev-parse HEAD
                  OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SOURCE_DIR}" rev-parse --verify --quiet "${commit}^{commit}"
                  OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(description STREQUAL "" OR NOT described STREQUAL head)
    message(SEND_ERROR "the checkout at ${head}: got the description '${description}'")
  endif()
else()
  message(STATUS "not a git checkout, or no git: the checkout's own description is not checked")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
