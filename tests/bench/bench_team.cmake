# The team server at 1,000,000 leads (issue 14): list, search, source report as the admin, a rep
# and a manager under row-level security; booth merge; 100k import against a file's. Starts a
# throwaway PostgreSQL (tests/storage/pgserver.h) unless given a server database's URL.
mikomi_add_bench(bench_team SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_team.cpp
    LIBS mikomi_models Qt6::Sql)
