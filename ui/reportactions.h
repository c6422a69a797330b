#pragma once

#include "models/analytics/owners.h"
#include "models/domain/result.h"
#include "ui/reportlayout.h"

class QWidget;

namespace mikomi::storage {
class Database;
}

// File > Export report… and File > Print preview of the report: the same document as
// `mikomi report sources --format pdf` (all dates, first-touch attribution, made today).
namespace mikomi::ui::report {

struct ReportSettings;

// The settings of File > Export report…: all dates, first touch, made today, the currency of
// the database (the command line's defaults).
ReportSettings defaultSettings();
// Reads the facts and the owners' pipeline of `db` and builds the report; fills the database
// name.
Result<Document> documentFor(storage::Database &db, ReportSettings settings);
// The pipeline totals of every owner (and of the leads without one), as analytics figures.
Result<std::vector<analytics::OwnerFigures>> readOwnerFigures(storage::Database &db);
// Asks for a file (suggesting mikomi-report-DATE.pdf) and writes the report there.
void exportReport(QWidget *parent, storage::Database *db);
// Shows the report in a print preview (print or save from there).
void previewReport(QWidget *parent, storage::Database *db);

} // namespace mikomi::ui::report
