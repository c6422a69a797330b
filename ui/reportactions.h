#pragma once

#include "models/analytics/owners.h"
#include "models/domain/result.h"
#include "ui/reportlayout.h"

#include <QLocale>

#include <memory>

class QWidget;

namespace mikomi {
class LanguageManager;
}
namespace mikomi::storage {
class Database;
}

// File > Export report… and File > Print preview of the report: the same document as
// `mikomi report sources --format pdf`, for the period, model and language chosen.
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
struct ReportRequest;
struct ReportChoice;

// The translators and number formats of `language` ("ja", "en") while it lives, so a report
// can be made in the other language than the window's; the window's come back after. Nothing
// changes when `language` is empty or already the window's.
class ReportLanguage final {
public:
    explicit ReportLanguage(const QString &language);
    ~ReportLanguage();
    ReportLanguage(const ReportLanguage &) = delete;
    ReportLanguage &operator=(const ReportLanguage &) = delete;

private:
    std::unique_ptr<LanguageManager> m_manager;
    QLocale m_previous;
};

// Builds the report `request` asks for (in its language) and writes it as a PDF at `path`.
Status writeReport(storage::Database &db, const ReportRequest &request, const QString &path);
// File > Export Report… and File > Print Preview of the Report…: asks for the period, model,
// growth, language and output (prefilled with `choice`: the Dashboard's window and model), then
// asks for a file (suggesting mikomi-report-DATE.pdf) and writes the report, or previews it.
void exportReport(QWidget *parent, storage::Database *db, const ReportChoice &choice);
// Shows the report of `request` in a print preview (print or save from there); without a
// request, the defaults in the window's language.
void previewReport(QWidget *parent, storage::Database *db);
void previewReport(QWidget *parent, storage::Database *db, const ReportRequest &request);

} // namespace mikomi::ui::report
