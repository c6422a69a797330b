#include "ui/leadconflictdialog.h"

#include "models/domain/leadfields.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mikomi::ui {
namespace {
enum Column { FieldColumn, BeforeColumn, MineColumn, TheirsColumn, ChoiceColumn, ColumnCount };
}

LeadConflictDialog::LeadConflictDialog(const Lead &before, const Lead &mine, const Lead &theirs,
                                       QWidget *parent)
    : QDialog(parent)
    , m_before(before)
    , m_mine(mine)
    , m_theirs(theirs) {
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(true);
    const QList<LeadField> &all = leadFields();
    for (int i = 0; i < all.size(); ++i) {
        const LeadField &f = all.at(i);
        if (f.get(mine) == f.get(theirs))
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_rows << i;
        for (const auto &[column, lead] :
             {std::pair{BeforeColumn, &m_before}, std::pair{MineColumn, &m_mine},
              std::pair{TheirsColumn, &m_theirs}})
            m_table->setItem(row, column, new QTableWidgetItem(shown(i, *lead)));
        m_table->setItem(row, FieldColumn, new QTableWidgetItem);
        auto *choice = new QComboBox(m_table);
        choice->addItem(QString(), true);
        choice->addItem(QString(), false);
        // Unchanged here since the lead was opened: their value, else this edit's.
        choice->setCurrentIndex(f.get(mine) == f.get(before) ? 1 : 0);
        m_table->setCellWidget(row, ChoiceColumn, choice);
        m_choices << choice;
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_buttons);
    retranslate();
    m_table->resizeColumnsToContents();
    for (int c = BeforeColumn; c <= TheirsColumn; ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 220));
    m_table->resizeRowsToContents();
    resize(820, 420);
}

QString LeadConflictDialog::shown(int field, const Lead &l) const {
    const LeadField &f = leadFields().at(field);
    const QString v = f.get(l);
    if (f.name == QLatin1String("stage"))
        return stageLabel(l.stage);
    if (f.name == QLatin1String("lost") || f.name == QLatin1String("opt_out"))
        return v == QLatin1String("1") ? tr("Yes") : tr("No");
    return v;
}

void LeadConflictDialog::retranslate() {
    setWindowTitle(tr("Someone else saved this lead"));
    m_intro->setText(
        tr("%1 was saved by someone else while you were editing it. Choose for each field "
           "whether to keep your value or take theirs, then save again.")
            .arg(m_theirs.company.isEmpty() ? m_theirs.displayName(true) : m_theirs.company));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Before", "value when the lead was opened"),
                                        tr("Mine"), tr("Theirs"), tr("Keep")});
    for (int row = 0; row < m_rows.size(); ++row) {
        m_table->item(row, FieldColumn)->setText(leadFields().at(m_rows.at(row)).labelText());
        for (const auto &[column, lead] :
             {std::pair{BeforeColumn, &m_before}, std::pair{MineColumn, &m_mine},
              std::pair{TheirsColumn, &m_theirs}})
            m_table->item(row, column)->setText(shown(m_rows.at(row), *lead));
        m_choices.at(row)->setItemText(0, tr("Keep mine"));
        m_choices.at(row)->setItemText(1, tr("Take theirs"));
    }
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void LeadConflictDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

QStringList LeadConflictDialog::fields() const {
    QStringList out;
    for (int i : m_rows)
        out << leadFields().at(i).name;
    return out;
}

void LeadConflictDialog::setKeepMine(int row, bool keepMine) {
    m_choices.at(row)->setCurrentIndex(keepMine ? 0 : 1);
}

Lead LeadConflictDialog::resolved() const {
    Lead out = m_theirs; // their version: the save goes over it
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_choices.at(row)->currentData().toBool()) {
            const LeadField &f = leadFields().at(m_rows.at(row));
            f.set(out, f.get(m_mine));
        }
    }
    // The lists go whole: this edit's when it changed them.
    if (m_mine.extraContacts != m_before.extraContacts)
        out.extraContacts = m_mine.extraContacts;
    if (m_mine.customFields != m_before.customFields)
        out.customFields = m_mine.customFields;
    out.updatedAt = m_mine.updatedAt;
    return out;
}

} // namespace mikomi::ui
