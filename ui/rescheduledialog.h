#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;

namespace mikomi::ui {

// Asks when a follow-up is due instead: a date and time (calendar popup), starting at the
// current due time.
class RescheduleDialog final : public QDialog {
    Q_OBJECT
public:
    explicit RescheduleDialog(const QDateTime &due, QWidget *parent = nullptr);
    QDateTime dueAt() const;
    QDateTimeEdit *edit() const { return m_edit; }

private:
    QDateTimeEdit *m_edit = nullptr;
};

} // namespace mikomi::ui
