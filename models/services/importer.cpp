#include "models/services/importer.h"

#include "models/domain/dates.h"
#include "models/domain/scoring.h"
#include "models/domain/textcheck.h"
#include "models/io/vcard.h"
#include "models/services/exporter.h"
#include "models/services/leadcreation.h"
#include "models/storage/bulkwriter.h"
#include "models/storage/countrystore.h"
#include "models/storage/importkeys.h"
#include "models/storage/leadcontacts.h"
#include "models/storage/leadcustomfields.h"
#include "models/storage/leadkeys.h"
#include "models/storage/livefiles.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mikomi::services {
namespace {

// The hash keys a row is matched on, made once (for a CSV row on the reading thread): the matcher
// looks a row up twice (the batch's read-ahead, then the row itself) and adds it once.
struct MatchKeys {
    QString email;
    QString phone;         // phone key + U+001F + family key; "" without a number
    QString mobile;        // the same with the mobile number
    QString companyPerson; // company key + U+001F + person key; "" when both are empty

    static MatchKeys make(const QString &email, const QString &phone, const QString &mobile,
                          const QString &company, const QString &person, const QString &family) {
        MatchKeys m;
        m.email = email;
        if (!phone.isEmpty())
            m.phone = phone + u'\x1f' + family;
        if (!mobile.isEmpty())
            m.mobile = mobile + u'\x1f' + family;
        if (!company.isEmpty() || !person.isEmpty())
            m.companyPerson = company + u'\x1f' + person;
        return m;
    }
    static MatchKeys of(const storage::LeadKeys &k) {
        return make(k.email, k.phone, k.mobile, k.company, k.person, k.family);
    }
};

// Keys of the leads already in the database (and created by this import), for matching.
class Matcher final {
public:
    Status load(const storage::Database &db, qint64 *count) {
        if (Status st = storage::forEachLeadKeys(
                db,
                [&](storage::StoredLeadKeys &&k) {
                    ++*count;
                    add(k.id, MatchKeys::make(k.email, k.phone, k.mobile, k.company, k.person,
                                              familyKey(k.familyName)));
                });
            !st)
            return st;
        // A lead's extra emails name it too (after every lead's own email, which wins).
        return storage::forEachExtraEmailKey(
            db, [&](qint64 id, const QString &key) { addExtraEmail(id, key); });
    }

    // Room for `n` more leads (a large file: no rehashing as it goes).
    void reserve(qsizetype n) {
        m_email.reserve(m_email.size() + n);
        m_emailOf.reserve(m_emailOf.size() + n);
        m_phoneFamily.reserve(m_phoneFamily.size() + n);
        m_companyPerson.reserve(m_companyPerson.size() + n);
    }

    void addExtras(qint64 id, const QList<ContactPoint> &contacts) {
        for (const ContactPoint &c : contacts) {
            if (c.kind == ContactKind::Email)
                addExtraEmail(id, storage::contactKey(c, QString())); // an email: no region
        }
    }

    // The lead a row with these keys means, or 0.
    qint64 find(const MatchKeys &k) const {
        if (!k.email.isEmpty()) {
            if (const qint64 id = m_email.value(k.email))
                return id;
        }
        // Without an email match, another key may only name a lead without a different email.
        const auto compatible = [&](qint64 id) {
            return id != 0 && (k.email.isEmpty() || m_emailOf.value(id).isEmpty());
        };
        for (const QString *p : {&k.phone, &k.mobile}) {
            if (p->isEmpty())
                continue;
            const qint64 id = m_phoneFamily.value(*p);
            if (compatible(id))
                return id;
        }
        // Company + person; with no company, the person alone (a card with just a name).
        if (!k.companyPerson.isEmpty()) {
            const qint64 id = m_companyPerson.value(k.companyPerson);
            if (compatible(id))
                return id;
        }
        return 0;
    }

    // A batch of rows is looked up ahead (to read the leads they match at once). A row's answer
    // then still holds unless a row before it in the batch added one of its keys, or changed an
    // existing lead's keys (a merge): from startBatch() on, the matcher records both.
    void startBatch() {
        m_batchKeys.clear();
        m_batchChanged = false;
        m_recording = true;
    }
    bool unchangedFor(const MatchKeys &k) const {
        if (m_batchChanged)
            return false;
        for (const QString *key : {&k.email, &k.phone, &k.mobile, &k.companyPerson}) {
            if (!key->isEmpty() && m_batchKeys.contains(*key))
                return false;
        }
        return true;
    }

