#include "models/japan/postalcodes.h"

#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <vector>

namespace mikomi::japan {
namespace {

// JIS X 0401 order: the number make_postal_data.py writes for each prefecture.
const char16_t *const kPrefectures[] = {
    u"北海道", u"青森県", u"岩手県", u"宮城県", u"秋田県", u"山形県",   u"福島県", u"茨城県",
    u"栃木県", u"群馬県", u"埼玉県", u"千葉県", u"東京都", u"神奈川県", u"新潟県", u"富山県",
    u"石川県", u"福井県", u"山梨県", u"長野県", u"岐阜県", u"静岡県",   u"愛知県", u"三重県",
    u"滋賀県", u"京都府", u"大阪府", u"兵庫県", u"奈良県", u"和歌山県", u"鳥取県", u"島根県",
    u"岡山県", u"広島県", u"山口県", u"徳島県", u"香川県", u"愛媛県",   u"高知県", u"福岡県",
    u"佐賀県", u"長崎県", u"熊本県", u"大分県", u"宮崎県", u"鹿児島県", u"沖縄県"};
constexpr int kPrefectureCount = int(std::size(kPrefectures));

QString prefectureName(int number) {
    return number >= 1 && number <= kPrefectureCount ? QString::fromUtf16(kPrefectures[number - 1])
                                                     : QString();
}

} // namespace

struct PostalCodes::Data {
    struct Entry {
        quint32 code;
        quint8 prefecture;
        qint32 city; // index into cities
        QString town;
    };
    std::vector<Entry> entries; // sorted by code
    QStringList cities;
    // "prefecture number|city" → entries of that city
    QHash<QString, std::vector<qsizetype>> byCity;
    // city → prefecture numbers that have it
    QHash<QString, QList<int>> prefecturesOfCity;
    QString date;
    QString error;

