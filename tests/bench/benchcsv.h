#pragma once

// The leads CSV the import benchmarks read (bench_import, bench_team): synthetic people under a
// Japanese CRM's header names, 70 % Japanese rows, six sources, every stage, a deal value on a
// quarter of the rows and a quoted two-line note every tenth row. The same rows for the same
// `rows` (a fixed seed).

#include <QFile>
#include <QRandomGenerator>
#include <QString>
#include <QTextStream>

namespace mikomi::bench {

inline void writeLeadsCsv(const QString &path, int rows) {
    static const char16_t *families[] = {u"山田", u"佐藤", u"鈴木", u"髙橋", u"田中",
                                         u"伊藤", u"渡辺", u"中村", u"小林", u"加藤"};
    static const char16_t *familyReadings[] = {u"ヤマダ",   u"サトウ", u"スズキ",   u"タカハシ",
                                               u"タナカ",   u"イトウ", u"ワタナベ", u"ナカムラ",
                                               u"コバヤシ", u"カトウ"};
    static const char16_t *givens[] = {u"太郎", u"花子", u"一郎", u"美咲", u"健太", u"陽子"};
    static const char *latinFamilies[] = {"Smith", "Johnson", "Brown", "Garcia", "Miller"};
    static const char *latinGivens[] = {"Anna", "Bob", "Carol", "David", "Emma", "Frank"};
    static const char16_t *sources[] = {u"展示会", u"Google Ads", u"LinkedIn",
                                        u"紹介",   u"ウェビナー", u"Organic Search"};
    static const char *stages[] = {"inquiry", "mql", "sql", "opportunity", "customer", "lost"};
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QTextStream out(&f);
    out << "会社名,姓,名,姓カナ,メールアドレス,電話番号,都道府県,リードソース,ステージ,作成日,"
           "受注金額,備考\n";
    QRandomGenerator rng(42);
    for (int i = 0; i < rows; ++i) {
        const bool ja = rng.bounded(10) < 7;
        const int fi = int(rng.bounded(10));
        QString company, family, given, reading;
        if (ja) {
            company = QStringLiteral("株式会社サンプル%1").arg(i / 3);
            family = QString::fromUtf16(families[fi]);
            given = QString::fromUtf16(givens[rng.bounded(6)]);
            reading = QString::fromUtf16(familyReadings[fi]);
        } else {
            company = QStringLiteral("Example %1 Inc.").arg(i / 3);
            family = QLatin1String(latinFamilies[rng.bounded(5)]);
            given = QLatin1String(latinGivens[rng.bounded(6)]);
        }
        out << company << ',' << family << ',' << given << ',' << reading << ','
            << QStringLiteral("user%1@example%2.jp").arg(i).arg(i % 97) << ','
            << QStringLiteral("03-%1-%2").arg(1000 + i % 9000).arg(1000 + (i * 7) % 9000) << ','
            << (ja ? QStringLiteral("東京都") : QString()) << ','
            << QString::fromUtf16(sources[rng.bounded(6)]) << ',' << stages[rng.bounded(6)] << ','
            << QStringLiteral("2025-%1-%2 10:%3")
                   .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                   .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
            << ','
            << (rng.bounded(4) == 0 ? QString::number(100000 * rng.bounded(1, 50)) : QString())
            << ',' << (i % 10 == 0 ? QStringLiteral("\"メモ, 複数行\n二行目\"") : QString())
            << '\n';
    }
}

} // namespace mikomi::bench
