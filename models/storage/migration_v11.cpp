#include "models/storage/countrystore.h"
#include "models/storage/database.h"
#include "models/storage/rowmapper.h"
#include "models/storage/schema.h"
#include "models/storage/sql.h"
#include "models/text/phone.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace mikomi::storage {
namespace {

struct PhoneRow {
    qint64 id = 0;
    QString phone, mobile, phoneKey, mobileKey;
    QString newPhoneKey, newMobileKey;
};

using V = QVariant;

const RowMapper<PhoneRow> kPhoneRow{
    {"id", [](PhoneRow &r, const V &v) { r.id = v.toLongLong(); }},
    {"phone", [](PhoneRow &r, const V &v) { r.phone = v.toString(); }},
    {"mobile", [](PhoneRow &r, const V &v) { r.mobile = v.toString(); }},
    {"phone_key", [](PhoneRow &r, const V &v) { r.phoneKey = v.toString(); }},
    {"mobile_key", [](PhoneRow &r, const V &v) { r.mobileKey = v.toString(); }},
};

// The leads' phone_key and mobile_key as text::phoneKey gives them in the database's country
// (countrystore.h: stored, else implied by the currency, else JP). Parsing a number takes
// libphonenumber ~17 µs, so the rows are parsed on every core, then written in one pass.
Status recomputePhoneKeys(Database &db) {
    auto region = phoneRegion(db);
    if (!region)
        return region.failure();
    auto q = exec(db, QStringLiteral("SELECT id, phone, mobile, phone_key, mobile_key FROM leads "
                                     "WHERE phone <> '' OR mobile <> '' OR phone_key <> '' OR "
                                     "mobile_key <> ''"));
    if (!q)
        return q.failure();
    std::vector<PhoneRow> rows;
    const auto row = kPhoneRow.bind(*q);
    while (q->next())
        rows.push_back(row.read());
    q->finish();
    if (rows.empty())
        return {};

    const std::size_t workers = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    const std::size_t slice = (rows.size() + workers - 1) / workers;
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) {
        const std::size_t lo = w * slice;
        const std::size_t hi = std::min(rows.size(), lo + slice);
        if (lo >= hi)
            break;
        threads.emplace_back([&rows, lo, hi, r = *region] {
            for (std::size_t i = lo; i < hi; ++i) {
                rows[i].newPhoneKey = text::phoneKey(rows[i].phone, r);
                rows[i].newMobileKey = text::phoneKey(rows[i].mobile, r);
            }
        });
    }
    for (std::thread &t : threads)
        t.join();

    std::erase_if(rows, [](const PhoneRow &r) {
        return r.newPhoneKey == r.phoneKey && r.newMobileKey == r.mobileKey;
    });
    if (rows.empty())
        return {};

    // The search text holds the keys. Rather than re-indexing every changed lead inside the
    // upgrade (a delete and an insert in the trigram index per row), the index is emptied and all
    // leads are queued for the background indexer (SearchIndex::catchUp); until it has caught up,
    // the search reads the queued leads directly (same results, slower). The triggers skip queued
    // leads, so the updates below do not touch the index.
    for (const QString &sql :
         {QStringLiteral("INSERT INTO leads_fts(leads_fts) VALUES ('delete-all')"),
          QStringLiteral("DELETE FROM search_pending"),
          QStringLiteral(
              "INSERT INTO search_pending(lo, hi) SELECT min(id), max(id) FROM leads")}) {
        if (auto r = exec(db, sql); !r)
            return r.failure();
    }
    QSqlQuery update(connection(db));
    if (!update.prepare(
            QStringLiteral("UPDATE leads SET phone_key = ?, mobile_key = ? WHERE id = ?")))
        return sqlError(update.lastError(), db.path());
    for (const PhoneRow &r : rows) {
        if (Status s = execPrepared(update, {r.newPhoneKey, r.newMobileKey, r.id}); !s)
            return s;
    }
    // The keys now depend on the country: keep the one they were computed in, so that a later
    // change of currency does not change what the stored numbers mean.
    auto keep = exec(db,
                     QStringLiteral("INSERT INTO settings(key, value) VALUES ('country', ?) "
                                    "ON CONFLICT(key) DO NOTHING"),
                     {*region});
    return keep ? Status() : Status(keep.failure());
}

} // namespace

// Schema version 11: phone numbers from anywhere (issue 12). phone_key and mobile_key become E.164
// (libphonenumber, in the database's country: models/text/phone.h), so "(212) 555-0188" in an
// American database and 090-1234-5678 / +81 90 1234 5678 in a Japanese one are matched as the
// numbers they are. No column changes; the keys of existing leads are recomputed.
Migration migrationV11() {
    return {11, {}, recomputePhoneKeys};
}

} // namespace mikomi::storage
