#include "models/storage/importkeys.h"

#include "models/storage/leadcontacts.h"
#include "models/storage/sql.h"

namespace mikomi::storage {

Status forEachLeadKeys(const Database &db, const std::function<void(StoredLeadKeys &&)> &visit) {
    auto q = exec(db, QStringLiteral("SELECT id, email_key, phone_key, mobile_key, company_key, "
                                     "person_key, family_name FROM leads"));
    if (!q)
        return q.failure();
    while (q->next()) {
        visit(StoredLeadKeys{q->value(0).toLongLong(), q->value(1).toString(),
                             q->value(2).toString(), q->value(3).toString(), q->value(4).toString(),
                             q->value(5).toString(), q->value(6).toString()});
    }
    return {};
}

Status forEachExtraEmailKey(const Database &db,
                            const std::function<void(qint64, const QString &)> &visit) {
    auto q = exec(db,
                  QStringLiteral("SELECT lead_id, key FROM lead_contacts WHERE kind = ? AND "
                                 "key <> ? ORDER BY lead_id, position"),
                  {contactKindKey(ContactKind::Email), QStringLiteral("")});
    if (!q)
        return q.failure();
    while (q->next())
        visit(q->value(0).toLongLong(), q->value(1).toString());
    return {};
}

Status
forEachTouchpointKey(const Database &db,
                     const std::function<void(qint64, const QString &, const QString &)> &visit) {
    auto q = exec(db,
                  QStringLiteral("SELECT t.lead_id, t.occurred_at, coalesce(s.name, ?) FROM "
                                 "touchpoints t LEFT JOIN sources s ON s.id = t.source_id"),
                  {QStringLiteral("")});
    if (!q)
        return q.failure();
    while (q->next())
        visit(q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString());
    return {};
}

} // namespace mikomi::storage
