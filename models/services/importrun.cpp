#include "models/services/importrun.h"

#include "models/domain/scoring.h"
#include "models/services/exporter.h"
#include "models/services/importmerge.h"
#include "models/storage/bulkwriter.h"
#include "models/storage/countrystore.h"
#include "models/storage/importkeys.h"
#include "models/storage/scoringstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>

#include <utility>

namespace mikomi::services::detail {

Status Run::applySourceCategory(const QString &source, SourceCategory category) {
    const QString key = text::sourceKey(source) + u'|' + categoryKey(category);
    if (source.isEmpty() || m_categoryDone.contains(key))
        return {};
    m_categoryDone.insert(key);
    if (Status st = m_writer->flush(); !st) // before reading and writing the sources
        return st;
    auto id = m_repo.sources().resolve(source, true, category);
    if (!id)
        return Error{id.error()};
    auto src = m_repo.sources().get(*id);
    if (!src)
        return Error{src.error()};
    if (src->category == SourceCategory::Unknown && category != SourceCategory::Unknown)
        return m_repo.sources().setCategory(*id, category);
    return {};
}

Status Run::insertNew(Lead &lead, const storage::LeadKeys &keys, const MatchKeys &matchKeys) {
    // As a lead typed in (services::LeadCreation), through this import's writer.
    if (Status st = m_creation->create(lead, *m_writer, keys); !st)
        return st;
    m_matcher.add(lead.id, matchKeys);
    m_matcher.addExtras(lead.id, lead.extraContacts);
    ++m_s.created;
    return {};
}

// An owner given as an email address (HubSpot's "Contact owner", Zoho's "Lead Owner") is the
// user with that address; one no user has is kept as written (and listed in the summary).
Status Run::resolveOwnerEmail(Lead &lead) {
    if (!lead.owner.contains(u'@'))
        return {};
    const QString key = text::normalizeEmail(lead.owner);
    auto it = m_ownerByEmail.constFind(key);
    if (it == m_ownerByEmail.cend()) {
        auto name = m_repo.users().nameForEmail(key);
        if (!name)
            return Error{name.error()};
        it = m_ownerByEmail.insert(key, *name);
    }
    if (!it->isEmpty())
        lead.owner = *it;
    return {};
}

Status Run::importLead(io::LeadRow row, int line, const QStringList &fields, bool stageGiven,
                       const storage::LeadKeys &keys, const MatchKeys &matchKeys,
                       QHash<qint64, Lead> *prefetched, qint64 found) {
    // The fields the keys come from are not changed below.
    Lead &lead = row.lead;
    if (Status st = resolveOwnerEmail(lead); !st)
        return st;
    if (lead.source.isEmpty())
        lead.source = m_o.defaultSource;
    if (lead.lostAt)
        lead.lost = true; // a lost date says the lead was lost
    if (row.sourceCategory && !lead.source.isEmpty()) {
        if (Status st = applySourceCategory(lead.source, *row.sourceCategory); !st)
            return st;
    }
    // `found`: the batch's look-up ahead, when it still holds.
    const qint64 match =
        found >= 0 && m_matcher.unchangedFor(matchKeys) ? found : m_matcher.find(matchKeys);
    if (match == 0)
        return insertNew(lead, keys, matchKeys);
    if (m_o.onMatch == OnMatch::Skip) {
        ++m_s.skipped;
        return {};
    }
    // The lead may still be in the writer's buffer; what follows reads and writes through the
    // repositories.
    if (Status st = m_writer->flush(); !st)
        return st;
    // A lead read ahead for this row's batch is used once: after a merge the next row that
    // matches it reads it again.
    Result<Lead> existing = prefetched && prefetched->contains(match)
                                ? Result<Lead>(prefetched->take(match))
                                : m_repo.get(match);
    if (!existing)
        return Error{existing.error()};
    const Lead combined = combine(*existing, lead, m_o.onMatch, m_phoneRegion);
    if (!(combined == *existing)) {
        diffLeads(*existing, combined, line, match, m_s.changes);
        if (Status st = m_repo.update(combined); !st)
            return st;
        m_matcher.add(match, MatchKeys::of(storage::LeadKeys::of(combined, m_phoneRegion)), true);
        m_matcher.addExtras(match, combined.extraContacts);
        // Fields the attribute rules look at changed: the score follows (with the lead's
        // activities, so through the store).
        if (scoring::attributePoints(m_scoring, combined) !=
            scoring::attributePoints(m_scoring, *existing)) {
            if (auto sc = storage::ScoringStore(m_db).recompute(match, m_now); !sc)
                return Error{sc.error()};
        }
    }
    // A creation date the file knows and the lead does not: the lead was stored before this
    // file said when it was created (a first export without the column: then the import's time
    // stood in), or another system had it earlier. The earliest known date is the true one.
    if (lead.createdAt.isValid() && existing->createdAt.isValid() &&
        lead.createdAt < existing->createdAt) {
        if (Status st = m_repo.setCreatedAt(match, lead.createdAt); !st)
            return st;
        m_s.changes.append({line, match, io::leadFieldKey(io::LeadField::CreatedAt),
                            dates::toIsoDateTime(existing->createdAt),
                            dates::toIsoDateTime(lead.createdAt)});
    }
    // Update follows the file's stage wherever it goes; merge records a stage that advanced
    // (a newer export of the same leads), never moves one back.
    const bool stageDiffers =
        stageGiven && (lead.stage != existing->stage ||
                       (lead.stage == Stage::Sql && lead.sqlKind != existing->sqlKind));
    const bool follow = m_o.onMatch == OnMatch::Update
                            ? stageDiffers
                            : stageDiffers && !existing->lost && lead.stage > existing->stage;
    if (follow) {
        if (Status st = m_repo.changeStage(match, lead.stage, lead.sqlKind, m_o.user, m_now); !st) {
            reject(line, fields, {io::RowError{line, QString(), st.error()}});
            return {};
        }
        m_s.changes.append({line, match, io::leadFieldKey(io::LeadField::Stage),
                            stageKey(existing->stage), stageKey(lead.stage)});
    }
    if (m_o.onMatch == OnMatch::Update) {
        if (lead.lost && !existing->lost) {
            if (Status st = m_repo.markLost(match, lead.lostReason, m_o.user,
                                            atStartOfDay(lead.lostAt, m_now));
                !st)
                return st;
        }
        ++m_s.updated;
    } else {
        ++m_s.merged;
    }
    return {};
}

Status Run::importSpend(const io::HeaderMap &map, const io::CsvRecord &rec) {
    io::RowOptions ro;
    ro.minorUnitsPerMajor = m_o.minorUnitsPerMajor;
    auto r = io::spendFromRow(map, rec, ro);
    if (!r.ok()) {
        reject(rec.line, rec.fields, r.errors);
        return {};
    }
    SpendRow row = *r.value;
    if (Status st = m_repo.setSpend(row); !st)
        return st;
    auto canonical = m_repo.sources().canonicalName(row.source);
    if (!canonical)
        return canonical.failure();
    const QString key = canonical->value_or(row.source) + u'|' + row.month;
    const auto it = m_spend.constFind(key);
    if (it == m_spend.cend())
        ++m_s.created;
    else if (*it != row.amount)
        ++m_s.updated;
    else
        ++m_s.skipped;
    m_spend.insert(key, row.amount);
    return {};
}

Status Run::loadTouchpointKeys() {
    return storage::forEachTouchpointKey(
        m_db, [&](qint64 lead, const QString &occurredAt, const QString &source) {
            m_touchKeys.insert(QString::number(lead) + u'|' + occurredAt + u'|' + source);
        });
}

Status Run::importTouchpoint(const io::HeaderMap &map, const io::CsvRecord &rec,
                             storage::BulkWriter &writer) {
    auto r = io::touchpointFromRow(map, rec);
    if (!r.ok()) {
        reject(rec.line, rec.fields, r.errors);
        return {};
    }
    io::TouchpointRow row = *r.value;
    if (row.touchpoint.source.isEmpty())
        row.touchpoint.source = m_o.defaultSource;
    const qint64 leadId = m_matcher.byEmail(row.email);
    if (leadId == 0) {
        const int col = map.column(int(io::TouchpointField::Email));
        reject(rec.line, rec.fields,
               {io::RowError{rec.line, col >= 0 ? map.headers.value(col) : QString(),
                             QCoreApplication::translate(
                                 "mikomi::services::Importer",
                                 "No lead has the email address \"%1\"; import the lead first.")
                                 .arg(row.email)}});
        return {};
    }
    auto src = m_repo.sources().resolve(row.touchpoint.source);
    if (!src)
        return Error{src.error()};
    auto canonical = m_repo.sources().canonicalName(row.touchpoint.source);
    if (!canonical)
        return canonical.failure();
    const QString key = QString::number(leadId) + u'|' +
                        dates::toIsoDateTime(row.touchpoint.occurredAt) + u'|' +
                        canonical->value_or(QString());
    if (m_touchKeys.contains(key)) {
        ++m_s.skipped;
        return {};
    }
    m_touchKeys.insert(key);
    if (Status st = writer.insertTouchpoint(leadId, row.touchpoint); !st)
        return st;
    ++m_s.created;
    return {};
}

Status openCsv(const ImportOptions &options, CsvInput &in) {
    in.file.setFileName(options.path);
    if (!in.file.open(QIODevice::ReadOnly))
        return Error{
            QCoreApplication::translate("mikomi::services::Importer", "Cannot open \"%1\": %2")
                .arg(options.path, in.file.errorString())};
    io::CsvReadOptions ro;
    ro.encoding = options.encoding;
    ro.delimiter = options.delimiter;
    io::CsvReader &reader = in.reader.emplace(&in.file, ro);
    if (!reader.next(in.header)) {
        if (!reader.error().isEmpty())
            return Error{reader.error()};
        return Error{QCoreApplication::translate("mikomi::services::Importer",
                                                 "\"%1\" is empty: there is no header row.")
                         .arg(options.path)};
    }
    const QStringList &headers = in.header.fields;
    in.kind = options.kind.value_or(ImportKind(int(io::detectCsvKind(headers))));
    if (options.mapping)
        in.mapping = *options.mapping;
    else if (in.kind == ImportKind::Spend)
        in.mapping = io::mapSpendHeaders(headers);
    else if (in.kind == ImportKind::Touchpoints)
        in.mapping = io::mapTouchpointHeaders(headers);
    else
        in.mapping = io::mapLeadHeaders(headers);
    if (!options.mapping)
        return applyColumnRules(in.mapping, options);
    return {};
}

Status Run::readCsv(storage::BulkWriter &writer) {
    CsvInput in;
    if (Status st = openCsv(m_o, in); !st)
        return st;
    io::CsvReader &reader = *in.reader;
    const qint64 total = in.file.size();
    m_s.encoding = reader.encoding();
    m_s.headers = in.header.fields;
    const ImportKind kind = in.kind;
    m_s.kind = kind;
    const io::HeaderMap &map = in.mapping;
    io::CsvRecord rec;
    if (kind == ImportKind::Touchpoints) {
        if (Status st = loadTouchpointKeys(); !st)
            return st;
    }
    if (kind == ImportKind::Spend) {
        auto rows = m_repo.spend();
        if (!rows)
            return Error{rows.error()};
        for (const SpendRow &r : *rows)
            m_spend.insert(r.source + u'|' + r.month, r.amount);
    }
    io::RowOptions rowOptions;
    rowOptions.minorUnitsPerMajor = m_o.minorUnitsPerMajor;
    rowOptions.phoneRegion = m_phoneRegion;
    rowOptions.dateOrder = m_o.dateOrder;
    if (kind == ImportKind::Leads || kind == ImportKind::VCard)
        return importLeadRows(reader, map, rowOptions, total);
    while (reader.next(rec)) {
        if (cancelled())
            return {};
        ++m_s.rowsRead;
        const QStringList original = rec.fields;
        unneutralise(rec);
        Status st;
        switch (kind) {
        case ImportKind::Spend:
            st = importSpend(map, rec);
            break;
        case ImportKind::Touchpoints:
            st = importTouchpoint(map, rec, writer);
            break;
        case ImportKind::Leads:
        case ImportKind::VCard:
            break; // importLeadRows()
        }
        if (!st)
            return st;
        tick(reader.bytesRead(), total);
    }
    if (!reader.error().isEmpty())
        return Error{reader.error()};
    tick(total, total, true);
    return {};
}

Status Run::createFollowUps() {
    auto created = m_creation->finish([this] { return cancelled(); });
    if (!created)
        return created.failure();
    m_s.followUps += *created;
    return {};
}

Result<ImportSummary> Run::exec() {
    m_s.dryRun = m_o.dryRun;
    // A large file writes many pages: once each with the rollback journal (when this is the
    // file's only connection, as from the command line) instead of twice with WAL.
    std::optional<storage::BulkJournal> journal;
    if (!m_o.dryRun && QFileInfo(m_o.path).size() >= 1024 * 1024)
        journal.emplace(m_db);
    storage::Transaction tx(m_db);
    if (!tx.started())
        return Error{tx.error()};
    m_phoneRegion = m_o.phoneRegion;
    if (m_phoneRegion.isEmpty()) {
        auto region = storage::phoneRegion(m_db);
        if (!region)
            return region.failure();
        m_phoneRegion = *region;
    }
    qint64 existing = 0;
    if (Status st = m_matcher.load(m_db, &existing); !st)
        return Error{st.error()};
    auto scoringRules = storage::ScoringStore(m_db).load();
    if (!scoringRules)
        return Error{scoringRules.error()};
    m_scoring = *scoringRules;
    if (Status st = m_creation->load(); !st)
        return Error{st.error()};
    // Matching runs on the keys loaded above, not on the database's indexes, so a large file
    // (compared with the database) is faster with the indexes and the search index rebuilt once
    // at the end than updated row by row. Inside the transaction: a rollback restores them.
    const qint64 estimatedRows = QFileInfo(m_o.path).size() / 150;
    const bool defer = estimatedRows >= 5000 && estimatedRows * 2 >= existing;
    m_matcher.reserve(qMin<qint64>(estimatedRows, 10'000'000));
    // Buffered: the rows are written many at a time; every other access to the lead tables
    // below flushes the writer first (importLead, the batches' read-ahead, source categories).
    storage::BulkWriter writer(m_db, defer, true);
    writer.overlapWrites(); // on a server: each batch's COPY while the next is gathered
    m_writer = &writer;
    const bool vcard = m_o.kind
                           ? *m_o.kind == ImportKind::VCard
                           : QFileInfo(m_o.path).suffix().compare(u"vcf", Qt::CaseInsensitive) == 0;
    Status st = vcard ? readVCard() : readCsv(writer);
    if (!st)
        return Error{st.error()}; // tx rolls back
    // The keys are not looked at again. Freeing them (a few hundred thousand strings for a large
    // file: a quarter of a second) is left to a pool thread, on the core the reading thread has
    // just let go of, while this one builds the indexes.
    {
        auto keys = std::make_shared<Matcher>(std::exchange(m_matcher, Matcher()));
        QThreadPool::globalInstance()->start([keys = std::move(keys)]() mutable { keys.reset(); });
    }
    if (cancelled()) {
        tx.rollback();
        m_s.cancelled = true;
        return m_s;
    }
    if (Status fin = writer.finish(); !fin)
        return Error{fin.error()};
    if (Status f = createFollowUps(); !f)
        return Error{f.error()};
    if (cancelled()) {
        tx.rollback();
        m_s.cancelled = true;
        return m_s;
    }
    if (m_o.dryRun) {
        tx.rollback();
        return m_s;
    }
    if (Status c = tx.commit(); !c)
        return Error{c.error()};
    return m_s;
}

} // namespace mikomi::services::detail
