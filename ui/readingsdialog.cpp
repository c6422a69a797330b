#include "ui/readingsdialog.h"

#include "models/japan/readingdictionary.h"
#include "models/text/normalize.h"
#include "ui/messagebox.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <memory>

namespace mikomi::ui {

ReadingsDialog::ReadingsDialog(storage::Database &db, QUndoStack *undo,
                               const QList<qint64> &selected, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_undo(undo)
    , m_selected(selected)
    , m_dictionary(std::make_unique<japan::ReadingDictionary>()) {
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_scopeLabel = new QLabel(this);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("scope"));
    m_scope->addItem(QString());
    m_scope->addItem(QString());
    m_scopeLabel->setBuddy(m_scope);
    top->addWidget(m_scopeLabel);
    top->addWidget(m_scope);
    top->addStretch();
    layout->addLayout(top);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("suggestions"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &ReadingsDialog::apply);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Selected leads when there are several, else every lead.
    m_scope->setCurrentIndex(m_selected.size() > 1 ? 0 : 1);
    m_scope->setEnabled(!m_selected.isEmpty());
    connect(m_scope, &QComboBox::currentIndexChanged, this, &ReadingsDialog::fill);
    retranslate();
    fill();
    resize(760, 480);
}

ReadingsDialog::~ReadingsDialog() = default;

void ReadingsDialog::setScope(int scope) {
    m_scope->setCurrentIndex(scope);
}

void ReadingsDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

namespace {
QString fieldLabel(commands::ReadingField f) {
    switch (f) {
    case commands::ReadingField::Company:
        return QCoreApplication::translate("mikomi::ui::ReadingsDialog", "Company reading");
    case commands::ReadingField::Family:
        return QCoreApplication::translate("mikomi::ui::ReadingsDialog", "Family name reading");
    case commands::ReadingField::Given:
        break;
    }
    return QCoreApplication::translate("mikomi::ui::ReadingsDialog", "Given name reading");
}
} // namespace

void ReadingsDialog::retranslate() {
    setWindowTitle(tr("Suggest readings"));
    m_scopeLabel->setText(tr("Leads:"));
    m_scope->setItemText(0, tr("The %n selected lead(s)", nullptr, int(m_selected.size())));
    m_scope->setItemText(1, tr("Every lead without a reading"));
    m_table->setHorizontalHeaderLabels(
        {tr("Lead"), tr("Field"), tr("Written"), tr("Suggested reading"), tr("Note")});
    m_buttons->button(QDialogButtonBox::Apply)->setText(tr("Apply ticked readings"));
    for (int row = 0; row < m_table->rowCount() && row < m_suggestions.size(); ++row) {
        const commands::ReadingSuggestion &s = m_suggestions.at(row);
        m_table->item(row, FieldColumn)->setText(fieldLabel(s.field));
        m_table->item(row, NoteColumn)
            ->setText(s.guess.agreed ? tr("Both dictionaries agree")
                      : s.guess.alternative.isEmpty()
                          ? tr("Please check: one dictionary only")
                          : tr("Please check: or %1").arg(s.guess.alternative));
    }
    const int ticked = int(changes().size());
    // A missing dictionary (a build without MeCab or KAKASI): said first, the other still used.
    const QString missing =
        m_dictionary->error().isEmpty() ? QString() : m_dictionary->error() + u' ';
    QString summary;
    if (m_suggestions.isEmpty())
        summary = tr("Every lead here has its readings, or its names are not Japanese.");
    else
        summary = tr("%n reading(s) suggested; the ticked ones are written when you apply. Edit "
                     "a reading by double-clicking it.",
                     nullptr, int(m_suggestions.size())) +
                  u' ' + tr("Ticked: %1.").arg(ticked);
    m_summary->setText(missing + summary);
}

void ReadingsDialog::fill() {
    m_table->setRowCount(0);
    m_suggestions.clear();
    const QList<qint64> ids = m_scope->currentIndex() == 0 ? m_selected : QList<qint64>();
    auto found = commands::suggestReadings(m_db, ids, *m_dictionary);
    if (!found) {
        m_summary->setText(found.error());
        return;
    }
    m_suggestions = std::move(found).value();
    const QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_suggestions.size()));
    for (int row = 0; row < m_suggestions.size(); ++row) {
        const commands::ReadingSuggestion &s = m_suggestions.at(row);
        const auto item = [](const QString &text, bool editable) {
            auto *i = new QTableWidgetItem(text);
            Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
            if (editable)
                f |= Qt::ItemIsEditable;
            i->setFlags(f);
            return i;
        };
        auto *lead = item(s.leadName, false);
        lead->setFlags(lead->flags() | Qt::ItemIsUserCheckable);
        lead->setCheckState(s.guess.agreed ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, LeadColumn, lead);
        m_table->setItem(row, FieldColumn, item(QString(), false));
        m_table->setItem(row, WrittenColumn, item(s.written, false));
        m_table->setItem(row, ReadingColumn, item(s.guess.reading, true));
        m_table->setItem(row, NoteColumn, item(QString(), false));
    }
    connect(m_table, &QTableWidget::itemChanged, this, &ReadingsDialog::retranslate,
            Qt::UniqueConnection);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(!m_suggestions.isEmpty());
    retranslate();
}

QList<commands::ReadingChange> ReadingsDialog::changes() const {
    QList<commands::ReadingChange> out;
    for (int row = 0; row < m_table->rowCount() && row < m_suggestions.size(); ++row) {
        if (m_table->item(row, LeadColumn)->checkState() != Qt::Checked)
            continue;
        const QString reading = text::nfkcSimplified(m_table->item(row, ReadingColumn)->text());
        if (reading.isEmpty())
            continue;
        const commands::ReadingSuggestion &s = m_suggestions.at(row);
        out.append({s.leadId, s.field, QString(), reading});
    }
    return out;
}

void ReadingsDialog::apply() {
    const QList<commands::ReadingChange> c = changes();
    if (c.isEmpty()) {
        reject();
        return;
    }
    // Errors of this first apply are shown here; those of a later undo or redo (the dialog is
    // gone then) over the window that opened it.
    auto failure = std::make_shared<QString>();
    auto applying = std::make_shared<bool>(true);
    QPointer<QWidget> owner = parentWidget();
    auto *cmd = new commands::SetReadingsCommand(
        m_db, c, [] {},
        [failure, applying, owner](const QString &m) {
            if (*applying)
                *failure = m;
            else
                MessageBox::warning(owner, tr("Suggest readings"), m);
        });
    commands::push(m_undo, cmd);
    *applying = false;
    if (!failure->isEmpty()) {
        MessageBox::warning(this, windowTitle(), *failure);
        return;
    }
    accept();
}

} // namespace mikomi::ui
