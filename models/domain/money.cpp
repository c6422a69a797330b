#include "models/domain/money.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace mikomi {

QString currencyKey(Currency c) {
    return c == Currency::JPY ? QStringLiteral("JPY") : QStringLiteral("USD");
}

std::optional<Currency> currencyFromKey(const QString &key) {
    const QString k = key.trimmed().toUpper();
    if (k == QLatin1String("JPY"))
        return Currency::JPY;
    if (k == QLatin1String("USD"))
        return Currency::USD;
    return std::nullopt;
}

int minorUnits(Currency c) {
    return c == Currency::JPY ? 1 : 100;
}

std::optional<Currency> currencyOfMinorUnits(int minorUnitsPerMajor) {
    for (const Currency c : {Currency::JPY, Currency::USD})
        if (minorUnits(c) == minorUnitsPerMajor)
            return c;
    return std::nullopt;
}

QString formatMoney(Money amount, Currency c, const QLocale &locale) {
    if (c == Currency::JPY)
        return QStringLiteral("¥") + locale.toString(amount);
    const bool negative = amount < 0;
    const Money abs = negative ? -amount : amount;
    const QString major = locale.toString(abs / 100);
    const QString minor = QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
    return (negative ? QStringLiteral("-$") : QStringLiteral("$")) + major + locale.decimalPoint() +
           minor;
}

namespace {

QString currencyName(Currency c) {
    return c == Currency::JPY ? QCoreApplication::translate("mikomi::Money", "yen (JPY)")
                              : QCoreApplication::translate("mikomi::Money", "US dollars (USD)");
}

// Currency signs and codes at the start and end of `s` ("¥1,500,000円" has two): removed from
// `s`, returned as written.
QStringList takeCurrencyMarks(QString &s) {
    static const QString codes = QStringLiteral("JPY|USD|EUR|GBP|CNY|RMB|KRW|TWD|HKD|SGD|AUD|CAD|"
                                                "CHF|INR|THB|PHP|IDR|VND|MYR|NZD");
    static const QRegularExpression prefix(
        QStringLiteral(R"(^(US\$|[$¥\\€£₩₹]|(?:%1)(?=[\s0-9.,-])))").arg(codes));
    static const QRegularExpression suffix(
        QStringLiteral(R"(((?<=[\s0-9])(?:%1)|円|[$€£])$)").arg(codes));
    QStringList marks;
    for (const QRegularExpression *re : {&prefix, &suffix}) {
        const auto m = re->match(s);
        if (m.hasMatch()) {
            const QString mark = m.captured(1);
            s = re == &prefix ? s.mid(mark.size()).trimmed() : s.chopped(mark.size()).trimmed();
            marks << mark;
        }
    }
    return marks;
}

std::optional<Currency> currencyOfMark(const QString &mark) {
    if (mark == u"¥" || mark == u"\\" || mark == u"円" || mark == u"JPY")
        return Currency::JPY;
    if (mark == u"$" || mark == u"US$" || mark == u"USD")
        return Currency::USD;
    return std::nullopt;
}

} // namespace

Result<Money> parseMoney(const QString &text, Currency currency) {
    // Plain digits (most amounts of a file): what the rules below make of them, at once. NFKC
    // leaves ASCII as it is; no sign, mark, comma or point; at most 15 digits.
    if (const QStringView plain = QStringView(text).trimmed();
        !plain.isEmpty() && plain.size() <= 15 &&
        std::all_of(plain.begin(), plain.end(), [](QChar c) { return c >= u'0' && c <= u'9'; })) {
        qint64 major = 0;
        for (const QChar c : plain)
            major = major * 10 + (c.unicode() - u'0');
        return Money(major * minorUnits(currency));
    }
    // NFKC: full-width digits, "，", "．", "￥" and "＄" become their ASCII forms (￥ → ¥).
    QString s = text.normalized(QString::NormalizationForm_KC).trimmed();
    const QString shown = text.trimmed();
    if (s.isEmpty())
        return Error{QCoreApplication::translate("mikomi::Money", "Enter an amount.")};
    const auto invalid = [&] {
        return Error{QCoreApplication::translate(
                         "mikomi::Money",
                         "\"%1\" is not a valid amount; use digits, with commas between "
                         "thousands if you like, such as 1,500,000.")
                         .arg(shown)};
    };
    const auto ambiguous = [&] {
        return Error{QCoreApplication::translate(
                         "mikomi::Money", "\"%1\" is ambiguous: yen amounts have no decimals. For "
                                          "thousands, write commas, such as 1,000.")
                         .arg(shown)};
    };
    const auto negative = [&] {
        return Error{QCoreApplication::translate(
                         "mikomi::Money", "\"%1\" is negative; an amount cannot be below zero.")
                         .arg(shown)};
    };
    static const QString minusSigns = QStringLiteral("-\u2212\u25B2\u25B3");
    if (minusSigns.contains(s.front()) || (s.startsWith(u'(') && s.endsWith(u')') && s.size() > 2))
        return negative();
    s = s.toUpper(); // "usd", "jpy"
    for (const QString &mark : takeCurrencyMarks(s)) {
        const auto of = currencyOfMark(mark);
        if (!of || *of != currency)
            return Error{QCoreApplication::translate(
                             "mikomi::Money", "\"%1\" is in another currency (%2); amounts in this "
                                              "database are in %3.")
                             .arg(shown, mark, currencyName(currency))};
    }
    if (!s.isEmpty() && minusSigns.contains(s.front()))
        return negative();
    static const QRegularExpression number(
        QStringLiteral(R"(^([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?$)"));
    const auto m = number.match(s);
    if (!m.hasMatch()) {
        static const QRegularExpression dotGroups(QStringLiteral(R"(^[0-9]{1,3}(?:\.[0-9]{3})+$)"));
        if (currency == Currency::JPY && dotGroups.match(s).hasMatch())
            return ambiguous(); // "1.000.000"
        return invalid();
    }
    const int decimals = currency == Currency::JPY ? 0 : 2;
    QString whole = m.captured(1);
    whole.remove(u',');
    QString frac = m.captured(2);
    if (frac.size() > decimals) {
        // "1.000": European grouping as often as a decimal point.
        if (currency == Currency::JPY && frac.size() == 3 && !m.captured(1).contains(u','))
            return ambiguous();
        if (currency == Currency::JPY)
            return Error{QCoreApplication::translate(
                             "mikomi::Money", "\"%1\" has decimals, but yen amounts have none.")
                             .arg(shown)};
        return Error{
            QCoreApplication::translate("mikomi::Money",
                                        "\"%1\" has more than two decimals; dollar amounts are in "
                                        "whole cents.")
                .arg(shown)};
    }
    while (frac.size() < decimals)
        frac.append(u'0');
    while (whole.size() > 1 && whole.startsWith(u'0'))
        whole.remove(0, 1);
    if (whole.size() > 15)
        return Error{QCoreApplication::translate("mikomi::Money", "\"%1\" is too large an amount.")
                         .arg(shown)};
    const qint64 major = whole.toLongLong();
    const qint64 minor = frac.isEmpty() ? 0 : frac.toLongLong();
    return Money(major * minorUnits(currency) + minor);
}

} // namespace mikomi
