# Install rules beyond the two binaries (which indexer/ and searcher/ install
# next to their targets): the docs, the copyright file, and the
# saywho-http.service unit with its settings file.

# README.md and docs/ keep their places relative to each other, so that the
# README's links to docs/*.md work in the installed copy too.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB SAYWHO_DOC_PAGES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${SAYWHO_DOC_PAGES} DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# The copyright file holds the notices of the third-party data compiled into
# the binaries (common/data/THIRD_PARTY_NOTICES.txt) after our own header, so
# that the notices travel with every copy, as their licences ask.
set(SAYWHO_NOTICES_FILE ${PROJECT_SOURCE_DIR}/common/data/THIRD_PARTY_NOTICES.txt)
file(READ ${SAYWHO_NOTICES_FILE} SAYWHO_THIRD_PARTY_NOTICES)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${SAYWHO_NOTICES_FILE})
configure_file(${CMAKE_CURRENT_LIST_DIR}/copyright.in ${PROJECT_BINARY_DIR}/packaging/copyright @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Where the unit and its settings go depends on the prefix at install time,
# not at configure time: CPack installs with the prefix /usr (Debian's
# /etc and /lib/systemd/system) from a build configured for /usr/local, where
# `cmake --install` puts them under /usr/local/etc and
# /usr/local/lib/systemd/system. So a script decides when it runs
# (packaging/install-service.cmake).
install(CODE "
  set(SAYWHO_SERVICE_TEMPLATE \"${CMAKE_CURRENT_LIST_DIR}/saywho-http.service.in\")
  set(SAYWHO_SERVICE_DEFAULTS \"${CMAKE_CURRENT_LIST_DIR}/saywho-http.default\")
  set(SAYWHO_SERVICE_STAGING \"${PROJECT_BINARY_DIR}/packaging\")
  set(SAYWHO_INSTALL_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  set(SAYWHO_INSTALL_DOCDIR \"${CMAKE_INSTALL_DOCDIR}\")
  include(\"${CMAKE_CURRENT_LIST_DIR}/install-service.cmake\")
")
