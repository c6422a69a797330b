#pragma once

#include "models/domain/lead.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace mikomi::ui {

// Someone else saved the lead while it was open here (its version moved): the fields that
// differ between this edit ("mine") and the stored lead ("theirs"), with the value both started
// from ("before"), one row each; per field the user keeps theirs or takes mine. resolved() is
// the stored lead with the chosen fields of mine, to be saved over the stored version.
class LeadConflictDialog final : public QDialog {
    Q_OBJECT
public:
    LeadConflictDialog(const Lead &before, const Lead &mine, const Lead &theirs,
                       QWidget *parent = nullptr);

    Lead resolved() const;
    // The fields shown (column names, storage's leadFields()), for tests.
    QStringList fields() const;
    void setKeepMine(int row, bool keepMine);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QString shown(int field, const Lead &l) const;
    Lead m_before;
    Lead m_mine;
    Lead m_theirs;
    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<int> m_rows; // index into leadFields() per row
    QList<QComboBox *> m_choices;
};

} // namespace mikomi::ui
