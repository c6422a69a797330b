#include "models/services/importrun.h"

#include "models/services/exporter.h"
#include "models/storage/bulkwriter.h"
#include "models/text/normalize.h"

#include <QScopeGuard>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mikomi::services::detail {

// Leads: a second thread reads and converts the rows (CSV decoding, field parsing and
// normalisation: a fifth of an import) while this one matches and writes them. Rows are handed
// over in file order, in batches; the reader stays at most a few batches ahead and stops after
// its current batch once this side has stopped (an error, a cancel). Only the reader thread touches
// `reader` until it ends.
Status Run::importLeadRows(io::CsvReader &reader, const io::HeaderMap &map,
                           const io::RowOptions &options, qint64 total) {
    struct Parsed {
        int line = 0;
        QStringList original; // as in the file, for the rejected-rows report
        io::RowResult<io::LeadRow> row;
        storage::LeadKeys keys; // of a good row
        MatchKeys match;        // made of `keys`
        qint64 found = -1;      // the lead it matched when its batch was looked up ahead
        bool stageGiven = false;
        qint64 bytes = 0;
    };
    using Batch = std::vector<Parsed>;
    constexpr std::size_t kBatchRows = 256;
    constexpr std::size_t kBatchesAhead = 8;
    const int stageCol = map.column(int(io::LeadField::Stage));
    // Written by the reader thread, read here once it has finished.
    QList<qint64> columnValues(map.headers.size(), 0);
    QSet<QString> ownerEmails;
    int footerLine = 0;
    int footerLines = 0;
    QString footerText;
    int orderLine = 0;
    QString orderValue;
    std::optional<dates::DateOrder> finalOrder;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> ready;
    std::deque<Batch> spent; // imported, freed by the reader thread (which made their strings)
    bool finished = false;   // the reader has handed over everything it will
    bool stop = false;       // this side wants no more
    QString readError;

    std::thread parser([&] {
        const auto handOver = [&](Batch &&batch) {
            std::deque<Batch> done;
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return stop || ready.size() < kBatchesAhead; });
            done.swap(spent);
            if (stop)
                return false;
            ready.push_back(std::move(batch));
            changed.notify_all();
            lock.unlock();
            done.clear(); // outside the lock
            return true;
        };
        io::CsvRecord rec;
        Batch batch;
        batch.reserve(kBatchRows);
        bool going = true;
        io::RowOptions rowOptions = options;
        const bool detectOrder = !options.dateOrder.has_value();
        std::deque<io::CsvRecord> undecided; // rows waiting for the file's date order
        std::deque<io::CsvRecord> singles;   // one-cell records: data, or a report footer
        bool inFooter = false;
        const auto parse = [&](io::CsvRecord &&r) {
            Parsed p;
            p.line = r.line;
            p.original = r.fields;
            unneutralise(r);
            for (int i = 0; i < r.fields.size() && i < columnValues.size(); ++i)
                if (!QStringView(r.fields.at(i)).trimmed().isEmpty())
                    ++columnValues[i];
            p.row = io::leadFromRow(map, r, rowOptions);
            // The extra emails and numbers of Mikomi's own CSV export (email2, phone2, fax…) in
            // columns no field claims.
            if (p.row.value)
                p.row.errors << readContactColumns(map, r, p.row.value->lead, m_phoneRegion);
            if (p.row.ok()) {
                p.keys = storage::LeadKeys::of(p.row.value->lead, rowOptions.phoneRegion);
                p.match = MatchKeys::of(p.keys);
                const QString &owner = p.row.value->lead.owner;
                if (owner.contains(u'@') && text::isValidEmail(owner))
                    ownerEmails.insert(owner);
            }
            p.stageGiven = stageCol >= 0 && stageCol < r.fields.size() &&
                           !QStringView(r.fields.at(stageCol)).trimmed().isEmpty();
            p.bytes = reader.bytesRead();
            batch.push_back(std::move(p));
            if (batch.size() >= kBatchRows) {
                going = handOver(std::move(batch));
                batch = Batch();
                batch.reserve(kBatchRows); // a row is large: moved once, not at every growth
            }
        };
        const auto flushUndecided = [&] {
            while (going && !undecided.empty()) {
                parse(std::move(undecided.front()));
                undecided.pop_front();
            }
        };
        // A data row: parsed now, or held while the file's date order is not known yet and
        // this row (or an earlier held one) has a year-last date.
        const auto deliver = [&](io::CsvRecord &&r) {
            if (detectOrder && !rowOptions.dateOrder) {
                bool ambiguous = false;
                for (const auto &[column, evidence] : io::dateEvidence(map, r)) {
                    if (evidence == dates::DateOrderEvidence::Mdy ||
                        evidence == dates::DateOrderEvidence::Dmy) {
                        rowOptions.dateOrder = evidence == dates::DateOrderEvidence::Mdy
                                                   ? dates::DateOrder::Mdy
                                                   : dates::DateOrder::Dmy;
                        orderLine = r.line;
                        orderValue = r.fields.value(column).trimmed();
                        break;
                    }
                    if (evidence == dates::DateOrderEvidence::Ambiguous)
                        ambiguous = true;
                }
                if (!rowOptions.dateOrder && (ambiguous || !undecided.empty())) {
                    undecided.push_back(std::move(r));
                    return;
                }
                flushUndecided();
            }
            if (going)
                parse(std::move(r));
        };
        const qsizetype columns = map.headers.size();
        while (going && reader.next(rec)) {
            if (inFooter) {
                ++footerLines;
                continue;
            }
            if (columns > 1 && rec.fields.size() == 1) {
                const bool marker = isReportFooterMarker(rec);
                singles.push_back(std::move(rec));
                rec = io::CsvRecord();
                if (marker) {
                    // A Salesforce report's footer: the title or totals before the marker and
                    // everything after it are not data.
                    inFooter = true;
                    footerLine = singles.front().line;
                    footerText = singles.front().fields.value(0).trimmed();
                    footerLines = int(singles.size());
                    singles.clear();
                }
                continue;
            }
            while (!singles.empty()) {
                deliver(std::move(singles.front()));
                singles.pop_front();
            }
            deliver(std::move(rec));
            rec = io::CsvRecord();
        }
        while (going && !singles.empty()) {
            deliver(std::move(singles.front()));
            singles.pop_front();
        }
        flushUndecided(); // still undecided: their ambiguous dates are row errors
        if (going && !batch.empty())
            handOver(std::move(batch));
        finalOrder = rowOptions.dateOrder;
        const std::lock_guard lock(mutex);
        readError = reader.error();
        finished = true;
        changed.notify_all();
    });
    const auto joinParser = qScopeGuard([&] {
        {
            const std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        parser.join();
    });

    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !ready.empty() || finished; });
            if (ready.empty())
                break; // everything read and imported
            batch = std::move(ready.front());
            ready.pop_front();
            changed.notify_all();
        }
        // The leads this batch's rows match now, read with one query: a query per matching row
        // was half the time of a re-import.
        QHash<qint64, Lead> prefetched;
        if (m_o.onMatch != OnMatch::Skip) {
            QList<qint64> ids;
            QSet<qint64> seen;
            m_matcher.startBatch();
            for (Parsed &p : batch) {
                if (!p.row.ok())
                    continue;
                const qint64 id = m_matcher.find(p.match);
                p.found = id;
                if (id != 0 && !seen.contains(id)) {
                    seen.insert(id);
                    ids << id;
                }
            }
            if (!ids.isEmpty()) {
                if (Status st = m_writer->flush(); !st)
                    return st;
                const Status read = m_repo.forEach(ids, [&prefetched](Lead &&l) {
                    const qint64 id = l.id;
                    prefetched.insert(id, std::move(l));
                    return true;
                });
                if (!read)
                    prefetched.clear(); // each row reads its lead itself
            }
        }
        for (Parsed &p : batch) {
            if (cancelled())
                return {};
            ++m_s.rowsRead;
            if (!p.row.ok()) {
                reject(p.line, p.original, std::move(p.row.errors));
            } else if (Status st = importLead(std::move(*p.row.value), p.line, p.original,
                                              p.stageGiven, p.keys, p.match, &prefetched, p.found);
                       !st) {
                return st;
            }
            tick(p.bytes, total);
        }
        const std::lock_guard lock(mutex);
        spent.push_back(std::move(batch));
    }
    if (!readError.isEmpty())
        return Error{readError};
    {
        const std::lock_guard lock(mutex);
        for (int c = 0; c < map.headers.size(); ++c) {
            const ImportSummary::Column col{map.headers.at(c), columnValues.value(c)};
            if (map.columnField.value(c, -1) >= 0)
                continue;
            const io::ColumnRole role = map.role(c);
            if (role == io::ColumnRole::None)
                m_s.notImported.append(col);
            else if (role == io::ColumnRole::Note)
                m_s.keptInNotes.append(col);
            else if (role == io::ColumnRole::Custom)
                m_s.keptInCustom.append({map.columnCustomName.value(c), col});
        }
        m_s.footerLine = footerLine;
        m_s.footerLines = footerLines;
        m_s.footerText = footerText;
        m_s.dateOrder = finalOrder;
        m_s.dateOrderDetected = !m_o.dateOrder && finalOrder.has_value();
        m_s.dateOrderLine = orderLine;
        m_s.dateOrderValue = orderValue;
        // Those a user has were assigned to that user; the others are listed.
        for (const QString &owner : std::as_const(ownerEmails))
            if (m_ownerByEmail.value(text::normalizeEmail(owner)).isEmpty())
                m_s.ownerEmails << owner;
        m_s.ownerEmails.sort();
    }
    tick(total, total, true);
    return {};
}

} // namespace mikomi::services::detail
