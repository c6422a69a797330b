mikomi_add_bench(bench_pages SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_pages.cpp
    LIBS mikomi_ui mikomi_models mikomi_translations)
