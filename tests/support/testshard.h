#pragma once

// A long test executable run by ctest as several shorter tests, each a share of its test
// functions (unit tests stay under 10 s each, and `ctest -j` runs the shares side by side).
// mikomi_add_test(tst_x SHARDS n) registers tst_x_1 … tst_x_n, each with MIKOMI_TEST_SHARD=i/n;
// the test's main (MIKOMI_TEST_MAIN / MIKOMI_TEST_GUILESS_MAIN instead of QTEST_MAIN) then runs
// every n-th test function from the i-th on, in declaration order, with initTestCase and
// cleanupTestCase as usual. Every function runs in exactly one share. Run by hand (no
// MIKOMI_TEST_SHARD) or with test functions named on the command line, it runs as QTEST_MAIN
// does.

#include <QCoreApplication>
#include <QMetaMethod>
#include <QStringList>
#include <QTest>

#include <cstdio>

namespace mikomitest {

// The test functions of `object` as QTest sees them: private slots of its own class without
// arguments, not the _data functions and not the four set-up/clean-up functions.
inline QStringList testFunctions(const QObject &object) {
    static const QStringList kNotTests = {
        QStringLiteral("initTestCase"), QStringLiteral("cleanupTestCase"), QStringLiteral("init"),
        QStringLiteral("cleanup"), QStringLiteral("initTestCase_data")};
    QStringList out;
    const QMetaObject *mo = object.metaObject();
    for (int i = mo->methodOffset(); i < mo->methodCount(); ++i) {
        const QMetaMethod m = mo->method(i);
        const QString name = QString::fromLatin1(m.name());
        if (m.methodType() != QMetaMethod::Slot || m.access() != QMetaMethod::Private ||
            m.parameterCount() != 0 || name.endsWith(QLatin1String("_data")) ||
            kNotTests.contains(name))
            continue;
        out << name;
    }
    return out;
}

// QTest::qExec for this process's share (MIKOMI_TEST_SHARD=i/n), or for everything.
inline int execShard(QObject *object, int argc, char **argv) {
    const QString shard = qEnvironmentVariable("MIKOMI_TEST_SHARD");
    const QStringList all = testFunctions(*object);
    bool functionsNamed = false; // a function named on the command line: run what was asked
    for (int i = 1; i < argc; ++i)
        functionsNamed =
            functionsNamed ||
            all.contains(QString::fromLocal8Bit(argv[i]).section(QLatin1Char(':'), 0, 0));
    if (shard.isEmpty() || functionsNamed)
        return QTest::qExec(object, argc, argv);
    bool okIndex = false, okCount = false;
    const int index = shard.section(QLatin1Char('/'), 0, 0).toInt(&okIndex);
    const int count = shard.section(QLatin1Char('/'), 1, 1).toInt(&okCount);
    if (!okIndex || !okCount || count < 1 || index < 1 || index > count) {
        std::fprintf(stderr, "MIKOMI_TEST_SHARD=%s: expected i/n with 1 <= i <= n\n",
                     qPrintable(shard));
        return 1;
    }
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    for (int i = index - 1; i < all.size(); i += count)
        args << all.at(i);
    if (args.size() == argc) // more shares than functions: this one has none
        return 0;
    return QTest::qExec(object, args);
}

} // namespace mikomitest

// As QTEST_MAIN_WRAPPER (qtest.h), with execShard() for QTest::qExec.
#define MIKOMI_TEST_MAIN_WRAPPER(TestObject, ...)                                                  \
    int main(int argc, char *argv[]) {                                                             \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                         \
        __VA_ARGS__                                                                                \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return mikomitest::execShard(&tc, argc, argv);                                             \
    }
#define MIKOMI_TEST_MAIN(TestObject) MIKOMI_TEST_MAIN_WRAPPER(TestObject, QTEST_MAIN_SETUP())
#define MIKOMI_TEST_GUILESS_MAIN(TestObject)                                                       \
    MIKOMI_TEST_MAIN_WRAPPER(TestObject, QTEST_QAPP_SETUP(QCoreApplication))