    PostalAddress address(const Entry &e) const {
        return {formatPostalCode(QStringLiteral("%1").arg(e.code, 7, 10, QLatin1Char('0'))),
                prefectureName(e.prefecture), cities.at(e.city), e.town};
    }
};

QString postalDigits(const QString &typed) {
    QString s = text::nfkcSimplified(typed);
    s.remove(QChar(u'〒'));
    QString digits;
    for (const QChar c : s) {
        if (c.isDigit())
            digits += c;
        else if (c != u'-' && c != u' ' && c != u'ー' && c != u'−' && c != u'‐')
            return {};
    }
    return digits.size() == 7 ? digits : QString();
}

QString formatPostalCode(const QString &digits) {
    return digits.size() == 7 ? digits.left(3) + u'-' + digits.mid(3) : digits;
}

const PostalCodes &PostalCodes::builtIn() {
    static const PostalCodes table([] {
        QFile f(QStringLiteral(":/japan/postal.bin"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }());
    return table;
}

PostalCodes::PostalCodes(const QByteArray &compressed)
    : d(std::make_unique<Data>()) {
    const QByteArray text = compressed.isEmpty() ? QByteArray() : qUncompress(compressed);
    if (text.isEmpty()) {
        d->error = QCoreApplication::translate("mikomi::japan::PostalCodes",
                                               "The table of postal codes could not be read.");
        return;
    }
    QHash<QString, qint32> cityIndex;
    qsizetype lineNo = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line(text.constData() + start, end - start);
        start = end + 1;
        ++lineNo;
        if (lineNo == 1) {
            const QList<QByteArray> head = line.toByteArray().split(' ');
            if (head.size() < 3 || head.at(0) != "#mikomi-postal") {
                d->error = QCoreApplication::translate("mikomi::japan::PostalCodes",
                                                       "The table of postal codes is not in "
                                                       "Mikomi's format (line 1).");
                return;
            }
            d->date = QString::fromLatin1(head.at(2));
            continue;
        }
        if (line.isEmpty())
            continue;
        const QList<QByteArray> parts = line.toByteArray().split('\t');
        bool codeOk = false;
        bool prefOk = false;
        const quint32 code = parts.value(0).toUInt(&codeOk);
        const int pref = parts.value(1).toInt(&prefOk);
        if (parts.size() != 4 || !codeOk || !prefOk || pref < 1 || pref > kPrefectureCount) {
            d->error = QCoreApplication::translate("mikomi::japan::PostalCodes",
                                                   "The table of postal codes is damaged at "
                                                   "line %1.")
                           .arg(lineNo);
            d->entries.clear();
            return;
        }
        const QString city = QString::fromUtf8(parts.at(2));
        auto it = cityIndex.find(city);
        if (it == cityIndex.end()) {
            it = cityIndex.insert(city, qint32(d->cities.size()));
            d->cities.append(city);
        }
        d->entries.push_back({code, quint8(pref), *it, QString::fromUtf8(parts.at(3))});
    }
    std::stable_sort(d->entries.begin(), d->entries.end(),
                     [](const Data::Entry &a, const Data::Entry &b) { return a.code < b.code; });
    for (qsizetype i = 0; i < qsizetype(d->entries.size()); ++i) {
        const Data::Entry &e = d->entries[std::size_t(i)];
        const QString &city = d->cities.at(e.city);
        d->byCity[QString::number(e.prefecture) + u'|' + city].push_back(i);
        QList<int> &prefs = d->prefecturesOfCity[city];
        if (!prefs.contains(e.prefecture))
            prefs.append(e.prefecture);
    }
}

PostalCodes::~PostalCodes() = default;

QString PostalCodes::error() const {
    return d->error;
}

QString PostalCodes::dataDate() const {
    return d->date;
}

qsizetype PostalCodes::size() const {
    return qsizetype(d->entries.size());
}

QList<PostalAddress> PostalCodes::lookup(const QString &code) const {
    const QString digits = postalDigits(code);
    if (digits.isEmpty())
        return {};
    const quint32 n = digits.toUInt();
    auto it = std::lower_bound(d->entries.begin(), d->entries.end(), n,
                               [](const Data::Entry &e, quint32 c) { return e.code < c; });
    QList<PostalAddress> out;
    for (; it != d->entries.end() && it->code == n; ++it)
        out.append(d->address(*it));
    return out;
}

QList<PostalAddress> PostalCodes::reverseLookup(const QString &prefecture, const QString &city,
                                                const QString &street) const {
    const QString c = text::nfkcSimplified(city);
    const QString p = text::nfkcSimplified(prefecture);
    // NFKC keeps kanji and kana; digits and Latin letters of the street become half-width.
    const QString s = text::nfkcSimplified(street);
    QList<int> prefs;
    for (int number : d->prefecturesOfCity.value(c)) {
        if (p.isEmpty() || prefectureName(number) == p)
            prefs.append(number);
    }
    QList<PostalAddress> towns;
    QList<PostalAddress> whole;
    for (int number : prefs) {
        for (qsizetype i : d->byCity.value(QString::number(number) + u'|' + c)) {
            const Data::Entry &e = d->entries[std::size_t(i)];
            if (e.town.isEmpty())
                whole.append(d->address(e));
            else if (!s.isEmpty() && s.startsWith(text::nfkcSimplified(e.town)))
                towns.append(d->address(e));
        }
    }
    if (towns.isEmpty())
        return whole;
    std::stable_sort(towns.begin(), towns.end(),
                     [](const PostalAddress &a, const PostalAddress &b) {
                         return a.town.size() > b.town.size();
                     });
    // Only the longest towns: 丸の内 and 丸の内新丸の内ビルディング both begin "丸の内…".
    const qsizetype longest = towns.first().town.size();
    towns.erase(
        std::remove_if(towns.begin(), towns.end(),
                       [longest](const PostalAddress &a) { return a.town.size() < longest; }),
        towns.end());
    return towns;
}

bool isJapan(const QString &country) {
    static const QStringList names{QStringLiteral("jp"),    QStringLiteral("jpn"),
                                   QStringLiteral("japan"), QStringLiteral("nippon"),
                                   QStringLiteral("nihon"), QStringLiteral("日本"),
                                   QStringLiteral("日本国")};
    return names.contains(
        country.normalized(QString::NormalizationForm_KC).trimmed().toCaseFolded());
}

} // namespace mikomi::japan
