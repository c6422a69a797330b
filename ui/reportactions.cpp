#include "ui/reportactions.h"

#include "models/appsettings.h"
#include "models/language.h"
#include "models/services/reportloader.h"
#include "models/storage/database.h"
#include "models/storage/pipelinequery.h"
#include "models/storage/repositories.h"
#include "ui/filedialogs.h"
#include "ui/messagebox.h"
#include "ui/reportbuilder.h"
#include "ui/reportdialog.h"
#include "ui/reportwriter.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>

namespace mikomi::ui::report {
ReportSettings defaultSettings() {
    ReportSettings settings;
    settings.made = QDate::currentDate();
    settings.currency = AppSettings().currency();
    return settings;
}

Result<std::vector<analytics::OwnerFigures>> readOwnerFigures(storage::Database &db) {
    auto users = storage::UserRepository(db).list();
    if (!users)
        return Error{users.error()};
    const storage::PipelineQuery query(db);
    std::vector<analytics::OwnerStageTotals> totals;
    analytics::OwnerStageTotals assigned;
    const auto read = [&](qint64 ownerId, analytics::OwnerStageTotals *out) -> Status {
        storage::PipelineFilter filter;
        filter.ownerId = ownerId;
        auto columns = query.totals(filter);
        if (!columns)
            return Error{columns.error()};
        for (std::size_t c = 0; c < columns->size(); ++c) {
            out->counts[c] = (*columns)[c].count;
            out->values[c] = (*columns)[c].value;
        }
        return {};
    };
    for (const User &u : *users) {
        analytics::OwnerStageTotals t;
        t.owner = u.name;
        t.ownerId = u.id;
        if (Status s = read(u.id, &t); !s)
            return Error{s.error()};
        for (std::size_t c = 0; c < t.counts.size(); ++c) {
            assigned.counts[c] += t.counts[c];
            assigned.values[c] += t.values[c];
        }
        totals.push_back(t);
    }
    analytics::OwnerStageTotals everyone;
    if (Status s = read(0, &everyone); !s)
        return Error{s.error()};
    analytics::OwnerStageTotals unowned; // owner "": the leads nobody owns
    bool any = false;
    for (std::size_t c = 0; c < everyone.counts.size(); ++c) {
        unowned.counts[c] = everyone.counts[c] - assigned.counts[c];
        unowned.values[c] = everyone.values[c] - assigned.values[c];
        any = any || unowned.counts[c] != 0;
    }
    if (any)
        totals.push_back(unowned);
    return analytics::ownerFigures(totals);
}

Result<Document> documentFor(storage::Database &db, ReportSettings settings) {
    auto facts = services::loadFacts(db);
    if (!facts)
        return Error{facts.error()};
    auto owners = readOwnerFigures(db);
    if (!owners)
        return Error{owners.error()};
    settings.databaseName = databaseLabel(db.path());
    settings.owners = *owners;
    return buildReport(*facts, settings);
}

ReportLanguage::ReportLanguage(const QString &language)
    : m_previous(QLocale()) {
    const QString current =
        QLocale().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
    if (language.isEmpty() || language == current)
        return;
    m_manager = std::make_unique<LanguageManager>();
    if (!m_manager->apply(language))
        m_manager.reset();
}

ReportLanguage::~ReportLanguage() {
    if (!m_manager)
        return;
    m_manager.reset(); // removes its translators: the window's speak again
    QLocale::setDefault(m_previous);
}

Status writeReport(storage::Database &db, const ReportRequest &request, const QString &path) {
    const ReportLanguage language(request.language);
    auto doc = documentFor(db, request.settings);
    if (!doc)
        return Error{doc.error()};
    return writePdf(*doc, path);
}

void exportReport(QWidget *parent, storage::Database *db, const ReportChoice &choice) {
    if (!db)
        return;
    ReportDialog dialog(choice, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ReportRequest request = dialog.request();
    if (request.preview) {
        previewReport(parent, db, request);
        return;
    }
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("mikomi-report-%1.pdf")
                          .arg(request.settings.made.toString(Qt::ISODate)));
    const QString path = getSaveFileName(
        parent,
        QCoreApplication::translate("mikomi::ui::report::ReportActions",
                                    "Export the report as PDF"),
        suggested,
        QCoreApplication::translate("mikomi::ui::report::ReportActions", "PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = writeReport(*db, request, path);
    QApplication::restoreOverrideCursor();
    if (!written)
        MessageBox::warning(
            parent,
            QCoreApplication::translate("mikomi::ui::report::ReportActions", "Export report"),
            written.error());
}

void previewReport(QWidget *parent, storage::Database *db) {
    ReportRequest request;
    request.settings = defaultSettings();
    request.preview = true;
    previewReport(parent, db, request);
}

void previewReport(QWidget *parent, storage::Database *db, const ReportRequest &request) {
    if (!db)
        return;
    const ReportLanguage language(request.language);
    auto doc = documentFor(*db, request.settings);
    if (!doc) {
        MessageBox::warning(
            parent,
            QCoreApplication::translate("mikomi::ui::report::ReportActions", "Print preview"),
            doc.error());
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    printer.setDocName(doc->title);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(QCoreApplication::translate("mikomi::ui::report::ReportActions",
                                                      "Print preview of the report"));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&doc](QPrinter *p) {
        QPainter painter(p);
        paint(*doc, painter, *p);
    });
    dialog.exec();
}

} // namespace mikomi::ui::report
