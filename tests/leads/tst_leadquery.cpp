#include "models/leadtablemodel.h"
#include "models/services/demowriter.h"
#include "models/storage/database.h"
#include "models/storage/duplicates.h"
#include "models/storage/leadquery.h"
#include "models/storage/leadsnapshot.h"
#include "models/storage/repositories.h"
#include "models/storage/scoringstore.h"
#include "models/storage/searchindex.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mikomi;
using namespace mikomi::storage;

namespace {

Lead makeLead(const QString &company, const QString &family, const QString &given,
              const QString &familyReading, const QString &email, const QString &phone, int day) {
    Lead l;
    l.company = company;
    l.familyName = family;
    l.givenName = given;
    l.familyReading = familyReading;
    l.email = email;
    l.phone = phone;
    l.createdAt = QDateTime(QDate(2026, 4, day), QTime(10, 0), QTimeZone(9 * 3600));
    l.updatedAt = l.createdAt;
    return l;
}

} // namespace

class TestLeadQuery final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_sample = 0, m_yamada = 0, m_acme = 0;

    bool sql(const QString &statement, const QVariantList &binds = {}) {
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        if (!q.prepare(statement))
            return false;
        for (const QVariant &b : binds)
            q.addBindValue(b);
        return q.exec();
    }

    QList<qint64> search(const QString &text) {
        LeadFilter f;
        f.search = text;
        auto rows = LeadQuery(*m_db).rows(f, LeadSort::Created, true, 0, 100);
        if (!rows)
            qWarning() << rows.error();
        QList<qint64> ids;
        for (const LeadRow &r : rows.value())
            ids << r.id;
        return ids;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(QStringLiteral("leads.db")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
        m_db = std::move(db.value());
        LeadRepository repo(*m_db);
        Lead a =
            makeLead(QStringLiteral("株式会社サンプル"), QStringLiteral("佐藤"),
                     QStringLiteral("健"), QStringLiteral("サトウ"),
                     QStringLiteral("ken.sato@sample.co.jp"), QStringLiteral("03-1234-5678"), 1);
        a.companyReading = QStringLiteral("サンプル");
        a.source = QStringLiteral("展示会");
        a.owner = QStringLiteral("鈴木");
        a.score = 70;
        Lead b = makeLead(QStringLiteral("山田工業"), QStringLiteral("山田"),
                          QStringLiteral("太郎"), QStringLiteral("ヤマダ"),
                          QStringLiteral("taro@yamada.example"), QStringLiteral("06-1111-2222"), 2);
        b.companyReading = QStringLiteral("ヤマダコウギョウ");
        b.source = QStringLiteral("Web");
        b.score = 40;
        Lead c = makeLead(QStringLiteral("Acme Inc."), QStringLiteral("Smith"),
                          QStringLiteral("John"), QString(), QStringLiteral("john@acme.example"),
                          QStringLiteral("+1 415 555 0100"), 3);
        c.companyReading = QStringLiteral("アクメ");
        c.source = QStringLiteral("Web");
        QVERIFY(repo.insert(a).ok());
        QVERIFY(repo.insert(b).ok());
        QVERIFY(repo.insert(c).ok());
        m_sample = a.id;
        m_yamada = b.id;
        m_acme = c.id;
    }
    void cleanup() {
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("leads.db")));
    }

    void searchJapaneseSubstring() {
        QCOMPARE(search(QStringLiteral("サンプル")), QList<qint64>{m_sample});
        QCOMPARE(search(QStringLiteral("株式会社サンプル")), QList<qint64>{m_sample});
        // Half-width katakana finds the full-width name.
        QCOMPARE(search(QStringLiteral("ｻﾝﾌﾟﾙ")), QList<qint64>{m_sample});
        // Full-width Latin finds ASCII.
        QCOMPARE(search(QStringLiteral("ＡＣＭＥ")), QList<qint64>{m_acme});
        QCOMPARE(search(QStringLiteral("acme")), QList<qint64>{m_acme});
    }
    void searchReadingInHiragana() {
        QCOMPARE(search(QStringLiteral("やまだ")), QList<qint64>{m_yamada});
        QCOMPARE(search(QStringLiteral("ヤマダ")), QList<qint64>{m_yamada});
    }
    void searchShortTokens() {
        // Two characters: below the trigram size, answered by LIKE.
        QCOMPARE(search(QStringLiteral("山田")), QList<qint64>{m_yamada});
        QCOMPARE(search(QStringLiteral("佐藤")), QList<qint64>{m_sample});
        QVERIFY(!LeadQuery::planSearch(QStringLiteral("山田")).likes.isEmpty());
        QVERIFY(LeadQuery::planSearch(QStringLiteral("サンプル")).likes.isEmpty());
        QCOMPARE(search(QStringLiteral("山田 太郎")), QList<qint64>{m_yamada});
        QCOMPARE(search(QStringLiteral("%")), QList<qint64>{}); // LIKE wildcards are literal
    }
    void searchEmailAndPhone() {
        QCOMPARE(search(QStringLiteral("ken.sato")), QList<qint64>{m_sample});
        QCOMPARE(search(QStringLiteral("ＫＥＮ．ＳＡＴＯ")), QList<qint64>{m_sample});
        QCOMPARE(search(QStringLiteral("1234-5678")), QList<qint64>{m_sample});
        QCOMPARE(search(QStringLiteral("０３（１２３４）")), QList<qint64>{m_sample});
        QCOMPARE(search(QStringLiteral("no such lead")), QList<qint64>{});
    }
    void searchFollowsEdits() {
        LeadRepository repo(*m_db);
        Lead l = repo.get(m_acme).value();
        l.company = QStringLiteral("Globex");
        QVERIFY(repo.update(l).ok());
        // "acme" is still in the email; "inc" was only in the old company name.
        QCOMPARE(search(QStringLiteral("acme inc")), QList<qint64>{});
        QCOMPARE(search(QStringLiteral("globex")), QList<qint64>{m_acme});
        QVERIFY(repo.remove(m_acme).ok());
        QCOMPARE(search(QStringLiteral("globex")), QList<qint64>{});
    }
    void filters() {
        LeadQuery q(*m_db, QDate(2026, 4, 10)); // temperature counts days up to this date
        LeadFilter f;
        f.sourceId = LeadRepository(*m_db).sources().resolve(QStringLiteral("web"), false).value();
        QCOMPARE(q.count(f).value(), 2);
        f = {};
        f.temperature = Temperature::Hot;
        QCOMPARE(q.rows(f, LeadSort::Created, true, 0, 10).value().value(0).id, m_sample);
        QCOMPARE(q.count(f).value(), 1);
        // Recency (default: hot within 14 days of the last activity or creation): cold later,
        // hot again after an activity; a temperature set by hand wins.
        QCOMPARE(LeadQuery(*m_db, QDate(2026, 6, 1)).count(f).value(), 0);
        Activity a;
        a.leadId = m_sample;
        a.kind = ActivityKind::Meeting;
        a.occurredAt = QDateTime(QDate(2026, 5, 25), QTime(15, 0));
        QVERIFY(LeadRepository(*m_db).addActivity(a).ok());
        QCOMPARE(LeadQuery(*m_db, QDate(2026, 6, 1)).count(f).value(), 1);
        QCOMPARE(LeadQuery(*m_db, QDate(2026, 6, 1))
                     .rows(f, LeadSort::Temperature, true, 0, 10)
                     ->value(0)
                     .temperature,
                 Temperature::Hot);
        f = {};
        f.createdFrom = QDate(2026, 4, 2);
        f.createdTo = QDate(2026, 4, 2);
        QCOMPARE(q.count(f).value(), 1);
        f = {};
        f.ownerId = LeadRepository(*m_db).users().resolve(QStringLiteral("鈴木")).value();
        QCOMPARE(q.count(f).value(), 1);
        f = {};
        f.stage = Stage::Mql;
        QCOMPARE(q.count(f).value(), 0);
    }

    // Temperatures come from the stored thresholds: when those cannot be read the list is an
    // error, not the default thresholds (which would quietly change what "hot" means).
    void unreadableThresholdsAreAnError() {
        LeadFilter hot;
        hot.temperature = Temperature::Hot;
        const auto expectFailure = [&](const char *what) {
            LeadQuery q(*m_db, QDate(2026, 4, 10));
            const auto rows = q.rows(LeadFilter(), LeadSort::Created, true, 0, 10);
            QVERIFY2(!rows.ok(), what);
            QVERIFY2(!rows.error().isEmpty(), what);
            QVERIFY2(!q.count(hot).ok(), what);
            QCOMPARE(q.count(LeadFilter()).value(), 3); // no temperature: no thresholds needed
        };
        // The rules table (ScoringStore::load fails on its SELECT).
        QVERIFY(sql(QStringLiteral("ALTER TABLE scoring_rules RENAME TO scoring_rules_away")));
        expectFailure("scoring_rules unreadable");
        QVERIFY(sql(QStringLiteral("ALTER TABLE scoring_rules_away RENAME TO scoring_rules")));
        QCOMPARE(LeadQuery(*m_db, QDate(2026, 4, 10)).count(hot).value(), 1);
        // The settings holding the thresholds: a failed read is not "not set".
        QVERIFY(sql(QStringLiteral("ALTER TABLE settings RENAME TO settings_away")));
        expectFailure("settings unreadable");
    }

    void modelLazyFetchSortAndFilter() {
        LeadRepository repo(*m_db);
        for (int i = 0; i < 25; ++i) {
            Lead l = makeLead(QStringLiteral("会社%1").arg(i, 2, 10, QLatin1Char('0')),
                              QStringLiteral("田中"), QString(), QStringLiteral("タナカ"),
                              QString(), QString(), 5 + i % 20);
            QVERIFY(repo.insert(l).ok());
        }
        {
            // Lazy: one page at a time (the tester below fetches more on its own).
            LeadTableModel lazy;
            lazy.setPageSize(10);
            lazy.setDatabase(m_db.get());
            QCOMPARE(lazy.rowCount(), 10); // one page, not all 28
            QVERIFY(lazy.canFetchMore(QModelIndex()));
            QSignalSpy inserted(&lazy, &QAbstractItemModel::rowsInserted);
            lazy.fetchMore(QModelIndex());
            QCOMPARE(lazy.rowCount(), 20);
            QCOMPARE(inserted.size(), 1);
            QCOMPARE(inserted.first().at(1).toInt(), 10);
            QCOMPARE(inserted.first().at(2).toInt(), 19);
            lazy.fetchMore(QModelIndex());
            QCOMPARE(lazy.rowCount(), 28);
            QVERIFY(!lazy.canFetchMore(QModelIndex()));
            // Newest first by default.
            QCOMPARE(lazy.leadId(27), m_sample);
        }
        LeadTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        model.setDatabase(m_db.get());
        while (model.canFetchMore(QModelIndex()))
            model.fetchMore(QModelIndex());
        QCOMPARE(model.rowCount(), 28);

        // Sort by reading: サトウ < タナカ < ヤマダ (reading order, not kanji code points).
        model.sort(LeadTableModel::Reading, Qt::AscendingOrder);
        QCOMPARE(model.leadId(1), m_sample); // Acme has no reading and sorts first
        model.sort(LeadTableModel::Score, Qt::DescendingOrder);
        QCOMPARE(model.leadId(0), m_sample);
        QCOMPARE(model.data(model.index(0, LeadTableModel::Score)).toString(),
                 QLocale().toString(70));

        LeadFilter f;
        f.search = QStringLiteral("やまだ");
        model.setFilter(f);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0, LeadTableModel::Company)).toString(),
                 QStringLiteral("山田工業"));
        QCOMPARE(model.headerData(LeadTableModel::Source, Qt::Horizontal).toString(),
                 QStringLiteral("Original source"));
        const QString tsv = model.toTsv({0});
        QVERIFY(tsv.startsWith(QStringLiteral("Company\tPerson\t")));
        QVERIFY(tsv.contains(QStringLiteral("山田工業\t")));
        QVERIFY(tsv.contains(QStringLiteral("taro@yamada.example")));
    }

    void duplicatesOnTrickyPairs() {
        LeadRepository repo(*m_db);
        // Full-width email.
        Lead n =
            makeLead(QString(), QString(), QString(), QString(),
                     QStringLiteral("ＫＥＮ．ＳＡＴＯ＠ＳＡＭＰＬＥ．ＣＯ．ＪＰ"), QString(), 9);
        auto m = findDuplicates(*m_db, n);
        QVERIFY(m.ok());
        QCOMPARE(m->size(), 1);
        QCOMPARE(m->first().id, m_sample);
        QCOMPARE(m->first().reason, DuplicateReason::Email);
        // Phones written three ways.
        for (const QString &p :
             {QStringLiteral("0312345678"), QStringLiteral("０３（１２３４）５６７８"),
              QStringLiteral("+81 3-1234-5678")}) {
            Lead ph = makeLead(QString(), QString(), QString(), QString(), QString(), p, 9);
            auto pm = findDuplicates(*m_db, ph);
            QVERIFY(pm.ok());
            QCOMPARE(pm->size(), 1);
            QCOMPARE(pm->first().reason, DuplicateReason::Phone);
        }
        // Company variants: a suggestion only; the same text is a company+person match.
        for (const QString &c :
             {QStringLiteral("㈱サンプル"), QStringLiteral("サンプル株式会社")}) {
            Lead cv = makeLead(c, QStringLiteral("佐藤"), QStringLiteral("健"), QString(),
                               QString(), QString(), 9);
            auto cm = findDuplicates(*m_db, cv);
            QVERIFY(cm.ok());
            QCOMPARE(cm->size(), 1);
            QCOMPARE(cm->first().reason, DuplicateReason::Suggestion);
        }
        Lead same = makeLead(QStringLiteral("株式会社サンプル"), QStringLiteral("佐藤"),
                             QStringLiteral("健"), QString(), QString(), QString(), 9);
        QCOMPARE(findDuplicates(*m_db, same)->first().reason, DuplicateReason::CompanyPerson);
        // Another person at the same company is not a duplicate; a lead never matches itself.
        same.familyName = QStringLiteral("高橋");
        QVERIFY(findDuplicates(*m_db, same)->isEmpty());
        QVERIFY(findDuplicates(*m_db, repo.get(m_sample).value())->isEmpty());
        // Nothing was merged by looking.
        QCOMPARE(repo.count().value(), 3);
    }

    void mergeAndGroups() {
        LeadRepository repo(*m_db);
        Lead dup = makeLead(QStringLiteral("㈱サンプル"), QStringLiteral("佐藤"),
                            QStringLiteral("健"), QString(), QString(), QString(), 9);
        dup.mobile = QStringLiteral("090-1111-2222");
        QVERIFY(repo.insert(dup).ok());
        Activity a;
        a.leadId = dup.id;
        a.kind = ActivityKind::Call;
        a.occurredAt = dup.createdAt;
        QVERIFY(repo.addActivity(a).ok());
        auto groups = duplicateGroups(*m_db);
        QVERIFY(groups.ok());
        QCOMPARE(groups->size(), 1);
        QCOMPARE(groups->first().reason, DuplicateReason::Suggestion);
        QCOMPARE(groups->first().leads.size(), 2);

        const int historyBefore =
            int(repo.history(m_sample)->size() + repo.history(dup.id)->size());
        QVERIFY(mergeLeads(*m_db, m_sample, dup.id).ok());
        QCOMPARE(repo.count().value(), 3);
        const Lead merged = repo.get(m_sample).value();
        QCOMPARE(merged.mobile, QStringLiteral("090-1111-2222"));        // filled from the other
        QCOMPARE(merged.email, QStringLiteral("ken.sato@sample.co.jp")); // kept
        QCOMPARE(repo.activities(m_sample)->size(), 1);
        QCOMPARE(int(repo.history(m_sample)->size()), historyBefore);
        QVERIFY(duplicateGroups(*m_db)->isEmpty());
    }

    // A merge moves the other lead's activities to the kept one; its undo (as
    // MergeLeadsCommand does it) moves them back, and both leads' last activity follows.
    void mergeAndUndoKeepLastActivity() {
        LeadRepository repo(*m_db);
        const auto last = [this](qint64 id) {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            q.prepare(QStringLiteral("SELECT last_activity_at FROM leads WHERE id = ?"));
            q.addBindValue(id);
            return q.exec() && q.next() ? q.value(0).toString() : QStringLiteral("<none>");
        };
        const auto activity = [&](qint64 lead, int year) {
            Activity a;
            a.leadId = lead;
            a.kind = ActivityKind::Call;
            a.occurredAt = QDateTime(QDate(year, 1, 1), QTime(9, 0), QTimeZone(9 * 3600));
            QVERIFY(repo.addActivity(a).ok());
        };
        activity(m_sample, 2020);
        activity(m_yamada, 2026);
        QCOMPARE(last(m_sample), QStringLiteral("2020-01-01T09:00:00+09:00"));
        const Lead keepBefore = repo.get(m_sample).value();
        const LeadSnapshot other = snapshotLead(*m_db, m_yamada).value();
        QVERIFY(mergeLeads(*m_db, m_sample, m_yamada).ok());
        QCOMPARE(last(m_sample), QStringLiteral("2026-01-01T09:00:00+09:00"));
        {
            Transaction tx(*m_db);
            QVERIFY(restoreLead(*m_db, other).ok());
            Lead keep = keepBefore;
            keep.version = 0; // as MergeLeadsCommand's undo: put back over the merge's version
            QVERIFY(repo.update(keep).ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(last(m_sample), QStringLiteral("2020-01-01T09:00:00+09:00"));
        QCOMPARE(last(m_yamada), QStringLiteral("2026-01-01T09:00:00+09:00"));
    }

    void bulkWritesAreIndexedByCatchUp() {
        // Bulk writers (the demo, imports) leave their leads pending; the search reads pending
        // leads directly, so results are the same before and after SearchIndex::catchUp().
        QVERIFY(services::writeDemo(*m_db, 300, 3, QDate(2026, 6, 30)).ok());
        SearchIndex index(*m_db);
        QVERIFY(index.pendingCount().value() >= 300);
        LeadFilter f;
        f.search = QStringLiteral("やまだ");
        const qint64 viaIndex = LeadQuery(*m_db).count(f).value();
        f.search = QStringLiteral("山田");
        const qint64 viaLike = LeadQuery(*m_db).count(f).value();
        QVERIFY(viaIndex > 1);       // the demo has Yamadas, and ours
        QCOMPARE(viaIndex, viaLike); // index and LIKE agree (every 山田 reads ヤマダ)
        // Edits and deletes of pending leads must not touch the index (it has no entry yet).
        const qint64 first = index.pending().value().first().first;
        Lead edited = LeadRepository(*m_db).get(first).value();
        edited.company = QStringLiteral("改名後テスト商事");
        QVERIFY(LeadRepository(*m_db).update(edited).ok());
        QVERIFY(sql(QStringLiteral("DELETE FROM leads WHERE id = ?"), {first + 1}));
        QCOMPARE(search(QStringLiteral("改名後テスト")), QList<qint64>{first});
        // Catch up in small chunks, stopping once half-way (it resumes where it stopped).
        int calls = 0;
        QCOMPARE(index.catchUp(50, [&](qint64, qint64) { return ++calls < 3; }).value(), false);
        QVERIFY(index.pendingCount().value() > 0);
        QCOMPARE(index.catchUp(50).value(), true);
        QCOMPARE(index.pendingCount().value(), 0);
        QVERIFY(index.pending().value().isEmpty());
        QVERIFY(sql(QStringLiteral(
            "INSERT INTO leads_fts(leads_fts, rank) VALUES ('integrity-check', 1)")));
        f.search = QStringLiteral("やまだ");
        QCOMPARE(LeadQuery(*m_db).count(f).value(), viaIndex);
        QCOMPARE(search(QStringLiteral("改名後テスト")), QList<qint64>{first});
        // After the catch-up the triggers index every change again.
        Lead l = makeLead(QStringLiteral("新規トリガー株式会社"), QStringLiteral("森"), QString(),
                          QString(), QString(), QString(), 20);
        QVERIFY(LeadRepository(*m_db).insert(l).ok());
        QCOMPARE(search(QStringLiteral("新規トリガー")), QList<qint64>{l.id});
        QVERIFY(sql(QStringLiteral(
            "INSERT INTO leads_fts(leads_fts, rank) VALUES ('integrity-check', 1)")));
    }

    void sortBySourceAndOwnerPagesLikeAFullSort() {
        // Source and owner order is read as two runs (leads without one, then each name's
        // leads by index); every page must equal the same slice of a plain full sort.
        QVERIFY(services::writeDemo(*m_db, 250, 5, QDate(2026, 6, 30)).ok());
        Lead bare = makeLead(QStringLiteral("無所属"), QStringLiteral("森"), QString(), QString(),
                             QString(), QString(), 21);
        QVERIFY(LeadRepository(*m_db).insert(bare).ok());
        LeadQuery query(*m_db);
        for (const bool bySource : {true, false}) {
            for (const bool asc : {true, false}) {
                for (const bool filtered : {false, true}) {
                    LeadFilter f;
                    if (filtered)
                        f.stage = Stage::Inquiry;
                    QList<LeadRow> all = query.rows(f, LeadSort::Created, true, 0, 100000).value();
                    QVERIFY(all.size() > 20);
                    const auto key = [&](const LeadRow &r) {
                        return bySource ? r.source : r.owner;
                    };
                    int unnamed = 0;
                    for (const LeadRow &r : all)
                        unnamed += key(r).isEmpty() ? 1 : 0;
                    QVERIFY2(unnamed > 0 && unnamed < all.size(), "fixture needs both kinds");
                    std::sort(all.begin(), all.end(), [&](const LeadRow &a, const LeadRow &b) {
                        const QString ka = key(a), kb = key(b);
                        if (ka != kb)
                            return asc ? ka < kb : kb < ka;
                        return asc ? a.id < b.id : b.id < a.id;
                    });
                    const LeadSort sort = bySource ? LeadSort::Source : LeadSort::Owner;
                    QList<qint64> paged, expected;
                    for (int off = 0; off < all.size() + 7; off += 7) {
                        const QList<LeadRow> page = query.rows(f, sort, asc, off, 7).value();
                        for (const LeadRow &r : page)
                            paged << r.id;
                    }
                    for (const LeadRow &r : all)
                        expected << r.id;
                    QCOMPARE(paged, expected);
                }
            }
        }
    }

    // Temperature order (hot, warm, cold, then id) from the stored last activity, paged like a
    // full sort; each row's temperature (computed in C++) agrees with its place. A search in
    // each order (read through leads_report, or by walking the order's index) lists the same
    // leads in the same order as the full list does.
    void temperatureSortAndSearchPageLikeAFullSort() {
        QVERIFY(services::writeDemo(*m_db, 300, 7, QDate(2026, 6, 30)).ok());
        QVERIFY(SearchIndex(*m_db).catchUp().ok());
        QCOMPARE(SearchIndex(*m_db).pendingCount().value(), 0);
        LeadQuery query(*m_db, QDate(2026, 6, 30));
        const auto rank = [](Temperature t) {
            return t == Temperature::Hot ? 0 : t == Temperature::Warm ? 1 : 2;
        };
        QList<LeadRow> all = query.rows({}, LeadSort::Created, true, 0, 100000).value();
        QSet<int> seen;
        for (const LeadRow &r : all)
            seen.insert(rank(r.temperature));
        QCOMPARE(seen.size(), 3); // the fixture has hot, warm and cold leads
        for (const bool asc : {true, false}) {
            QList<LeadRow> sorted = all;
            std::sort(sorted.begin(), sorted.end(), [&](const LeadRow &a, const LeadRow &b) {
                const int ra = rank(a.temperature), rb = rank(b.temperature);
                if (ra != rb)
                    return asc ? ra < rb : rb < ra;
                return asc ? a.id < b.id : b.id < a.id;
            });
            QList<qint64> paged, expected;
            for (int off = 0; off < all.size() + 11; off += 11) {
                const QList<LeadRow> page =
                    query.rows({}, LeadSort::Temperature, asc, off, 11).value();
                for (const LeadRow &r : page)
                    paged << r.id;
            }
            for (const LeadRow &r : sorted)
                expected << r.id;
            QCOMPARE(paged, expected);
        }
        for (const QString &text : {QStringLiteral("株式会社"), QStringLiteral("co.jp")}) {
            LeadFilter f;
            f.search = text;
            QSet<qint64> matching;
            const QList<LeadRow> found = query.rows(f, LeadSort::Score, true, 0, 100000).value();
            for (const LeadRow &r : found)
                matching.insert(r.id);
            QVERIFY(!matching.isEmpty() && matching.size() < all.size());
            for (const auto &[sort, asc] :
                 {std::pair{LeadSort::Created, true}, std::pair{LeadSort::Created, false},
                  std::pair{LeadSort::Score, true}, std::pair{LeadSort::Score, false},
                  std::pair{LeadSort::Stage, true}, std::pair{LeadSort::Stage, false},
                  std::pair{LeadSort::Reading, true}, std::pair{LeadSort::Company, false}}) {
                QList<qint64> expected, paged;
                const QList<LeadRow> list = query.rows({}, sort, asc, 0, 100000).value();
                for (const LeadRow &r : list) {
                    if (matching.contains(r.id))
                        expected << r.id;
                }
                for (int off = 0; off < expected.size() + 13; off += 13) {
                    const QList<LeadRow> page = query.rows(f, sort, asc, off, 13).value();
                    for (const LeadRow &r : page)
                        paged << r.id;
                }
                QCOMPARE(paged, expected);
            }
        }
    }

    // Sorted by temperature the first pages are read as runs in id order (hot, warm, cold), a
    // whole list of more than 1,000 rows by one sort: with temperatures set by hand (a recent
    // lead set cold, an old one hot) and with filters, every page, of either size, read either
    // way, is the same slice of one order: the rank, then the id, both reversed when
    // descending. The runs come from the few leads that can be hot or warm (found by date: the
    // demo's own day; by score: a day when every lead is active but few score that high; none
    // recent: a later day, only the hand-set ones) or, when those are too many (limit 0), from a
    // walk of every lead.
    void temperatureRunsPageLikeOneSort() {
        QVERIFY(services::writeDemo(*m_db, 500, 11, QDate(2026, 6, 30)).ok());
        QVERIFY(
            sql(QStringLiteral("UPDATE leads SET temperature_override = 'hot' WHERE id % 37 = 0")));
        QVERIFY(sql(
            QStringLiteral("UPDATE leads SET temperature_override = 'cold' WHERE id % 41 = 0")));
        QVERIFY(sql(
            QStringLiteral("UPDATE leads SET temperature_override = 'warm' WHERE id % 43 = 0")));
        // Few leads score high enough to be hot or warm, so they are the smaller set.
        auto rules = ScoringStore(*m_db).load();
        QVERIFY(rules.ok());
        rules->thresholds.hotScore = 80;
        rules->thresholds.warmScore = 70;
        rules->thresholds.warmDays = 400;
        QVERIFY(ScoringStore(*m_db).save(*rules).ok());
        const auto rank = [](Temperature t) {
            return t == Temperature::Hot ? 0 : t == Temperature::Warm ? 1 : 2;
        };
        LeadFilter inquiries;
        inquiries.stage = Stage::Inquiry;
        LeadFilter lost;
        lost.lostOnly = true;
        struct Mode {
            const char *name;
            QDate today;
            qint64 limit;
            QString candidates; // the part of the candidates' SQL that tells which set was read
        };
        const QList<Mode> modes{
            {"by date", QDate(2026, 6, 30), LeadQuery::kTemperatureCandidateLimit,
             QStringLiteral("last_activity_at >=")},
            {"by score", QDate(2026, 6, 30), 100, QStringLiteral("lead_scores")},
            {"only set by hand", QDate(2028, 1, 1), LeadQuery::kTemperatureCandidateLimit,
             QStringLiteral("last_activity_at >=")},
            {"walk, no candidates", QDate(2026, 6, 30), 0, QString()},
        };
        for (const Mode &mode : modes) {
            LeadQuery query(*m_db, mode.today);
            query.setTemperatureCandidateLimit(mode.limit);
            const auto candidates = query.temperatureCandidates();
            QVERIFY(candidates.ok());
            QCOMPARE(candidates->has_value(), !mode.candidates.isEmpty());
            if (*candidates)
                QVERIFY2((*candidates)->sql.contains(mode.candidates), mode.name);
            // (The lost leads' filter once: the runs read the same way under any filter.)
            QList<LeadFilter> filters{LeadFilter(), inquiries};
            if (&mode == &modes.first())
                filters << lost;
            for (const LeadFilter &f : std::as_const(filters)) {
                QList<LeadRow> all = query.rows(f, LeadSort::Created, true, 0, 100000).value();
                int counts[3] = {0, 0, 0};
                for (const LeadRow &r : all)
                    ++counts[rank(r.temperature)];
                QVERIFY2(counts[0] > 0 && counts[1] > 0 && counts[2] > 0, mode.name);
                for (const bool asc : {true, false}) {
                    std::sort(all.begin(), all.end(), [&](const LeadRow &a, const LeadRow &b) {
                        const int ra = rank(a.temperature), rb = rank(b.temperature);
                        if (ra != rb)
                            return asc ? ra < rb : rb < ra;
                        return asc ? a.id < b.id : b.id < a.id;
                    });
                    QList<qint64> expected;
                    for (const LeadRow &r : all)
                        expected << r.id;
                    // Pages of 200 through the whole list (the deeper ones sorted), and small
                    // pages over the first runs, across their ends.
                    for (const auto &[size, end] :
                         {std::pair{200, int(all.size()) + 200}, std::pair{13, 400}}) {
                        QList<qint64> paged;
                        for (int off = 0; off < end; off += size) {
                            const auto page = query.rows(f, LeadSort::Temperature, asc, off, size);
                            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error()));
                            for (const LeadRow &r : page.value()) {
                                QVERIFY(paged.size() < expected.size());
                                QCOMPARE(r.id, expected.at(paged.size()));
                                paged << r.id;
                            }
                        }
                        QVERIFY(paged.size() >= std::min<qsizetype>(end, expected.size()));
                        QCOMPARE(paged, expected.mid(0, paged.size()));
                    }
                    const QList<LeadRow> sorted =
                        query.rows(f, LeadSort::Temperature, asc, 0, 100000).value();
                    QList<qint64> whole;
                    for (const LeadRow &r : sorted)
                        whole << r.id;
                    QCOMPARE(whole, expected);
                }
            }
            // A temperature chosen: the same leads, counted alike, in any order, read from the
            // candidates or not; sorted by temperature, the one run.
            for (const Temperature t : {Temperature::Hot, Temperature::Warm, Temperature::Cold}) {
                LeadFilter f;
                f.temperature = t;
                LeadQuery plain(*m_db, mode.today);
                plain.setTemperatureCandidateLimit(0);
                for (const auto &[sort, asc] :
                     {std::pair{LeadSort::Created, false}, std::pair{LeadSort::Score, true},
                      std::pair{LeadSort::Company, true}, std::pair{LeadSort::Temperature, true},
                      std::pair{LeadSort::Temperature, false}}) {
                    QList<qint64> ids, expected;
                    const QList<LeadRow> got = query.rows(f, sort, asc, 0, 100000).value();
                    const QList<LeadRow> want = plain.rows(f, sort, asc, 0, 100000).value();
                    for (const LeadRow &r : got) {
                        QCOMPARE(r.temperature, t);
                        ids << r.id;
                    }
                    for (const LeadRow &r : want)
                        expected << r.id;
                    QCOMPARE(ids, expected);
                    QList<qint64> paged;
                    for (int off = 0; off < 60; off += 20) {
                        const QList<LeadRow> part = query.rows(f, sort, asc, off, 20).value();
                        for (const LeadRow &r : part)
                            paged << r.id;
                    }
                    QCOMPARE(paged, expected.mid(0, 60));
                }
                QCOMPARE(query.count(f).value(), plain.count(f).value());
            }
        }
    }

    // Schema v17: the leads that can be hot or warm are read through indexes, never by reading
    // every lead (at 1,000,000 leads a reading took 1.7-2.2 s when none was hot or warm). By
    // date: leads set by hand (leads_temperature_set), active since the cut-off
    // (leads_last_activity), created since then without an activity (leads_created); by score:
    // lead_scores_score. Too many either way: none (the list walks every lead instead).
    void temperatureCandidatesAreReadThroughIndexes() {
        QVERIFY(services::writeDemo(*m_db, 200, 5, QDate(2026, 6, 30)).ok());
        QVERIFY(
            sql(QStringLiteral("UPDATE leads SET temperature_override = 'hot' WHERE id % 29 = 0")));
        const auto plan = [&](const LeadQuery::TemperatureCandidates &c,
                              const QString &where) -> QString {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            if (!q.prepare(QStringLiteral("EXPLAIN QUERY PLAN SELECT l.id FROM leads l WHERE l.id "
                                          "IN (%1)%2 ORDER BY l.id")
                               .arg(c.sql, where)))
                return QStringLiteral("cannot prepare: ") + q.lastError().text();
            for (const QVariant &b : c.binds)
                q.addBindValue(b);
            if (!q.exec())
                return QStringLiteral("cannot run: ") + q.lastError().text();
            QStringList lines;
            while (q.next())
                lines << q.value(3).toString();
            return lines.join(QLatin1Char('\n'));
        };
        // Old leads (the demo's last day is half a year before): only those set by hand.
        LeadQuery later(*m_db, QDate(2026, 12, 31));
        const auto old = later.temperatureCandidates();
        QVERIFY(old.ok() && old->has_value());
        for (const QString &where : {QString(), QStringLiteral(" AND l.stage = 'inquiry'")}) {
            const QString p = plan(**old, where);
            QVERIFY2(p.contains(QLatin1String("leads_temperature_set")), qPrintable(p));
            QVERIFY2(p.contains(QLatin1String("leads_last_activity")), qPrintable(p));
            QVERIFY2(p.contains(QLatin1String("leads_created")), qPrintable(p));
            QVERIFY2(!p.contains(QLatin1String("SCAN")), qPrintable(p)); // no lead read in turn
        }
        qint64 setHot = 0; // by hand (the demo also sets some warm and cold)
        {
            QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
            QVERIFY(q.exec(
                QStringLiteral("SELECT count(*) FROM leads WHERE temperature_override = 'hot'")));
            QVERIFY(q.next());
            setHot = q.value(0).toLongLong();
        }
        QVERIFY(setHot > 0);
        LeadFilter hot;
        hot.temperature = Temperature::Hot;
        QCOMPARE(later.count(hot).value(), setHot);
        // Every lead active within the days, few scoring high enough: by score.
        auto rules = ScoringStore(*m_db).load();
        QVERIFY(rules.ok());
        rules->thresholds.hotScore = 90;
        rules->thresholds.warmScore = 90;
        rules->thresholds.warmDays = 1000;
        QVERIFY(ScoringStore(*m_db).save(*rules).ok());
        LeadQuery now(*m_db, QDate(2026, 6, 30));
        now.setTemperatureCandidateLimit(100);
        const auto scored = now.temperatureCandidates();
        QVERIFY(scored.ok() && scored->has_value());
        const QString p = plan(**scored, QString());
        QVERIFY2(p.contains(QLatin1String("lead_scores_score")), qPrintable(p));
        QVERIFY2(!p.contains(QLatin1String("SCAN")), qPrintable(p));
        // Too many either way: none.
        now.setTemperatureCandidateLimit(setHot);
        const auto none = now.temperatureCandidates();
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
    }

    void deleteAndRestoreKeepsHistory() {
        LeadRepository repo(*m_db);
        QVERIFY(repo.changeStage(m_yamada, Stage::Mql, SqlKind::None, QStringLiteral("me"),
                                 QDateTime::currentDateTime())
                    .ok());
        Touchpoint tp;
        tp.leadId = m_yamada;
        tp.source = QStringLiteral("Web");
        tp.occurredAt = QDateTime::currentDateTime();
        QVERIFY(repo.addTouchpoint(tp).ok());
        auto snap = snapshotLead(*m_db, m_yamada);
        QVERIFY(snap.ok());
        QVERIFY(deleteLeads(*m_db, {m_yamada}).ok());
        QVERIFY(!repo.get(m_yamada).ok());
        QCOMPARE(search(QStringLiteral("やまだ")), QList<qint64>{});
        QVERIFY(restoreLead(*m_db, *snap).ok());
        const Lead back = repo.get(m_yamada).value();
        QCOMPARE(back, snap->lead);
        QCOMPARE(repo.history(m_yamada)->size(), 2);
        QCOMPARE(repo.touchpoints(m_yamada)->size(), 1);
        QCOMPARE(search(QStringLiteral("やまだ")), QList<qint64>{m_yamada});
    }
};

QTEST_GUILESS_MAIN(TestLeadQuery)
#include "tst_leadquery.moc"
