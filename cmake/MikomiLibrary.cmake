# mikomi_add_library(NAME DIR <dir> [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# A static library made of every .cpp/.h in <dir> (not recursive). Each library owns its folder,
# so adding a file needs no CMake edit.
function(mikomi_add_library name)
    cmake_parse_arguments(ARG "" "DIR" "PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    file(GLOB _src CONFIGURE_DEPENDS "${ARG_DIR}/*.cpp" "${ARG_DIR}/*.h")
    add_library(${name} STATIC ${_src})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC mikomi_settings ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    set_property(GLOBAL APPEND PROPERTY MIKOMI_TR_SOURCES ${_src})
endfunction()

# mikomi_add_test(NAME LIBS ...): one executable per unit, run headless by ctest.
function(mikomi_add_test name)
    cmake_parse_arguments(ARG "" "" "LIBS;SOURCES" ${ARGN})
    if(NOT ARG_SOURCES)
        set(ARG_SOURCES ${name}.cpp)
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE mikomi_settings Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        MIKOMI_CORPUS="${MIKOMI_CORPUS_DIR}"
        MIKOMI_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data")
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;TZ=Asia/Tokyo"
        TIMEOUT 300)
endfunction()
