# What `cmake --install` lays out, and the .deb that `./dev.sh package` makes with CPack.
include(GNUInstallDirs)
install(TARGETS mikomi
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    BUNDLE DESTINATION .)
if(UNIX AND NOT APPLE)
    set(_id io.github.mikomi.Mikomi)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/${_id}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/${_id}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/mikomi.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    foreach(_size 16 22 24 32 48 64 128 256 512)
        install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/mikomi-${_size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps
                RENAME mikomi.png)
    endforeach()
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/mikomi RENAME copyright)
endif()

if(WIN32 OR APPLE)
    # windeployqt / macdeployqt: the Qt libraries and plugins beside the executable (Qt 6.3+).
    qt_generate_deploy_app_script(TARGET mikomi OUTPUT_SCRIPT _deploy NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${_deploy})
endif()

set(CPACK_PACKAGE_NAME mikomi)
set(CPACK_PACKAGE_VENDOR "Mikomi developers")
set(CPACK_PACKAGE_CONTACT "Mikomi developers <mikomi@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Lead generation and nurturing CRM for small sales teams")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
if(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
    set(CPACK_PACKAGE_EXECUTABLES mikomi Mikomi)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION office)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Trade-show staff type business cards offline, leads are tagged with their source\nand moved from inquiry to customer, and managers compare sources (cost per\nlead and per customer, LTV:CAC, the 70-20-10 budget). Japanese and English.")
# The libraries the binary links are found by dpkg-shlibdeps; the plugins Qt loads at run time
# (SQLite driver, the X11/Wayland platform, SVG icons) and a Japanese font are not linked, so
# they are named here. libphonenumber8 (phone numbers of every country) is linked and would be
# found too; it is named so the dependency is plain even where shlibdeps is off. libmecab2 and
# libkakasi2 (suggested readings of names, models/japan) are linked; mecab-ipadic-utf8 (MeCab's
# dictionary, read at run time) and kakasi-dic (KAKASI's) are not and must be named. The OCR
# models of business-card scanning (issue 16: tesseract's Japanese, vertical Japanese and English
# data) are data files tesseract loads at run time, so shlibdeps cannot see them either. Team mode
# (issue 14) opens a PostgreSQL server through Qt's QPSQL plugin, loaded at run time too.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins, libqt6svg6, fonts-ipafont-gothic | fonts-noto-cjk, libphonenumber8, libmecab2, mecab-ipadic-utf8, libkakasi2, kakasi-dic, "
    "libtesseract5, tesseract-ocr-jpn, tesseract-ocr-jpn-vert, tesseract-ocr-eng")
set(CPACK_STRIP_FILES ON)
include(CPack)
