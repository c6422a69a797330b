#include "models/analytics/largestremainder.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace mikomi::analytics;

namespace {
std::vector<qint64> lr(qint64 total, std::vector<qint64> w, std::vector<QString> names = {}) {
    return largestRemainder(total, w, names);
}
} // namespace

class TestLargestRemainder final : public QObject {
    Q_OBJECT
private slots:
    void mulDiv() {
        QCOMPARE(mulDivCeil(30, 100, 30), 100); // ⌈30 × 100 / 30⌉
        QCOMPARE(mulDivCeil(1, 49, 1), 49);     // 1 / (1/49) in doubles is 49.00000000000001
        QCOMPARE(mulDivCeil(31, 100, 30), 104); // 103.33 → 104
        QCOMPARE(mulDivFloor(31, 100, 30), 103);
        QCOMPARE(mulDivCeil(0, 5, 3), 0);
        const qint64 max = std::numeric_limits<qint64>::max(); // 9223372036854775807
        // 128-bit path: max × 2 / 4 = 4611686018427387903.5
        QCOMPARE(mulDivFloor(max, 2, 4), Q_INT64_C(4611686018427387903));
        QCOMPARE(mulDivCeil(max, 2, 4), Q_INT64_C(4611686018427387904));
        QCOMPARE(mulDivFloor(max, max, max), max);
        QVERIFY(!mulDivFloor(max, 3, 2)); // does not fit
        QVERIFY(!mulDivFloor(-1, 3, 2));  // negative
        QVERIFY(!mulDivCeil(1, 3, 0));    // zero denominator
    }

    void splits() {
        // 70/20/10 of 100 is exact.
        QCOMPARE(lr(100, {70, 20, 10}), (std::vector<qint64>{70, 20, 10}));
        // 1 unit: exact shares 0.7, 0.2, 0.1 → the largest remainder (0.7) gets it.
        QCOMPARE(lr(1, {70, 20, 10}), (std::vector<qint64>{1, 0, 0}));
        // 1000001: 700000.7, 200000.2, 100000.1 → +1 to the first.
        QCOMPARE(lr(1000001, {70, 20, 10}), (std::vector<qint64>{700001, 200000, 100000}));
        // 2 units over 70/20/10: exact 1.4, 0.4, 0.2 → floors 1, 0, 0; remainders 0.4, 0.4,
        // 0.2 → the tie is broken by the larger exact share (1.4 > 0.4), not by name ("a" < "z").
        QCOMPARE(
            lr(2, {70, 20, 10}, {QStringLiteral("z"), QStringLiteral("a"), QStringLiteral("b")}),
            (std::vector<qint64>{2, 0, 0}));
        QCOMPARE(lr(0, {1, 2}), (std::vector<qint64>{0, 0}));
        QVERIFY(lr(5, {}).empty());
    }

    void tiesByShareThenName() {
        // 10 over weights 1:4:1 (sum 6): exact 1.667, 6.667, 1.667; floors 1, 6, 1 (8); all
        // remainders 4/6. Two units: first the larger share (index 1), then the smaller name
        // ("a" at index 2 before "z" at index 0).
        QCOMPARE(lr(10, {1, 4, 1}, {QStringLiteral("z"), QStringLiteral("m"), QStringLiteral("a")}),
                 (std::vector<qint64>{1, 7, 2}));
        // 10 over three equal parts: the unit goes to the smallest name.
        QCOMPARE(lr(10, {1, 1, 1}, {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c")}),
                 (std::vector<qint64>{3, 4, 3}));
        // Japanese names compare by code point: "Google" < "展示会".
        QCOMPARE(lr(1, {1, 1}, {QStringLiteral("展示会"), QStringLiteral("Google")}),
                 (std::vector<qint64>{0, 1}));
    }

    void allZeroWeightsSplitEqually() {
        QCOMPARE(lr(5, {0, 0}, {QStringLiteral("b"), QStringLiteral("a")}),
                 (std::vector<qint64>{2, 3}));
    }

    void hugeTotal() {
        // 9000000000000000001 over 1:2 → 3e18 + ⅓, 6e18 + ⅔ → the second gets the unit.
        const qint64 total = Q_INT64_C(9000000000000000001);
        QCOMPARE(lr(total, {1, 2}), (std::vector<qint64>{Q_INT64_C(3000000000000000000),
                                                         Q_INT64_C(6000000000000000001)}));
    }

    void randomSplitsAddUpAndStayWithinOneUnit() {
        std::mt19937_64 rng(42);
        for (int round = 0; round < 500; ++round) {
            const auto n = std::size_t(1 + rng() % 12);
            std::vector<qint64> w(n);
            for (qint64 &x : w)
                x = qint64(rng() % 1000);
            const auto total = qint64(rng() % 10000000);
            const std::vector<qint64> parts = largestRemainder(total, w);
            QCOMPARE(std::accumulate(parts.begin(), parts.end(), qint64(0)), total);
            const qint64 sum = std::accumulate(w.begin(), w.end(), qint64(0));
            for (std::size_t i = 0; i < n; ++i) {
                const double exact =
                    sum ? double(total) * double(w[i]) / double(sum) : double(total) / double(n);
                QVERIFY(std::fabs(double(parts[i]) - exact) < 1.0 + 1e-6);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLargestRemainder)
#include "tst_largestremainder.moc"
