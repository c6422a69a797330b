#include "ui/rescheduledialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLocale>

namespace mikomi::ui {

RescheduleDialog::RescheduleDialog(const QDateTime &due, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Reschedule follow-up"));
    setMinimumWidth(320);
    auto *form = new QFormLayout(this);
    m_edit = new QDateTimeEdit(due, this);
    m_edit->setObjectName(QStringLiteral("dueAt"));
    m_edit->setCalendarPopup(true);
    // The locale's date with a four-digit year and the time to the minute.
    m_edit->setDisplayFormat(
        QLocale().dateFormat(QLocale::ShortFormat).contains(QStringLiteral("yyyy"))
            ? QLocale().dateTimeFormat(QLocale::ShortFormat)
            : QStringLiteral("yyyy-MM-dd HH:mm"));
    form->addRow(tr("Due:"), m_edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_edit->setFocus();
}

QDateTime RescheduleDialog::dueAt() const {
    return m_edit->dateTime();
}

} // namespace mikomi::ui
