mikomi_add_bench(bench_leads SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_leads.cpp LIBS mikomi_models Qt6::Sql)
