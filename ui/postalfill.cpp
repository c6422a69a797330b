#include "ui/postalfill.h"

#include <QLineEdit>
#include <QMenu>

namespace mikomi::ui {

PostalFill::PostalFill(QLineEdit *postal, QLineEdit *prefecture, QLineEdit *city, QLineEdit *street,
                       QLineEdit *country, const QString &databaseCountry)
    : QObject(postal)
    , m_postal(postal)
    , m_prefecture(prefecture)
    , m_city(city)
    , m_street(street)
    , m_country(country)
    , m_databaseCountry(databaseCountry)
    , m_menu(new QMenu(postal)) {
    m_menu->setObjectName(QStringLiteral("postalChoices"));
    connect(postal, &QLineEdit::textEdited, this, &PostalFill::codeEdited);
    // Leaving the field: a known code is written as Mikomi keeps it (100-0005).
    connect(postal, &QLineEdit::editingFinished, this, [this] {
        if (!inJapan())
            return;
        const QString digits = japan::postalDigits(m_postal->text());
        if (!digits.isEmpty() && !japan::PostalCodes::builtIn().lookup(digits).isEmpty())
            m_postal->setText(japan::formatPostalCode(digits));
    });
    for (QLineEdit *f : {street, city}) {
        if (f)
            connect(f, &QLineEdit::editingFinished, this, &PostalFill::addressLeft);
    }
}

bool PostalFill::inJapan() const {
    const QString written = m_country ? m_country->text().trimmed() : QString();
    return written.isEmpty() ? japan::isJapan(m_databaseCountry) : japan::isJapan(written);
}

void PostalFill::codeEdited(const QString &text) {
    if (!inJapan())
        return;
    const QString digits = japan::postalDigits(text);
    if (digits.isEmpty())
        return;
    const QList<japan::PostalAddress> found = japan::PostalCodes::builtIn().lookup(digits);
    if (found.isEmpty())
        return;
    if (found.size() == 1) {
        fillAddress(found.first());
        return;
    }
    // Several towns: the prefecture and city now when all share them, the town from the menu.
    bool sameCity = true;
    for (const japan::PostalAddress &a : found)
        sameCity =
            sameCity && a.prefecture == found.first().prefecture && a.city == found.first().city;
    if (sameCity) {
        put(m_prefecture, found.first().prefecture);
        put(m_city, found.first().city);
    }
    offer(found, false);
}

void PostalFill::addressLeft() {
    if (!inJapan())
        return;
    if (!m_postal || !m_postal->text().trimmed().isEmpty() || !m_city ||
        m_city->text().trimmed().isEmpty())
        return;
    const QList<japan::PostalAddress> found = japan::PostalCodes::builtIn().reverseLookup(
        m_prefecture ? m_prefecture->text() : QString(), m_city->text(),
        m_street ? m_street->text() : QString());
    if (found.size() == 1) {
        m_postal->setText(found.first().code);
        put(m_prefecture, found.first().prefecture);
    } else if (found.size() > 1) {
        offer(found, true);
    }
}

void PostalFill::fillAddress(const japan::PostalAddress &a) {
    put(m_prefecture, a.prefecture);
    put(m_city, a.city);
    put(m_street, a.town);
    if (m_street && m_street->text() == a.town) {
        // The cursor where the block number goes on: 丸の内|.
        m_street->setCursorPosition(int(a.town.size()));
    }
}

void PostalFill::offer(const QList<japan::PostalAddress> &choices, bool codes) {
    m_choices = choices;
    m_choosingCodes = codes;
    m_menu->clear();
    for (qsizetype i = 0; i < choices.size(); ++i) {
        const japan::PostalAddress &a = choices.at(i);
        // Data, not words of the program: an address as it is written on an envelope.
        const QString label = u'〒' + a.code + u' ' + a.prefecture + a.city + a.town;
        m_menu->addAction(label, this, [this, i] { choose(i); });
    }
    if (m_postal && m_postal->isVisible())
        m_menu->popup(m_postal->mapToGlobal(QPoint(0, m_postal->height())));
}

void PostalFill::choose(qsizetype index) {
    if (index < 0 || index >= m_choices.size())
        return;
    const japan::PostalAddress a = m_choices.at(index);
    if (m_choosingCodes) {
        if (m_postal)
            m_postal->setText(a.code);
        put(m_prefecture, a.prefecture);
    } else {
        fillAddress(a);
    }
    m_choices.clear();
    m_menu->hide();
}

void PostalFill::put(QLineEdit *field, const QString &value) {
    if (!field)
        return;
    const QString now = field->text();
    if (!now.isEmpty() && now != m_filled.value(field))
        return;
    field->setText(value);
    m_filled.insert(field, value);
}

} // namespace mikomi::ui
