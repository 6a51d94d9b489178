# The Debian package saywho_<version>_amd64.deb, made by `cpack -G DEB` in
# the build directory (docs/install.md).
#
# Why CPack rather than a debian/ directory and dpkg-buildpackage: the
# package holds exactly what the install rules install, so it cannot drift
# from `cmake --install`; it is made from a build that already exists (the
# tests build it from build/ in a minute, not in a second full build); and it
# needs no debhelper. What debhelper would have done is done here: library
# dependencies by dpkg-shlibdeps, stripped binaries, strict permissions of
# the control files, a compressed changelog, a conffile, and maintainer
# scripts for the service (packaging/deb/) that do what dh_installsystemd's
# do for a unit that is neither enabled nor started on install.

set(SAYWHO_PACKAGE_MAINTAINER "saywho maintainers <maintainers@users.noreply.r-seed-7baa1b4f.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(SAYWHO_PACKAGE_HOMEPAGE "" CACHE STRING "Homepage field of the Debian package (left out when empty)")

# packaging/changelog is the package's history; its newest entry must be
# this version, or the package would tell its users about an older one.
file(STRINGS ${CMAKE_CURRENT_LIST_DIR}/changelog SAYWHO_CHANGELOG_TOP LIMIT_COUNT 1)
if(NOT SAYWHO_CHANGELOG_TOP MATCHES "^saywho \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog begins '${SAYWHO_CHANGELOG_TOP}', not version ${PROJECT_VERSION} "
                      "of project(): add an entry for ${PROJECT_VERSION} at its top")
endif()
# A native package's changelog is changelog.gz, compressed as Debian wants
# (the most, and no name or time stamp in the gzip header, so the package is
# the same every time).
find_program(SAYWHO_GZIP gzip REQUIRED)
add_custom_command(
  OUTPUT ${PROJECT_BINARY_DIR}/packaging/changelog.gz
  COMMAND ${SAYWHO_GZIP} -9n -c ${CMAKE_CURRENT_LIST_DIR}/changelog > ${PROJECT_BINARY_DIR}/packaging/changelog.gz
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/changelog
  COMMENT "Compressing packaging/changelog")
add_custom_target(saywho_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/packaging/changelog.gz)
install(FILES ${PROJECT_BINARY_DIR}/packaging/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME saywho)
set(CPACK_PACKAGE_VENDOR "saywho")
set(CPACK_PACKAGE_CONTACT "${SAYWHO_PACKAGE_MAINTAINER}")
# The DEB generator installs with this prefix and DESTDIR pointing at its
# staging tree, so packaging/install-service.cmake sees /usr and puts the
# unit and its settings in Debian's places. (CPACK_SET_DESTDIR must stay
# off: it would install with the prefix of the build, /usr/local.)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
if(SAYWHO_PACKAGE_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${SAYWHO_PACKAGE_HOMEPAGE}")
endif()
# The first line is the synopsis; CPack indents the rest as the extended
# description and turns the empty line into " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "news archive search by who said what, where and when
saywho-index reads an archive of news articles into a Xapian database and
finds each quote and piece of reported speech in them, with its speaker,
place and day. saywho-search answers queries over that database on the
command line, as JSON, or as an HTTP API with a search page.

The saywho-http service serves one database read-only over HTTP; it is
neither enabled nor started on install.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/deb/conffiles
    ${CMAKE_CURRENT_LIST_DIR}/deb/postinst
    ${CMAKE_CURRENT_LIST_DIR}/deb/prerm
    ${CMAKE_CURRENT_LIST_DIR}/deb/postrm)

include(CPack)
