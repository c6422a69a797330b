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

Status appendLeadBinds(QVariantList &out, const Database &db, const Lead &l, qint64 ownerId,
                       qint64 sourceId, const LeadKeys *keys) {
    std::optional<LeadKeys> own;
    if (!keys) {
        auto region = phoneRegion(db);
        if (!region)
            return region.failure();
        keys = &own.emplace(LeadKeys::of(l, *region));
    }
    QVariant values[] = {
        l.company,
        l.companyReading,
        l.department,
        l.title,
        l.familyName,
        l.givenName,
        l.familyReading,
        l.givenReading,
        l.honorific,
        tidyEmail(l.email), // the same stored form from every path (editor, cards, import)
        tidyPhone(l.phone),
        tidyPhone(l.mobile),
        l.postalCode,
        l.prefecture,
        l.city,
        l.street,
        l.building,
        l.country,
        l.website,
        ownerId > 0 ? QVariant(ownerId) : QVariant(),
        sourceId > 0 ? QVariant(sourceId) : QVariant(),
        l.notes,
        l.lostReason,
        l.anonymous ? 1 : 0,
        l.optOut ? 1 : 0,
        l.temperatureOverride ? QVariant(temperatureKey(*l.temperatureOverride)) : QVariant(),
        optMoney(l.dealValue),
        optMoney(l.lifetimeValue),
        dates::toIsoDateTime(l.createdAt.isValid() ? l.createdAt : QDateTime::currentDateTime()),
        dates::toIsoDateTime(l.updatedAt.isValid() ? l.updatedAt : QDateTime::currentDateTime()),
        optDate(l.wonAt),
        optDate(l.lostAt),
        keys->email,
        keys->phone,
        keys->mobile,
        keys->company,
        keys->person,
        keys->reading,
        optDate(l.consentAt),
        consentBasisKey(l.consentBasis),
        rowUuidOr(l.uuid), // made here for a new lead, kept for one that travels (merge, undo)
    };
    for (QVariant &v : values)
        out.append(std::move(v));
    return {};
}

Status appendNewLeadValues(QVariantList &out, const Database &db, const Lead &l, qint64 ownerId,
                           qint64 sourceId, const LeadKeys *keys, const ActivityTimes &activities) {
    if (Status s = appendLeadBinds(out, db, l, ownerId, sourceId, keys); !s)
        return s;
    out << stageText(l.stage) << (l.stage == Stage::Sql ? sqlKindKey(l.sqlKind) : QString())
        << stageText(std::max(l.stage, l.furthestStage)) << (l.lost ? 1 : 0)
        << (activities.times.isEmpty() ? QVariant() : QVariant(activities.last));
    return {};
}

} // namespace mikomi::storage
