#pragma once

// A small hand-made database for the report tests. Window 2026-01-01..2026-03-31 holds six
// leads (three 展示会, two Google Ads, one without a source); one 展示会 lead is from 2025.
//   A1 展示会     2026-01-10 customer won 2026-02-09 deal 300,000 LTV 900,000
//                 touches: 展示会 01-10, Google Ads 01-20
//   A2 展示会     2026-01-15 opportunity
//   A3 展示会     2026-02-01 mql, lost
//   B1 Google Ads 2026-01-05 customer won 2026-01-25 deal 100,000
//                 touches: Google Ads 01-05, LinkedIn Ads 01-24, 展示会 02-01 (after the win)
//   B2 Google Ads 2026-03-01 sql
//   C1 (none)     2026-01-20 inquiry
//   D1 展示会     2025-12-31 inquiry (outside the window)
// Spend: 展示会 2026-01 200,000, 2026-02 100,000, 2025-12 999; Google Ads 2026-01 50,000.
// Sources: 展示会 event/core, Google Ads paid/growth, LinkedIn Ads paid/experiment.

#include "models/storage/database.h"
#include "models/storage/repositories.h"

#include <QTimeZone>
#include <QtTest>

namespace reportdb {

inline QDateTime at(int y, int m, int d, int hour = 10) {
    return QDateTime(QDate(y, m, d), QTime(hour, 0), QTimeZone(9 * 3600));
}

inline qint64 addLead(mikomi::storage::LeadRepository &repo, const QString &family,
                      const QString &source, QDate created, mikomi::Stage stage,
                      std::optional<QDate> won = std::nullopt,
                      std::optional<mikomi::Money> deal = std::nullopt,
                      std::optional<mikomi::Money> ltv = std::nullopt, bool lost = false) {
    mikomi::Lead l;
    l.familyName = family;
    l.company = family + QStringLiteral(" Co.");
    l.source = source;
    l.stage = stage;
    l.furthestStage = stage;
    l.lost = lost;
    l.createdAt = QDateTime(created, QTime(9, 30), QTimeZone(9 * 3600));
    l.updatedAt = l.createdAt;
    l.wonAt = won;
    l.dealValue = deal;
    l.lifetimeValue = ltv;
    auto id = repo.insert(l);
    if (!id)
        qFatal("insert failed: %s", qPrintable(id.error()));
    return *id;
}

inline void addTouch(mikomi::storage::LeadRepository &repo, qint64 lead, const QDateTime &when,
                     const QString &source) {
    mikomi::Touchpoint t;
    t.leadId = lead;
    t.occurredAt = when;
    t.source = source;
    auto id = repo.addTouchpoint(t);
    if (!id)
        qFatal("touchpoint failed: %s", qPrintable(id.error()));
}

inline void addSpend(mikomi::storage::LeadRepository &repo, const QString &source,
                     const QString &month, mikomi::Money amount) {
    if (auto s = repo.setSpend({source, month, amount}); !s)
        qFatal("spend failed: %s", qPrintable(s.error()));
}

// Fills an empty database at `path`.
inline void create(const QString &path) {
    using mikomi::Stage;
    auto db = mikomi::storage::Database::open(path);
    if (!db)
        qFatal("open failed: %s", qPrintable(db.error()));
    mikomi::storage::LeadRepository repo(**db);
    const QString expo = QStringLiteral("展示会");
    const QString google = QStringLiteral("Google Ads");
    const QString linkedin = QStringLiteral("LinkedIn Ads");
    auto &sources = repo.sources();
    if (!sources.resolve(expo, true, mikomi::SourceCategory::Event, mikomi::Tier::Core) ||
        !sources.resolve(google, true, mikomi::SourceCategory::Paid, mikomi::Tier::Growth) ||
        !sources.resolve(linkedin, true, mikomi::SourceCategory::Paid, mikomi::Tier::Experiment))
        qFatal("sources failed");
    const qint64 a1 = addLead(repo, QStringLiteral("A1"), expo, QDate(2026, 1, 10), Stage::Customer,
                              QDate(2026, 2, 9), 300000, 900000);
    addLead(repo, QStringLiteral("A2"), expo, QDate(2026, 1, 15), Stage::Opportunity);
    addLead(repo, QStringLiteral("A3"), expo, QDate(2026, 2, 1), Stage::Mql, std::nullopt,
            std::nullopt, std::nullopt, true);
    const qint64 b1 = addLead(repo, QStringLiteral("B1"), google, QDate(2026, 1, 5),
                              Stage::Customer, QDate(2026, 1, 25), 100000);
    addLead(repo, QStringLiteral("B2"), google, QDate(2026, 3, 1), Stage::Sql);
    addLead(repo, QStringLiteral("C1"), QString(), QDate(2026, 1, 20), Stage::Inquiry);
    addLead(repo, QStringLiteral("D1"), expo, QDate(2025, 12, 31), Stage::Inquiry);
    addTouch(repo, a1, at(2026, 1, 10), expo);
    addTouch(repo, a1, at(2026, 1, 20), google);
    addTouch(repo, b1, at(2026, 2, 1), expo); // inserted out of time order on purpose
    addTouch(repo, b1, at(2026, 1, 5), google);
    addTouch(repo, b1, at(2026, 1, 24), linkedin);
    addSpend(repo, expo, QStringLiteral("2026-01"), 200000);
    addSpend(repo, expo, QStringLiteral("2026-02"), 100000);
    addSpend(repo, expo, QStringLiteral("2025-12"), 999);
    addSpend(repo, google, QStringLiteral("2026-01"), 50000);
}

} // namespace reportdb
