# The card scanner on the synthetic set of scripts/make_cards.sh: field accuracy and seconds per
# card, scans and photos (issue 16).
mikomi_add_bench(bench_scan SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_scan.cpp LIBS mikomi_ocr)
