#include "models/storage/leadcolumns.h"

#include "models/domain/dates.h"
#include "models/domain/textcheck.h"
#include "models/storage/countrystore.h"
#include "models/storage/rowuuid.h"
#include "models/text/normalize.h"
#include "models/text/phone.h"

#include <QHash>

#include <array>
#include <optional>

namespace mikomi::storage {

QVariant optDate(const std::optional<QDate> &d) {
    return d ? QVariant(dates::toIsoDate(*d)) : QVariant();
}

QVariant optMoney(const std::optional<Money> &m) {
    return m ? QVariant(*m) : QVariant();
}

// The lead columns written from a Lead, in this order (owner_id and source_id are resolved).
const QStringList &leadColumns() {
    static const QStringList cols{
        QStringLiteral("company"),        QStringLiteral("company_reading"),
        QStringLiteral("department"),     QStringLiteral("title"),
        QStringLiteral("family_name"),    QStringLiteral("given_name"),
        QStringLiteral("family_reading"), QStringLiteral("given_reading"),
        QStringLiteral("honorific"),      QStringLiteral("email"),
        QStringLiteral("phone"),          QStringLiteral("mobile"),
        QStringLiteral("postal_code"),    QStringLiteral("prefecture"),
        QStringLiteral("city"),           QStringLiteral("street"),
        QStringLiteral("building"),       QStringLiteral("country"),
        QStringLiteral("website"),        QStringLiteral("owner_id"),
        QStringLiteral("source_id"),      QStringLiteral("notes"),
        QStringLiteral("lost_reason"),    QStringLiteral("anonymous"),
        QStringLiteral("opt_out"),        QStringLiteral("temperature_override"),
        QStringLiteral("deal_value"),     QStringLiteral("lifetime_value"),
        QStringLiteral("created_at"),     QStringLiteral("updated_at"),
        QStringLiteral("won_at"),         QStringLiteral("lost_at"),
        QStringLiteral("email_key"),      QStringLiteral("phone_key"),
        QStringLiteral("mobile_key"),     QStringLiteral("company_key"),
        QStringLiteral("person_key"),     QStringLiteral("reading_key"),
        QStringLiteral("consent_at"),     QStringLiteral("consent_basis"),
        QStringLiteral("uuid"), // schema v13; an update leaves it as it is
    };
    return cols;
}

const QStringList &newLeadColumns() {
    static const QStringList cols =
        leadColumns() + QStringList{QStringLiteral("stage"), QStringLiteral("sql_kind"),
                                    QStringLiteral("furthest_stage"), QStringLiteral("lost"),
                                    QStringLiteral("last_activity_at")};
    return cols;
}

const QString &stageText(Stage s) {
    static const std::array<QString, StageCount> texts = [] {
        std::array<QString, StageCount> out;
        for (int i = 0; i < StageCount; ++i)
            out[std::size_t(i)] = stageKey(Stage(i));
        return out;
    }();
    return texts[std::size_t(s)];
}

ActivityTimes activityTimes(const QList<Activity> &activities) {
    ActivityTimes t;
    t.times.reserve(activities.size());
    for (const Activity &a : activities) {
        t.times << dates::toIsoDateTime(a.occurredAt);
        t.last = std::max(t.last, t.times.constLast());
    }
    return t;
}

const QString &scoreWriteSql() {
    static const QString sql = QStringLiteral(
        "INSERT INTO lead_scores(lead_id, score) VALUES (?, ?) ON CONFLICT(lead_id) DO UPDATE "
        "SET score = excluded.score");
    return sql;
}

const QString &scoreSql() {
    static const QString sql = QStringLiteral(
        "coalesce((SELECT sc.score FROM lead_scores sc WHERE sc.lead_id = l.id), 0)");
    return sql;
}

namespace {

// Company names repeat (the people of one company, often on neighbouring rows of an import),
// and their key (a Unicode normalisation and a regular expression) was 60% of the keys of a
// lead: each name's key is made once per thread. Bounded: a file of many distinct companies
// starts the cache over now and then.
QString companyKeyCached(const QString &company) {
    if (company.isEmpty())
        return text::companyKey(company);
    thread_local QHash<QString, QString> cache;
    if (const auto it = cache.constFind(company); it != cache.cend())
        return *it;
    if (cache.size() >= 4096)
        cache.clear();
    return *cache.insert(company, text::companyKey(company));
}

} // namespace

LeadKeys LeadKeys::of(const Lead &l, const QString &phoneRegion) {
    LeadKeys k;
    k.email = text::normalizeEmail(l.email);
    k.phone = text::phoneKey(l.phone, phoneRegion);
    k.mobile = text::phoneKey(l.mobile, phoneRegion);
    k.company = companyKeyCached(l.company);
    k.person = text::personKey(l.familyName, l.givenName);
    k.family = text::personKey(l.familyName, QString());
    k.reading = text::readingKey(l.familyReading + l.givenReading);
    return k;
}

Result<QVariantList> leadBinds(const Database &db, const Lead &l, qint64 ownerId, qint64 sourceId,
                               const LeadKeys *keys) {
    QVariantList out;
    out.reserve(leadColumns().size());
    if (Status s = appendLeadBinds(out, db, l, ownerId, sourceId, keys); !s)
        return s.failure();
    return out;
}

namespace {

// A row of values as a QVariantList (what Qt SQL binds), with BindBuffer's interface.
struct VariantRow {
    QVariantList &out;
    void null() { out.append(QVariant()); }
    void integer(qint64 v) { out.append(QVariant(qlonglong(v))); }
    void text(const QString &s) { out.append(s); }
    void newUuid() { out.append(newRowUuid()); }
};

// A new row's UUID, written straight into the buffer.
void putNewUuid(VariantRow &row) {
    row.newUuid();
}
void putNewUuid(BindBuffer &row) {
    char uuid[36];
    writeNewRowUuid(uuid);
    row.ascii(uuid, 36);
}

// The values of leadColumns() for `l`, in order, appended to `row` (VariantRow or BindBuffer).
template <typename Row>
void putLead(Row &row, const Lead &l, qint64 ownerId, qint64 sourceId, const LeadKeys &keys) {
    const auto idOrNull = [&row](qint64 id) { id > 0 ? row.integer(id) : row.null(); };
    const auto date = [&row](const std::optional<QDate> &d) {
        d ? row.text(dates::toIsoDate(*d)) : row.null();
    };
    const auto money = [&row](const std::optional<Money> &m) { m ? row.integer(*m) : row.null(); };
    row.text(l.company);
    row.text(l.companyReading);
    row.text(l.department);
    row.text(l.title);
    row.text(l.familyName);
    row.text(l.givenName);
    row.text(l.familyReading);
    row.text(l.givenReading);
    row.text(l.honorific);
    row.text(tidyEmail(l.email)); // the same stored form from every path (editor, cards, import)
    row.text(tidyPhone(l.phone));
    row.text(tidyPhone(l.mobile));
    row.text(l.postalCode);
    row.text(l.prefecture);
    row.text(l.city);
    row.text(l.street);
    row.text(l.building);
    row.text(l.country);
    row.text(l.website);
    idOrNull(ownerId);
    idOrNull(sourceId);
    row.text(l.notes);
    row.text(l.lostReason);
    row.integer(l.anonymous ? 1 : 0);
    row.integer(l.optOut ? 1 : 0);
    if (l.temperatureOverride)
        row.text(temperatureKey(*l.temperatureOverride));
    else
        row.null();
    money(l.dealValue);
    money(l.lifetimeValue);
    row.text(
        dates::toIsoDateTime(l.createdAt.isValid() ? l.createdAt : QDateTime::currentDateTime()));
    row.text(
        dates::toIsoDateTime(l.updatedAt.isValid() ? l.updatedAt : QDateTime::currentDateTime()));
    date(l.wonAt);
    date(l.lostAt);
    row.text(keys.email);
    row.text(keys.phone);
    row.text(keys.mobile);
    row.text(keys.company);
    row.text(keys.person);
    row.text(keys.reading);
    date(l.consentAt);
    row.text(consentBasisKey(l.consentBasis));
    // Made here for a new lead, kept for one that travels (merge, undo).
    l.uuid.isEmpty() ? putNewUuid(row) : row.text(l.uuid);
}

// The lead's keys: `keys` when given, else made into `own` in the phone region of `db`.
Result<const LeadKeys *> keysOf(const Database &db, const Lead &l, const LeadKeys *keys,
                                std::optional<LeadKeys> &own) {
    if (keys)
        return keys;
    auto region = phoneRegion(db);
    if (!region)
        return region.failure();
    return &own.emplace(LeadKeys::of(l, *region));
}

template <typename Row>
Status putNewLead(Row &row, const Database &db, const Lead &l, qint64 ownerId, qint64 sourceId,
                  const LeadKeys *keys, const ActivityTimes &activities) {
    std::optional<LeadKeys> own;
    auto k = keysOf(db, l, keys, own);
    if (!k)
        return k.failure();
    putLead(row, l, ownerId, sourceId, **k);
    row.text(stageText(l.stage));
    if (l.stage == Stage::Sql)
        row.text(sqlKindKey(l.sqlKind));
    else
        row.text(QString());
    row.text(stageText(std::max(l.stage, l.furthestStage)));
    row.integer(l.lost ? 1 : 0);
    activities.times.isEmpty() ? row.null() : row.text(activities.last);
    return {};
}

} // namespace

Status appendLeadBinds(QVariantList &out, const Database &db, const Lead &l, qint64 ownerId,
                       qint64 sourceId, const LeadKeys *keys) {
    std::optional<LeadKeys> own;
    auto k = keysOf(db, l, keys, own);
    if (!k)
        return k.failure();
    VariantRow row{out};
    putLead(row, l, ownerId, sourceId, **k);
    return {};
}

Status appendNewLeadValues(QVariantList &out, const Database &db, const Lead &l, qint64 ownerId,
                           qint64 sourceId, const LeadKeys *keys, const ActivityTimes &activities) {
    VariantRow row{out};
    return putNewLead(row, db, l, ownerId, sourceId, keys, activities);
}

Status appendNewLeadValues(BindBuffer &out, const Database &db, const Lead &l, qint64 ownerId,
                           qint64 sourceId, const LeadKeys *keys, const ActivityTimes &activities) {
    return putNewLead(out, db, l, ownerId, sourceId, keys, activities);
}

} // namespace mikomi::storage
