#include "models/domain/leadsources.h"
#include "models/domain/utm.h"

#include <QTest>
#include <QTimeZone>

using namespace mikomi;

namespace {
Touchpoint tp(qint64 id, int month, int day, const char16_t *source) {
    Touchpoint t;
    t.id = id;
    t.occurredAt = QDateTime(QDate(2026, month, day), QTime(12, 0), QTimeZone(9 * 3600));
    t.source = QString::fromUtf16(source);
    return t;
}
} // namespace

class TestLeadSources final : public QObject {
    Q_OBJECT
private slots:
    void outOfOrderTouchpoints() {
        Lead l;
        // Recorded out of order: ids do not follow time.
        const QList<Touchpoint> touches{tp(1, 5, 20, u"Webinar"), tp(2, 3, 1, u"SEO"),
                                        tp(3, 6, 10, u"Google Ads"), tp(4, 4, 1, u"")};
        QCOMPARE(leadsources::original(l, touches), QStringLiteral("SEO"));
        QCOMPARE(leadsources::latest(l, touches), QStringLiteral("Google Ads"));
        l.source = QStringLiteral("展示会");
        QCOMPARE(leadsources::original(l, touches), QStringLiteral("展示会"));
        // Customers: the newest touchpoint on or before the won date.
        l.stage = Stage::Customer;
        l.wonAt = QDate(2026, 6, 1);
        QCOMPARE(leadsources::latest(l, touches), QStringLiteral("Webinar"));
        l.wonAt = QDate(2026, 6, 10); // same day counts
        QCOMPARE(leadsources::latest(l, touches), QStringLiteral("Google Ads"));
        l.wonAt = QDate(2026, 1, 1); // nothing before: the original
        QCOMPARE(leadsources::latest(l, touches), QStringLiteral("展示会"));
        QCOMPARE(leadsources::latest(Lead{}, {}), QString());
    }

    void sameTimeTieBreak() {
        Lead l;
        const QList<Touchpoint> touches{tp(7, 3, 1, u"B"), tp(5, 3, 1, u"A")};
        QCOMPARE(leadsources::original(l, touches), QStringLiteral("A"));
        QCOMPARE(leadsources::latest(l, touches), QStringLiteral("B"));
    }

    void utmUrls() {
        const auto f = utm::parse(QStringLiteral(
            "https://example.jp/lp?utm_source=google&utm_medium=cpc&utm_campaign=spring%20sale&"
            "utm_content=banner_a&utm_term=crm+%E5%B0%8E%E5%85%A5#top"));
        QVERIFY(f);
        QCOMPARE(f->source, QStringLiteral("google"));
        QCOMPARE(f->medium, QStringLiteral("cpc"));
        QCOMPARE(f->campaign, QStringLiteral("spring sale"));
        QCOMPARE(f->content, QStringLiteral("banner_a"));
        QCOMPARE(f->term, QStringLiteral("crm 導入"));
        const auto g =
            utm::parse(QStringLiteral("example.jp/?UTM_SOURCE=%E5%B1%95%E7%A4%BA%E4%BC%9A"));
        QVERIFY(g);
        QCOMPARE(g->source, QStringLiteral("展示会"));
        QVERIFY(!utm::parse(QStringLiteral("https://example.jp/?q=1")));
        QVERIFY(!utm::parse(QStringLiteral("not a url")));
    }
};

QTEST_GUILESS_MAIN(TestLeadSources)
#include "tst_leadsources.moc"
