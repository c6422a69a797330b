#pragma once

// Internal to the import pipeline: one run of runImport() (importer.h). Its parts:
// importrun.cpp (the transaction, matching a row and writing it, spend and touchpoint rows),
// importleadrows.cpp (the reading thread and the write loop of lead rows), importvcard.cpp
// (business cards); importmatcher.h and importmerge.* hold the matching and merging rules.

#include "models/domain/scoring.h"
#include "models/services/importer.h"
#include "models/services/importmatcher.h"
#include "models/services/leadcreation.h"
#include "models/storage/repositories.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <memory>
#include <optional>

namespace mikomi::storage {
class BulkWriter;
}

namespace mikomi::services::detail {

// Undoes the export's formula neutralisation (io::csvField): "'=SUM(1)" → "=SUM(1)", "'+81 3…" →
// "+81 3…", so a file Mikomi wrote imports back to the same data.
void unneutralise(io::CsvRecord &rec);

// An import's CSV file, opened by openCsv(): the reader (the options' encoding and delimiter, else
// detected) positioned after the header row, the kind (given, else from the headers) and the
// header mapping (given, else automatic with the --map rules applied). Used by analyseImport()
// and Run::readCsv(), so the preview and the import read a file the same way.
struct CsvInput {
    QFile file;
    std::optional<io::CsvReader> reader;
    io::CsvRecord header;
    ImportKind kind = ImportKind::Leads;
    io::HeaderMap mapping;
};
// An error when the file cannot be opened or read, has no header row, or a --map rule does not
// fit its headers.
Status openCsv(const ImportOptions &options, CsvInput &in);

// One import: the transaction, the file read row by row, each row matched and written.
class Run final {
public:
    Run(storage::Database &db, const ImportOptions &o, const ImportProgress &progress,
        const std::atomic<bool> *cancel)
        : m_db(db)
        , m_o(o)
        , m_progress(progress)
        , m_cancel(cancel)
        , m_repo(db) {
        m_now = o.now.isValid() ? o.now : QDateTime::currentDateTime();
        m_creation = std::make_unique<LeadCreation>(
            db, LeadCreation::Options{o.user, m_now, o.followUpDays});
    }

    Result<ImportSummary> exec();

private:
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void tick(qint64 bytes, qint64 total, bool force = false) {
        if (m_progress && (force || m_s.rowsRead % 100 == 0))
            m_progress(m_s.rowsRead, bytes, total);
    }
    void reject(int line, const QStringList &fields, QList<io::RowError> errors) {
        ++m_s.rejected;
        m_s.errors += errors;
        m_s.rejectedRows.append(RejectedRow{line, fields, std::move(errors)});
    }
    // `prefetched`: leads read ahead for the current batch (taken out when used).
    Status importLead(io::LeadRow row, int line, const QStringList &fields, bool stageGiven,
                      const storage::LeadKeys &keys, const MatchKeys &match,
                      QHash<qint64, Lead> *prefetched = nullptr, qint64 found = -1);
    Status insertNew(Lead &lead, const storage::LeadKeys &keys, const MatchKeys &match);
    Status resolveOwnerEmail(Lead &lead);
    Status applySourceCategory(const QString &source, SourceCategory category);
    Status readCsv(storage::BulkWriter &writer);
    Status importLeadRows(io::CsvReader &reader, const io::HeaderMap &map,
                          const io::RowOptions &options, qint64 total);
    Status readVCard();
    Status importSpend(const io::HeaderMap &map, const io::CsvRecord &rec);
    Status importTouchpoint(const io::HeaderMap &map, const io::CsvRecord &rec,
                            storage::BulkWriter &writer);
    Status loadTouchpointKeys();
    Status createFollowUps();

    storage::Database &m_db;
    const ImportOptions &m_o;
    const ImportProgress &m_progress;
    const std::atomic<bool> *m_cancel;
    storage::LeadRepository m_repo;
    std::unique_ptr<LeadCreation> m_creation; // owner, score, history, first follow-up
    scoring::Rules m_scoring;
    storage::BulkWriter *m_writer = nullptr;
    Matcher m_matcher;
    QDateTime m_now;
    ImportSummary m_s;
    QString m_phoneRegion; // of numbers without a country code: the options', else the database's
    QSet<QString> m_categoryDone;
    QSet<QString> m_touchKeys;     // lead|time|source of touchpoints already stored
    QHash<QString, Money> m_spend; // canonical source|month → amount
    // Owners given as email addresses: the folded address → the name of the user who has it
    // ("" = nobody).
    QHash<QString, QString> m_ownerByEmail;
};

} // namespace mikomi::services::detail
