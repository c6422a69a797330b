#include "models/japan/readingdictionary.h"

#include "models/text/normalize.h"

#include <QCoreApplication>
#include <QDir>
#include <QMutex>

#ifdef MIKOMI_HAVE_MECAB
#include <mecab.h>
#endif
#ifdef MIKOMI_HAVE_KAKASI
#include <iconv.h>
extern "C" { // libkakasi.h declares C functions without saying so
#include <libkakasi.h>
}
#endif

#include <cstring>
#include <vector>

namespace mikomi::japan {
namespace {

// Legal forms, longest first; readings leave them out.
const char16_t *const kLegalForms[] = {u"特定非営利活動法人",
                                       u"一般社団法人",
                                       u"公益社団法人",
                                       u"一般財団法人",
                                       u"公益財団法人",
                                       u"株式会社",
                                       u"有限会社",
                                       u"合同会社",
                                       u"合資会社",
                                       u"合名会社",
                                       u"(株)",
                                       u"(有)",
                                       u"(同)",
                                       u"㈱",
                                       u"㈲"};

#ifdef MIKOMI_HAVE_KAKASI
// KAKASI keeps global state and reads EUC-JP: one caller at a time, converted with iconv.
QMutex &kakasiMutex() {
    static QMutex m;
    return m;
}

QByteArray convert(const char *to, const char *from, const QByteArray &in) {
    iconv_t cd = iconv_open(to, from);
    if (cd == iconv_t(-1))
        return {};
    QByteArray out(in.size() * 4 + 16, '\0');
    char *ip = const_cast<char *>(in.constData());
    size_t il = size_t(in.size());
    char *op = out.data();
    size_t ol = size_t(out.size());
    const size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    if (r == size_t(-1))
        return {};
    out.truncate(out.size() - qsizetype(ol));
    return out;
}
#endif

} // namespace

QString companyWithoutLegalForm(const QString &company) {
    QString s = text::nfkcSimplified(company);
    for (const char16_t *form : kLegalForms)
        s.remove(QString::fromUtf16(form));
    return s.trimmed();
}

bool isKana(const QString &s) {
    if (s.trimmed().isEmpty())
        return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool kana = (u >= 0x3041 && u <= 0x309F) || (u >= 0x30A0 && u <= 0x30FF);
        if (!kana && c != u' ' && c != u'　')
            return false;
    }
    return true;
}

struct ReadingDictionary::Data {
#ifdef MIKOMI_HAVE_MECAB
    mecab_t *mecab = nullptr;
#endif
    bool kakasi = false;
    QString error;
};

ReadingDictionary::ReadingDictionary()
    : d(std::make_unique<Data>()) {
#ifdef MIKOMI_HAVE_MECAB
    // Debian's default dictionary may be the EUC-JP ipadic: ask for the UTF-8 one by name.
    std::vector<QByteArray> args{"mikomi", "-Oyomi"};
    for (const char *dir :
         {"/var/lib/mecab/dic/ipadic-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8"}) {
        if (QDir(QString::fromLatin1(dir)).exists()) {
            args.push_back("-d");
            args.push_back(dir);
            break;
        }
    }
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    d->mecab = mecab_new(int(argv.size()), argv.data());
    if (d->mecab) {
        const mecab_dictionary_info_t *info = mecab_dictionary_info(d->mecab);
        if (!info ||
            (qstricmp(info->charset, "utf-8") != 0 && qstricmp(info->charset, "utf8") != 0)) {
            mecab_destroy(d->mecab);
            d->mecab = nullptr;
        }
    }
    if (!d->mecab)
        d->error = QCoreApplication::translate("mikomi::japan::ReadingDictionary",
                                               "MeCab's dictionary (mecab-ipadic-utf8) was not "
                                               "found.");
#else
    d->error = QCoreApplication::translate("mikomi::japan::ReadingDictionary",
                                           "MeCab's dictionary (mecab-ipadic-utf8) was not "
                                           "found.");
#endif
#ifdef MIKOMI_HAVE_KAKASI
    const QMutexLocker lock(&kakasiMutex());
    char a0[] = "kakasi";
    char a1[] = "-JK";
    char a2[] = "-HK";
    char *kargv[] = {a0, a1, a2, nullptr};
    d->kakasi = kakasi_getopt_argv(3, kargv) == 0;
    if (!d->kakasi && d->error.isEmpty())
        d->error = QCoreApplication::translate("mikomi::japan::ReadingDictionary",
                                               "KAKASI's dictionary was not found.");
#else
    if (d->error.isEmpty())
        d->error = QCoreApplication::translate("mikomi::japan::ReadingDictionary",
                                               "KAKASI's dictionary was not found.");
#endif
}

ReadingDictionary::~ReadingDictionary() {
#ifdef MIKOMI_HAVE_MECAB
    if (d->mecab)
        mecab_destroy(d->mecab);
#endif
}

QString ReadingDictionary::error() const {
    return d->error;
}

QString ReadingDictionary::mecabReading(const QString &text) const {
#ifdef MIKOMI_HAVE_MECAB
    if (!d->mecab || text.trimmed().isEmpty())
        return {};
    const QByteArray in = text.simplified().toUtf8();
    const char *out = mecab_sparse_tostr2(d->mecab, in.constData(), size_t(in.size()));
    if (!out)
        return {};
    QString r = QString::fromUtf8(out).trimmed();
    r = text::toKatakana(r);
    return isKana(r) ? r : QString();
#else
    Q_UNUSED(text);
    return {};
#endif
}

QString ReadingDictionary::kakasiReading(const QString &text) const {
#ifdef MIKOMI_HAVE_KAKASI
    if (!d->kakasi || text.trimmed().isEmpty())
        return {};
    QByteArray euc = convert("EUC-JP", "UTF-8", text.simplified().toUtf8());
    if (euc.isEmpty())
        return {};
    const QMutexLocker lock(&kakasiMutex());
    char *out = kakasi_do(euc.data());
    if (!out)
        return {};
    const QByteArray utf8 = convert("UTF-8", "EUC-JP", QByteArray(out));
    kakasi_free(out);
    const QString r = text::toKatakana(QString::fromUtf8(utf8).trimmed());
    return isKana(r) ? r : QString();
#else
    Q_UNUSED(text);
    return {};
#endif
}

ReadingGuess ReadingDictionary::guess(const QString &text, ReadingKind kind) const {
    const QString written =
        kind == ReadingKind::Company ? companyWithoutLegalForm(text) : text::nfkcSimplified(text);
    const QString m = mecabReading(written);
    const QString k = kakasiReading(written);
    ReadingGuess g;
    if (m.isEmpty() && k.isEmpty())
        return g;
    g.agreed = !m.isEmpty() && m == k;
    // Where they differ, KAKASI's reading first: it was right slightly more often (see the
    // header); MeCab's is the alternative.
    g.reading = k.isEmpty() ? m : k;
    if (!g.agreed && !m.isEmpty() && !k.isEmpty())
        g.alternative = m;
    return g;
}

} // namespace mikomi::japan
