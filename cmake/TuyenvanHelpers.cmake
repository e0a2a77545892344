# tv_add_library(NAME SOURCES … DEPS …): one static library per room, linked downward only.
function(tv_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# tv_add_test(NAME SOURCES … DEPS …): a GoogleTest executable registered with CTest.
function(tv_add_test name)
    if(NOT TUYENVAN_TESTS)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
    add_test(NAME ${name} COMMAND ${name})
    set(labels unit)
    if(ARG_LABELS)
        set(labels ${ARG_LABELS})
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${labels}" TIMEOUT 300)
endfunction()

# tv_embed_files(OUT_VAR NAMESPACE ns FUNCTION fn BASE dir FILES …): generate a .cpp holding the files.
function(tv_embed_files out_var)
    cmake_parse_arguments(ARG "" "NAMESPACE;FUNCTION;BASE" "FILES" ${ARGN})
    set(output "${CMAKE_CURRENT_BINARY_DIR}/${ARG_FUNCTION}_embedded.cpp")
    set(deps)
    foreach(file IN LISTS ARG_FILES)
        list(APPEND deps "${ARG_BASE}/${file}")
    endforeach()
    string(REPLACE ";" "," files_arg "${ARG_FILES}")
    add_custom_command(
        OUTPUT "${output}"
        COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${ARG_NAMESPACE} -DFUNCTION=${ARG_FUNCTION}
                -DBASE=${ARG_BASE} -DFILES=${files_arg} -P "${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake"
        DEPENDS ${deps} "${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake"
        COMMENT "Embedding ${ARG_FUNCTION}"
        VERBATIM)
    set(${out_var} "${output}" PARENT_SCOPE)
endfunction()