    // `existing`: the keys of a lead stored before (a merge changed them), not a new one.
    void add(qint64 id, const MatchKeys &k, bool existing = false) {
        if (m_recording) {
            m_batchChanged = m_batchChanged || existing;
            for (const QString *key : {&k.email, &k.phone, &k.mobile, &k.companyPerson}) {
                if (!key->isEmpty())
                    m_batchKeys.insert(*key);
            }
        }
        if (!k.email.isEmpty()) {
            m_email.insert(k.email, id);
            m_emailOf.insert(id, k.email);
        }
        for (const QString *p : {&k.phone, &k.mobile}) {
            if (!p->isEmpty())
                m_phoneFamily.insert(*p, id);
        }
        if (!k.companyPerson.isEmpty())
            m_companyPerson.insert(k.companyPerson, id);
    }

    qint64 byEmail(const QString &email) const {
        return m_email.value(text::normalizeEmail(email));
    }

private:
    static QString familyKey(const QString &family) { return text::personKey(family, QString()); }

    void addExtraEmail(qint64 id, const QString &key) {
        if (!key.isEmpty() && !m_email.contains(key)) {
            m_email.insert(key, id);
            if (m_recording)
                m_batchKeys.insert(key);
        }
    }

    QHash<QString, qint64> m_email, m_phoneFamily, m_companyPerson;
    QHash<qint64, QString> m_emailOf;
    QSet<QString> m_batchKeys; // keys added since startBatch()
    bool m_batchChanged = false;
    bool m_recording = false;
};

// Fills the empty fields of `into` from `from` (merge) or overwrites with `from`'s non-empty
// values (update). Stage fields are left to the caller.
Lead combine(const Lead &existing, const Lead &row, OnMatch mode, const QString &phoneRegion) {
    Lead out = existing;
    const bool overwrite = mode == OnMatch::Update;
    const auto take = [&](QString &dst, const QString &src) {
        if (!src.isEmpty() && (overwrite || dst.isEmpty()))
            dst = src;
    };
    take(out.company, row.company);
    take(out.companyReading, row.companyReading);
    take(out.department, row.department);
    take(out.title, row.title);
    take(out.familyName, row.familyName);
    take(out.givenName, row.givenName);
    take(out.familyReading, row.familyReading);
    take(out.givenReading, row.givenReading);
    take(out.email, row.email);
    take(out.phone, row.phone);
    take(out.mobile, row.mobile);
    take(out.postalCode, row.postalCode);
    take(out.prefecture, row.prefecture);
    take(out.city, row.city);
    take(out.street, row.street);
    take(out.building, row.building);
    take(out.country, row.country);
    take(out.website, row.website);
    take(out.owner, row.owner);
    take(out.source, row.source);
    take(out.notes, row.notes);
    take(out.lostReason, row.lostReason);
    const auto takeOpt = [&](auto &dst, const auto &src) {
        if (src && (overwrite || !dst))
            dst = src;
    };
    takeOpt(out.dealValue, row.dealValue);
    takeOpt(out.lifetimeValue, row.lifetimeValue);
    takeOpt(out.wonAt, row.wonAt);
    takeOpt(out.lostAt, row.lostAt);
    // Consent: date and basis travel together (a new opt-in date with its basis).
    if (row.consentBasis != ConsentBasis::None &&
        (overwrite || out.consentBasis == ConsentBasis::None))
        out.consentBasis = row.consentBasis;
    takeOpt(out.consentAt, row.consentAt);
    // Nothing the row says about reaching the person is dropped, in every mode: its email and
    // numbers that did not land in a field (the lead has others), and its extras, join the lead's
    // extras; so do the lead's own ones an update replaced. Each once, compared by normalised key
    // (storage::addContacts), never replaced.
    QList<ContactPoint> more;
    const auto keep = [&more](ContactKind kind, const QString &value) {
        if (!value.isEmpty())
            more << ContactPoint{kind, value, QString()};
    };
    keep(ContactKind::Email, row.email);
    keep(ContactKind::Phone, row.phone);
    keep(ContactKind::Mobile, row.mobile);
    more << row.extraContacts;
    if (overwrite) {
        keep(ContactKind::Email, existing.email);
        keep(ContactKind::Phone, existing.phone);
        keep(ContactKind::Mobile, existing.mobile);
    }
    storage::addContacts(out, more, phoneRegion);
    storage::addCustomFields(out, row.customFields,
                             overwrite ? storage::CustomFieldMerge::Overwrite
                                       : storage::CustomFieldMerge::Keep);
    if (row.optOut)
        out.optOut = true; // an opt-out is never undone by an import
    out.anonymous = out.familyName.isEmpty() && out.givenName.isEmpty() && out.email.isEmpty() &&
                    out.phone.isEmpty() && out.mobile.isEmpty();
    return out;
}

QDateTime atStartOfDay(const std::optional<QDate> &d, const QDateTime &fallback) {
    return d ? d->startOfDay() : fallback;
}

// Undoes the export's formula neutralisation (io::csvField): "'=SUM(1)" → "=SUM(1)", "'+81 3…" →
// "+81 3…", so a file Mikomi wrote imports back to the same data.
void unneutralise(io::CsvRecord &rec) {
    for (QString &f : rec.fields) {
        if (f.size() >= 2 && f.at(0) == u'\'' && io::startsLikeFormula(f.mid(1)))
            f.remove(0, 1);
    }
}

io::RowError vcardWarning(const io::VCardWarning &w) {
    return io::RowError{w.line, QString(), w.message};
}

// The vCard property a lead field comes from, as the "column" of a card's error.
QString vcardProperty(const QString &key) {
    static const QHash<QString, QString> names{
        {QStringLiteral("company"), QStringLiteral("ORG")},
        {QStringLiteral("department"), QStringLiteral("ORG")},
        {QStringLiteral("title"), QStringLiteral("TITLE")},
        {QStringLiteral("familyName"), QStringLiteral("N")},
        {QStringLiteral("givenName"), QStringLiteral("N")},
        {QStringLiteral("email"), QStringLiteral("EMAIL")},
        {QStringLiteral("phone"), QStringLiteral("TEL")},
        {QStringLiteral("mobile"), QStringLiteral("TEL")},
        {QStringLiteral("street"), QStringLiteral("ADR")},
        {QStringLiteral("building"), QStringLiteral("ADR")},
        {QStringLiteral("city"), QStringLiteral("ADR")},
        {QStringLiteral("prefecture"), QStringLiteral("ADR")},
        {QStringLiteral("postalCode"), QStringLiteral("ADR")},
        {QStringLiteral("country"), QStringLiteral("ADR")},
        {QStringLiteral("website"), QStringLiteral("URL")},
        {QStringLiteral("notes"), QStringLiteral("NOTE")},
    };
    return names.value(key, key);
}

// The checks of io::leadFromRow for a card: text in a wrong character set, control characters,
// invalid email and phone numbers. Each error names the line and property it comes from.
QList<io::RowError> cardErrors(const io::VCardEntry &card, const QString &phoneRegion) {
    QList<io::RowError> out;
    for (const io::VCardWarning &e : card.errors)
        out.append(io::RowError{e.line, QString(), e.message});
    const auto add = [&](const QString &key, const QString &reason) {
        out.append(io::RowError{card.lines.value(key, card.line), vcardProperty(key), reason});
    };
    for (const LeadTextField &f : leadTextFields(card.lead)) {
        if (const qsizetype i = forbiddenCharacter(f.value, f.multiLine); i >= 0)
            add(QString::fromLatin1(f.key), forbiddenCharacterMessage(f.value, i));
    }
    const Lead &l = card.lead;
    if (!l.email.isEmpty() && !text::isValidEmail(l.email))
        add(QStringLiteral("email"),
            QCoreApplication::translate("mikomi::services::Importer",
                                        "\"%1\" is not a valid email address.")
                .arg(l.email));
    for (const auto &[key, value] : {std::pair{QStringLiteral("phone"), l.phone},
                                     std::pair{QStringLiteral("mobile"), l.mobile}}) {
        if (const QString e = text::phoneError(value, phoneRegion); !e.isEmpty())
            add(key, e);
    }
    return out;
}

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

// The fields of `before` that `after` changed, as the summary lists them.
void diffLeads(const Lead &before, const Lead &after, int line, qint64 id,
               QList<FieldChange> &out) {
    using F = io::LeadField;
    const auto cmp = [&](F f, const QString &a, const QString &b) {
        if (a != b)
            out.append({line, id, io::leadFieldKey(f), a, b});
    };
    const auto money = [](const std::optional<Money> &m) {
        return m ? QString::number(*m) : QString();
    };
    const auto day = [](const std::optional<QDate> &d) {
        return d ? d->toString(Qt::ISODate) : QString();
    };
    cmp(F::Company, before.company, after.company);
    cmp(F::CompanyReading, before.companyReading, after.companyReading);
    cmp(F::Department, before.department, after.department);
    cmp(F::Title, before.title, after.title);
    cmp(F::FamilyName, before.familyName, after.familyName);
    cmp(F::GivenName, before.givenName, after.givenName);
    cmp(F::FamilyReading, before.familyReading, after.familyReading);
    cmp(F::GivenReading, before.givenReading, after.givenReading);
    cmp(F::Email, before.email, after.email);
    cmp(F::Phone, before.phone, after.phone);
    cmp(F::Mobile, before.mobile, after.mobile);
    cmp(F::PostalCode, before.postalCode, after.postalCode);
    cmp(F::Prefecture, before.prefecture, after.prefecture);
    cmp(F::City, before.city, after.city);
    cmp(F::Street, before.street, after.street);
    cmp(F::Building, before.building, after.building);
    cmp(F::Country, before.country, after.country);
    cmp(F::Website, before.website, after.website);
    cmp(F::Owner, before.owner, after.owner);
    cmp(F::Source, before.source, after.source);
    cmp(F::Notes, before.notes, after.notes);
    cmp(F::LostReason, before.lostReason, after.lostReason);
    cmp(F::DealValue, money(before.dealValue), money(after.dealValue));
    cmp(F::LifetimeValue, money(before.lifetimeValue), money(after.lifetimeValue));
    cmp(F::WonAt, day(before.wonAt), day(after.wonAt));
    cmp(F::LostAt, day(before.lostAt), day(after.lostAt));
    cmp(F::OptOut, before.optOut ? QStringLiteral("yes") : QStringLiteral("no"),
        after.optOut ? QStringLiteral("yes") : QStringLiteral("no"));
    cmp(F::ConsentDate, day(before.consentAt), day(after.consentAt));
    cmp(F::ConsentBasis, consentBasisKey(before.consentBasis), consentBasisKey(after.consentBasis));
    for (const CustomField &f : after.customFields) {
        QString was;
        for (const CustomField &b : before.customFields)
            if (b.name == f.name)
                was = b.value;
        if (was != f.value)
            out.append({line, id, io::customColumnHeader(f.name), was, f.value});
    }
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
    const QString key =
        m_repo.sources().canonicalName(row.source).value_or(row.source) + u'|' + row.month;
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
    const QString canonical =
        m_repo.sources().canonicalName(row.touchpoint.source).value_or(QString());
    const QString key = QString::number(leadId) + u'|' +
                        dates::toIsoDateTime(row.touchpoint.occurredAt) + u'|' + canonical;
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

Status Run::readCsv(storage::BulkWriter &writer) {
    QFile file(m_o.path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QCoreApplication::translate("mikomi::services::Importer", "Cannot open \"%1\": %2")
                .arg(m_o.path, file.errorString())};
    const qint64 total = file.size();
    io::CsvReadOptions ro;
    ro.encoding = m_o.encoding;
    ro.delimiter = m_o.delimiter;
    io::CsvReader reader(&file, ro);
    io::CsvRecord rec;
    if (!reader.next(rec)) {
        if (!reader.error().isEmpty())
            return Error{reader.error()};
        return Error{QCoreApplication::translate("mikomi::services::Importer",
                                                 "\"%1\" is empty: there is no header row.")
                         .arg(m_o.path)};
    }
    m_s.encoding = reader.encoding();
    m_s.headers = rec.fields;
    ImportKind kind = m_o.kind.value_or(ImportKind::Leads);
    if (!m_o.kind)
        kind = ImportKind(int(io::detectCsvKind(rec.fields)));
    m_s.kind = kind;
    io::HeaderMap map;
    if (m_o.mapping)
        map = *m_o.mapping;
    else if (kind == ImportKind::Spend)
        map = io::mapSpendHeaders(rec.fields);
    else if (kind == ImportKind::Touchpoints)
        map = io::mapTouchpointHeaders(rec.fields);
    else
        map = io::mapLeadHeaders(rec.fields);
    if (!m_o.mapping) {
        if (Status st = applyColumnRules(map, m_o); !st)
            return st;
    }
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
                if (!r.fields.at(i).trimmed().isEmpty())
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
            p.stageGiven = stageCol >= 0 && !r.fields.value(stageCol).trimmed().isEmpty();
            p.bytes = reader.bytesRead();
            batch.push_back(std::move(p));
            if (batch.size() >= kBatchRows) {
                going = handOver(std::move(batch));
                batch = Batch();
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

Status Run::readVCard() {
    auto read = io::readVCardFile(m_o.path);
    if (!read)
        return Error{read.error()};
    m_s.kind = ImportKind::VCard;
    for (const io::VCardWarning &w : read->warnings)
        m_s.warnings.append(vcardWarning(w));
    const qint64 total = read->cards.size();
    for (const io::VCardEntry &card : read->cards) {
        if (cancelled())
            return {};
        ++m_s.rowsRead;
        for (const io::VCardWarning &w : card.warnings)
            m_s.warnings.append(vcardWarning(w));
        const Lead &l = card.lead;
        if (QList<io::RowError> errors = cardErrors(card, m_phoneRegion); !errors.isEmpty()) {
            reject(card.line, {}, std::move(errors));
            continue;
        }
        if (l.company.isEmpty() && l.familyName.isEmpty() && l.givenName.isEmpty() &&
            l.email.isEmpty() && l.phone.isEmpty() && l.mobile.isEmpty()) {
            reject(card.line, {},
                   {io::RowError{card.line, QString(),
                                 QCoreApplication::translate(
                                     "mikomi::services::Importer",
                                     "Card %1 has no name, company, email address or phone number.")
                                     .arg(m_s.rowsRead)}});
            continue;
        }
        io::LeadRow row;
        row.lead = l;
        row.lead.anonymous = l.familyName.isEmpty() && l.givenName.isEmpty() && l.email.isEmpty() &&
                             l.phone.isEmpty() && l.mobile.isEmpty();
        const storage::LeadKeys keys = storage::LeadKeys::of(row.lead, m_phoneRegion);
        if (Status st = importLead(std::move(row), 0, {}, false, keys, MatchKeys::of(keys)); !st)
            return st;
        tick(m_s.rowsRead, total);
    }
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
    m_writer = &writer;
    const bool vcard = m_o.kind
                           ? *m_o.kind == ImportKind::VCard
                           : QFileInfo(m_o.path).suffix().compare(u"vcf", Qt::CaseInsensitive) == 0;
    Status st = vcard ? readVCard() : readCsv(writer);
    if (!st)
        return Error{st.error()}; // tx rolls back
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

} // namespace

QString importKindKey(ImportKind k) {
    switch (k) {
    case ImportKind::Leads:
        return QStringLiteral("leads");
    case ImportKind::Spend:
        return QStringLiteral("spend");
    case ImportKind::Touchpoints:
        return QStringLiteral("touchpoints");
    case ImportKind::VCard:
        return QStringLiteral("vcard");
    }
    return {};
}

std::optional<ImportKind> importKindFromKey(const QString &key) {
    for (ImportKind k :
         {ImportKind::Leads, ImportKind::Spend, ImportKind::Touchpoints, ImportKind::VCard}) {
        if (importKindKey(k) == key.trimmed().toLower())
            return k;
    }
    return std::nullopt;
}

QString importKindLabel(ImportKind k) {
    switch (k) {
    case ImportKind::Leads:
        return QCoreApplication::translate("mikomi::services::Importer", "Leads");
    case ImportKind::Spend:
        return QCoreApplication::translate("mikomi::services::Importer",
                                           "Spend per source and month");
    case ImportKind::Touchpoints:
        return QCoreApplication::translate("mikomi::services::Importer", "Touchpoints");
    case ImportKind::VCard:
        return QCoreApplication::translate("mikomi::services::Importer", "Business cards (vCard)");
    }
    return {};
}

QString onMatchKey(OnMatch m) {
    switch (m) {
    case OnMatch::Merge:
        return QStringLiteral("merge");
    case OnMatch::Skip:
        return QStringLiteral("skip");
    case OnMatch::Update:
        return QStringLiteral("update");
    }
    return {};
}

std::optional<OnMatch> onMatchFromKey(const QString &key) {
    for (OnMatch m : {OnMatch::Merge, OnMatch::Skip, OnMatch::Update}) {
        if (onMatchKey(m) == key.trimmed().toLower())
            return m;
    }
    return std::nullopt;
}

int fieldCount(ImportKind kind) {
    switch (kind) {
    case ImportKind::Spend:
        return io::SpendFieldCount;
    case ImportKind::Touchpoints:
        return io::TouchpointFieldCount;
    case ImportKind::Leads:
    case ImportKind::VCard:
        break;
    }
    return io::LeadFieldCount;
}

QStringList fieldLabels(ImportKind kind) {
    QStringList out;
    for (int f = 0; f < fieldCount(kind); ++f) {
        if (kind == ImportKind::Spend)
            out << io::spendFieldLabel(io::SpendField(f));
        else if (kind == ImportKind::Touchpoints)
            out << io::touchpointFieldLabel(io::TouchpointField(f));
        else
            out << io::leadFieldLabel(io::LeadField(f));
    }
    return out;
}

Result<ImportAnalysis> analyseImport(const ImportOptions &options, int previewRows) {
    // Reading an open database would drop its locks (see storage/livefiles.h).
    if (Status live = storage::LiveFiles::refuseLiveDatabase(options.path); !live)
        return live.failure();
    ImportAnalysis a;
    QFileInfo info(options.path);
    a.fileSize = info.size();
    const bool vcard = options.kind ? *options.kind == ImportKind::VCard
                                    : info.suffix().compare(u"vcf", Qt::CaseInsensitive) == 0;
    if (vcard) {
        auto read = io::readVCardFile(options.path);
        if (!read)
            return Error{read.error()};
        a.kind = ImportKind::VCard;
        for (const io::VCardEntry &c : read->cards) {
            if (a.previewLeads.size() >= previewRows)
                break;
            a.previewLeads.append(c.lead);
        }
        a.cardCount = read->cards.size();
        return a;
    }
    QFile file(options.path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            QCoreApplication::translate("mikomi::services::Importer", "Cannot open \"%1\": %2")
                .arg(options.path, file.errorString())};
    io::CsvReadOptions ro;
    ro.encoding = options.encoding;
    ro.delimiter = options.delimiter;
    io::CsvReader reader(&file, ro);
    io::CsvRecord rec;
    if (!reader.next(rec)) {
        if (!reader.error().isEmpty())
            return Error{reader.error()};
        return Error{QCoreApplication::translate("mikomi::services::Importer",
                                                 "\"%1\" is empty: there is no header row.")
                         .arg(options.path)};
    }
    a.encoding = reader.encoding();
    a.delimiter = reader.delimiter();
    a.kind = options.kind.value_or(ImportKind(int(io::detectCsvKind(rec.fields))));
    if (options.mapping)
        a.mapping = *options.mapping;
    else if (a.kind == ImportKind::Spend)
        a.mapping = io::mapSpendHeaders(rec.fields);
    else if (a.kind == ImportKind::Touchpoints)
        a.mapping = io::mapTouchpointHeaders(rec.fields);
    else
        a.mapping = io::mapLeadHeaders(rec.fields);
    if (!options.mapping) {
        if (Status st = applyColumnRules(a.mapping, options); !st)
            return st.failure();
    }
    a.dateOrder = options.dateOrder;
    while (a.previewRecords.size() < previewRows && reader.next(rec)) {
        unneutralise(rec);
        if (a.mapping.headers.size() > 1 && rec.fields.size() == 1 && isReportFooterMarker(rec)) {
            // The report's footer: its title or totals read just before are not data either.
            while (!a.previewRecords.isEmpty() && a.previewRecords.last().fields.size() == 1)
                a.previewRecords.removeLast();
            break;
        }
        if (!a.dateOrder && a.kind == ImportKind::Leads) {
            for (const auto &[column, evidence] : io::dateEvidence(a.mapping, rec)) {
                if (evidence == dates::DateOrderEvidence::Mdy)
                    a.dateOrder = dates::DateOrder::Mdy;
                else if (evidence == dates::DateOrderEvidence::Dmy)
                    a.dateOrder = dates::DateOrder::Dmy;
                if (a.dateOrder)
                    break;
            }
        }
        a.previewRecords.append(rec);
    }
    if (!reader.error().isEmpty())
        return Error{reader.error()};
    return a;
}

QList<PreviewRow> previewRows(const ImportAnalysis &a, int minorUnitsPerMajor,
                              const QString &phoneRegion) {
    QList<PreviewRow> out;
    io::RowOptions ro;
    ro.minorUnitsPerMajor = minorUnitsPerMajor;
    ro.phoneRegion = phoneRegion;
    ro.dateOrder = a.dateOrder;
    const auto leadValues = [&](const Lead &l) {
        QStringList v;
        for (int f = 0; f < io::LeadFieldCount; ++f)
            v << leadFieldText(l, io::LeadField(f), minorUnitsPerMajor);
        return v;
    };
    if (a.kind == ImportKind::VCard) {
        for (const Lead &l : a.previewLeads)
            out.append(PreviewRow{0, leadValues(l), {}});
        return out;
    }
    for (const io::CsvRecord &rec : a.previewRecords) {
        PreviewRow p;
        p.line = rec.line;
        if (a.kind == ImportKind::Spend) {
            auto r = io::spendFromRow(a.mapping, rec, ro);
            p.errors = r.errors;
            if (r.value) {
                p.values << r.value->source << r.value->month
                         << moneyText(r.value->amount, minorUnitsPerMajor);
            }
        } else if (a.kind == ImportKind::Touchpoints) {
            auto r = io::touchpointFromRow(a.mapping, rec);
            p.errors = r.errors;
            if (r.value) {
                const Touchpoint &t = r.value->touchpoint;
                p.values << r.value->email
                         << t.occurredAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << t.source
                         << t.medium << t.campaign << t.content << t.url;
            }
        } else {
            auto r = io::leadFromRow(a.mapping, rec, ro);
            p.errors = r.errors;
            if (r.value) {
                p.errors << readContactColumns(a.mapping, rec, r.value->lead, phoneRegion);
                Lead l = r.value->lead;
                if (l.lostAt)
                    l.lost = true;
                p.values = leadValues(l);
                if (r.value->sourceCategory)
                    p.values[int(io::LeadField::SourceCategory)] =
                        categoryLabel(*r.value->sourceCategory);
            }
        }
        while (p.values.size() < fieldCount(a.kind))
            p.values << QString();
        if (!p.errors.isEmpty()) {
            // A rejected row shows what the file says, so the user sees what to fix.
            for (int f = 0; f < p.values.size(); ++f)
                p.values[f] = rec.fields.value(a.mapping.column(f));
        }
        out.append(p);
    }
    return out;
}

Result<ImportSummary> runImport(storage::Database &db, const ImportOptions &options,
                                const ImportProgress &progress, const std::atomic<bool> *cancel) {
    if (Status live = storage::LiveFiles::refuseLiveDatabase(options.path); !live)
        return live.failure();
    Run run(db, options, progress, cancel);
    return run.exec();
}

Status writeRejectedReport(const ImportSummary &s, const QString &path) {
    if (Status live = storage::LiveFiles::refuseLiveDatabase(path); !live)
        return live;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{
            QCoreApplication::translate("mikomi::services::Importer", "Cannot write \"%1\": %2")
                .arg(path, file.errorString())};
    io::CsvWriteOptions wo;
    wo.neutralizeFormulas = false; // the rows go back into Mikomi as they were
    io::CsvWriter writer(&file, wo);
    QStringList header = s.headers;
    header << QStringLiteral("import_line") << QStringLiteral("import_column")
           << QStringLiteral("import_error");
    if (Status st = writer.writeRow(header); !st)
        return st;
    for (const RejectedRow &r : s.rejectedRows) {
        QStringList row = r.fields;
        while (row.size() < s.headers.size())
            row << QString();
        QStringList columns, reasons;
        for (const io::RowError &e : r.errors) {
            columns << e.column;
            reasons << e.reason;
        }
        row << QString::number(r.line) << columns.join(QStringLiteral("; "))
            << reasons.join(QStringLiteral("; "));
        if (Status st = writer.writeRow(row); !st)
            return st;
    }
    if (!file.commit())
        return Error{
            QCoreApplication::translate("mikomi::services::Importer", "Cannot write \"%1\": %2")
                .arg(path, file.errorString())};
    return {};
}

QString describeRowError(const io::RowError &e) {
    if (e.line > 0 && !e.column.isEmpty())
        return QCoreApplication::translate("mikomi::services::Importer",
                                           "Line %1, column \"%2\": %3")
            .arg(e.line)
            .arg(e.column, e.reason);
    if (e.line > 0)
        return QCoreApplication::translate("mikomi::services::Importer", "Line %1: %2")
            .arg(e.line)
            .arg(e.reason);
    return e.reason;
}

QStringList changeLines(const QList<FieldChange> &changes) {
    // Per field, in the order fields are first changed: how many leads, and the first example.
    QStringList order;
    QHash<QString, QList<FieldChange>> byField;
    for (const FieldChange &c : changes) {
        if (!byField.contains(c.field))
            order << c.field;
        byField[c.field].append(c);
    }
    QStringList out;
    if (order.isEmpty())
        return out;
    out << QCoreApplication::translate("mikomi::services::Importer",
                                       "Changed in existing leads, field by field:");
    for (const QString &field : std::as_const(order)) {
        const QList<FieldChange> &list = byField.value(field);
        const auto f = io::leadFieldFromKey(field);
        const QString label = f ? io::leadFieldLabel(*f) : field;
        const FieldChange &first = list.first();
        const QString empty = QCoreApplication::translate("mikomi::services::Importer", "(empty)");
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "  %1: %Ln lead(s), e.g. line %2: \"%3\" → \"%4\"",
                                           nullptr, int(list.size()))
                   .arg(label)
                   .arg(first.line)
                   .arg(first.before.isEmpty() ? empty : first.before,
                        first.after.isEmpty() ? empty : first.after);
    }
    return out;
}

Status applyColumnRules(io::HeaderMap &map, const ImportOptions &options) {
    for (const auto &[header, target] : options.columnRules) {
        if (auto r = io::applyColumnRule(map, header, target); !r)
            return Error{
                QCoreApplication::translate("mikomi::services::Importer", "--map \"%1=%2\": %3")
                    .arg(header, target, r.error())};
    }
    return {};
}

bool isReportFooterMarker(const io::CsvRecord &record) {
    if (record.fields.size() != 1)
        return false;
    const QString v = record.fields.at(0).trimmed();
    return (v.startsWith(QLatin1String("Copyright"), Qt::CaseInsensitive) &&
            v.contains(QLatin1String("salesforce.com"), Qt::CaseInsensitive)) ||
           v.compare(QLatin1String("Confidential Information - Do Not Distribute"),
                     Qt::CaseInsensitive) == 0 ||
           v.startsWith(QLatin1String("Generated By:"), Qt::CaseInsensitive);
}

QStringList summaryLines(const ImportSummary &s) {
    QStringList out;
    if (s.dryRun)
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Dry run: nothing was changed.");
    if (s.cancelled)
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Cancelled: nothing was changed.");
    out << QCoreApplication::translate("mikomi::services::Importer", "Rows read: %L1")
               .arg(s.rowsRead);
    if (s.kind == ImportKind::Spend) {
        out << QCoreApplication::translate("mikomi::services::Importer", "Spend months added: %L1")
                   .arg(s.created);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Spend months changed: %L1")
                   .arg(s.updated);
        out << QCoreApplication::translate("mikomi::services::Importer", "Unchanged: %L1")
                   .arg(s.skipped);
    } else if (s.kind == ImportKind::Touchpoints) {
        out << QCoreApplication::translate("mikomi::services::Importer", "Touchpoints added: %L1")
                   .arg(s.created);
        out << QCoreApplication::translate("mikomi::services::Importer", "Already present: %L1")
                   .arg(s.skipped);
    } else {
        out << QCoreApplication::translate("mikomi::services::Importer", "Leads created: %L1")
                   .arg(s.created);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Merged into existing leads: %L1")
                   .arg(s.merged);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Existing leads updated: %L1")
                   .arg(s.updated);
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Skipped (already present): %L1")
                   .arg(s.skipped);
        if (s.followUps > 0)
            out << QCoreApplication::translate("mikomi::services::Importer",
                                               "First follow-ups created: %L1")
                       .arg(s.followUps);
        out << changeLines(s.changes);
    }
    out << QCoreApplication::translate("mikomi::services::Importer", "Rejected rows: %L1")
               .arg(s.rejected);
    if (!s.warnings.isEmpty())
        out << QCoreApplication::translate("mikomi::services::Importer", "Warnings: %L1")
                   .arg(s.warnings.size());
    QStringList emptyColumns;
    for (const ImportSummary::Column &c : s.notImported)
        if (c.values == 0)
            emptyColumns << c.header;
    if (!emptyColumns.isEmpty())
        out << QCoreApplication::translate("mikomi::services::Importer",
                                           "Columns not imported, all empty in this file: %1")
                   .arg(emptyColumns.join(QStringLiteral(", ")));
    for (const ImportSummary::Column &c : s.notImported)
        if (c.values > 0)
            out << QCoreApplication::translate(
                       "mikomi::services::Importer",
                       "Column \"%1\" was not imported (%n value(s) left out); map it with --map "
                       "\"%1=FIELD\" or keep it in the notes with --map \"%1=notes\".",
                       nullptr, int(c.values))
                       .arg(c.header);
    for (const ImportSummary::Column &c : s.keptInNotes)
        if (c.values > 0)
            out << QCoreApplication::translate("mikomi::services::Importer",
                                               "Column \"%1\" was kept in the notes (%n value(s)).",
                                               nullptr, int(c.values))
                       .arg(c.header);
    for (const auto &[name, c] : s.keptInCustom)
        if (c.values > 0)
            out << QCoreApplication::translate(
                       "mikomi::services::Importer",
                       "Column \"%1\" was kept in the custom field \"%2\" (%n value(s)).", nullptr,
                       int(c.values))
                       .arg(c.header, name);
    if (s.footerLines > 0)
        out << QCoreApplication::translate(
                   "mikomi::services::Importer",
                   "The report footer from line %1 (\"%2\", %n line(s)) is not data and was "
                   "left out.",
                   nullptr, s.footerLines)
                   .arg(s.footerLine)
                   .arg(s.footerText);
    if (s.dateOrderDetected && s.dateOrder)
        out << QCoreApplication::translate(
                   "mikomi::services::Importer",
                   "Dates were read as %1: \"%2\" on line %3 can only be read so.")
                   .arg(dates::dateOrderKey(*s.dateOrder), s.dateOrderValue)
                   .arg(s.dateOrderLine);
    if (!s.ownerEmails.isEmpty())
        out << QCoreApplication::translate(
                   "mikomi::services::Importer",
                   "Owners given as email addresses that no user has were kept as written (set "
                   "a user's email address under Settings to assign them): %1")
                   .arg(s.ownerEmails.join(QStringLiteral(", ")));
    return out;
}

} // namespace mikomi::services
