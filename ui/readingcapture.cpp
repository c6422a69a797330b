#include "ui/readingcapture.h"

#include "models/japan/readingdictionary.h"
#include "models/text/normalize.h"
#include "ui/postalfill.h"

#include <QInputMethodEvent>
#include <QLineEdit>

namespace mikomi::ui {
namespace {

// Legal forms and their readings: typed in a company name, they add nothing to its reading.
const std::pair<const char16_t *, const char16_t *> kLegalForms[] = {
    {u"株式会社", u"カブシキガイシャ"}, {u"有限会社", u"ユウゲンガイシャ"},
    {u"合同会社", u"ゴウドウガイシャ"}, {u"合資会社", u"ゴウシガイシャ"},
    {u"合名会社", u"ゴウメイガイシャ"}, {u"株式会社", u"カブシキカイシャ"}};

bool hasJapanese(const QString &s) {
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF) ||
            (u >= 0xF900 && u <= 0xFAFF) || u == 0x3005)
            return true;
    }
    return false;
}

} // namespace

ReadingCapture::ReadingCapture(QLineEdit *name, QLineEdit *reading, Kind kind)
    : QObject(name)
    , m_name(name)
    , m_reading(reading)
    , m_kind(kind)
    , m_manual(!reading->text().isEmpty()) {
    name->installEventFilter(this);
    connect(name, &QLineEdit::textChanged, this, &ReadingCapture::nameChanged);
    // textEdited: changes by the user only, not by setText (ours or a form's load).
    connect(reading, &QLineEdit::textEdited, this, &ReadingCapture::readingEdited);
    // Both fields emptied by the form (the next card): the reading fills itself again.
    connect(reading, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && m_name && m_name->text().isEmpty()) {
            m_manual = false;
            m_captured.clear();
        }
    });
}

bool ReadingCapture::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_name && event->type() == QEvent::InputMethod) {
        const auto *im = static_cast<QInputMethodEvent *>(event);
        const QString preedit = im->preeditString();
        // One event may commit a converted word and start the next composition (typing on
        // after a conversion): the commit first, then the new preedit.
        if (!im->commitString().isEmpty()) {
            committed(im->commitString());
            m_kana.clear();
        }
        if (japan::isKana(preedit))
            m_kana = preedit;
        else if (preedit.isEmpty())
            m_kana.clear(); // composition committed or cancelled
        // A preedit of kanji (converting) keeps the kana seen before it.
    }
    return QObject::eventFilter(watched, event);
}

void ReadingCapture::committed(const QString &commit) {
    if (!hasJapanese(commit))
        return; // Latin: the reading is not ours to guess
    QString kana = japan::isKana(commit) ? commit : m_kana;
    if (kana.isEmpty())
        return; // kanji without a composition we saw (pasted through the input method)
    kana = text::toKatakana(kana.simplified().remove(u' '));
    if (m_kind == Kind::Company) {
        for (const auto &[form, formReading] : kLegalForms) {
            const QString f = QString::fromUtf16(form);
            const QString r = QString::fromUtf16(formReading);
            if (commit.contains(f) && kana.contains(r))
                kana.remove(r);
        }
    }
    m_captured += kana;
    write(m_captured);
}

void ReadingCapture::nameChanged(const QString &text) {
    if (!text.isEmpty())
        return;
    m_captured.clear();
    m_kana.clear();
    if (!m_manual)
        write(QString());
    else if (m_reading && m_reading->text().isEmpty())
        m_manual = false; // both empty (a form cleared for the next card): start afresh
}

void ReadingCapture::readingEdited(const QString &text) {
    m_manual = !text.isEmpty();
    if (!m_manual)
        m_captured.clear();
}

void ReadingCapture::write(const QString &reading) {
    if (m_manual || !m_reading)
        return;
    // A reading put there by someone else (a draft restored, a scan) is theirs.
    if (!m_reading->text().isEmpty() && m_reading->text() != m_written) {
        m_manual = true;
        return;
    }
    m_written = reading;
    m_reading->setText(reading);
}

void installJapaneseEntry(QWidget *form, const QString &databaseCountry) {
    const auto line = [form](const char *name) {
        return form->findChild<QLineEdit *>(QLatin1String(name));
    };
    const std::tuple<const char *, const char *, ReadingCapture::Kind> pairs[] = {
        {"familyName", "familyReading", ReadingCapture::Kind::Person},
        {"givenName", "givenReading", ReadingCapture::Kind::Person},
        {"company", "companyReading", ReadingCapture::Kind::Company}};
    for (const auto &[name, reading, kind] : pairs) {
        QLineEdit *n = line(name);
        QLineEdit *r = line(reading);
        if (n && r)
            new ReadingCapture(n, r, kind);
    }
    if (QLineEdit *postal = line("postalCode"))
        new PostalFill(postal, line("prefecture"), line("city"), line("street"), line("country"),
                       databaseCountry);
}

} // namespace mikomi::ui
