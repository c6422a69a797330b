#include "ui/teammergedialog.h"

#include "models/appsettings.h"
#include "models/domain/leadfields.h"
#include "models/storage/database.h"
#include "ui/filedialogs.h"
#include "ui/messagebox.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mikomi::ui {
namespace {

QTableWidget *makeTable(int columns, QWidget *parent) {
    auto *t = new QTableWidget(0, columns, parent);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(true);
    return t;
}

} // namespace

TeamMergeDialog::TeamMergeDialog(storage::Database &target, QWidget *parent)
    : QDialog(parent)
    , m_target(target) {
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_choose = new QPushButton(this);
    connect(m_choose, &QPushButton::clicked, this, &TeamMergeDialog::chooseFile);
    m_path = new QLabel(this);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    // Its wrapped lines all shown (the tables below take what is left).
    m_result->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_tabs = new QTabWidget(this);
    m_conflicts = makeTable(5, m_tabs);
    m_duplicates = makeTable(3, m_tabs);
    m_tabs->addTab(m_conflicts, QString());
    m_tabs->addTab(m_duplicates, QString());
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_merge = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_merge->setEnabled(false);
    connect(m_merge, &QPushButton::clicked, this, [this] { merge(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *pick = new QHBoxLayout;
    pick->addWidget(m_choose);
    pick->addWidget(m_path, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(pick);
    layout->addWidget(m_result);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);
    retranslate();
    resize(860, 520);
}

void TeamMergeDialog::chooseFile() {
    const QString path = getOpenFileName(this, tr("Merge which database?"), QDir::homePath(),
                                         tr("Mikomi databases (*.mikomi *.db);;All files (*)"));
    if (!path.isEmpty())
        setSource(path);
}

bool TeamMergeDialog::setSource(const QString &path) {
    m_merged = false;
    m_merge->setEnabled(false);
    m_sourcePath = path;
    m_path->setText(QDir::toNativeSeparators(path));
    auto source = storage::Database::open(path);
    if (!source) {
        MessageBox::warning(this, windowTitle(), source.error());
        return false;
    }
    storage::MergeOptions o;
    o.dryRun = true;
    auto summary = storage::mergeDatabases(**source, m_target, o);
    if (!summary) {
        MessageBox::warning(this, windowTitle(), summary.error());
        return false;
    }
    showSummary(*summary, true);
    m_merge->setEnabled(true);
    return true;
}

bool TeamMergeDialog::merge() {
    if (m_sourcePath.isEmpty())
        return false;
    auto source = storage::Database::open(m_sourcePath);
    if (!source) {
        MessageBox::warning(this, windowTitle(), source.error());
        return false;
    }
    storage::MergeOptions o;
    o.user = AppSettings().ownerName();
    auto summary = storage::mergeDatabases(**source, m_target, o);
    if (!summary) {
        MessageBox::warning(this, windowTitle(), summary.error());
        return false;
    }
    m_merged = true;
    m_merge->setEnabled(false);
    showSummary(*summary, false);
    return true;
}

void TeamMergeDialog::showSummary(const storage::MergeSummary &summary, bool dryRun) {
    m_summary = summary;
    m_dryRun = dryRun;
    retranslate();
    fillTables();
    if (!summary.conflicts.isEmpty())
        m_tabs->setCurrentWidget(m_conflicts);
    else if (!summary.duplicates.isEmpty())
        m_tabs->setCurrentWidget(m_duplicates);
}

QString TeamMergeDialog::summaryText() const {
    return m_result->text();
}

void TeamMergeDialog::fillTables() {
    m_conflicts->setRowCount(0);
    m_duplicates->setRowCount(0);
    if (!m_summary)
        return;
    for (const storage::MergeConflict &c : m_summary->conflicts) {
        const int row = m_conflicts->rowCount();
        m_conflicts->insertRow(row);
        const QStringList cells =
            c.deletedInSource
                ? QStringList{QStringLiteral("#%1 %2").arg(c.targetId).arg(c.name),
                              tr("The whole lead"), QString(), tr("Deleted"),
                              tr("Changed since the last merge")}
                : QStringList{QStringLiteral("#%1 %2").arg(c.targetId).arg(c.name),
                              storage::mergeConflictFieldLabel(c), c.before, c.source, c.target};
        for (int col = 0; col < cells.size(); ++col)
            m_conflicts->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    for (const storage::MergeDuplicate &d : m_summary->duplicates) {
        const int row = m_duplicates->rowCount();
        m_duplicates->insertRow(row);
        const QStringList cells{d.addedId > 0 ? QStringLiteral("#%1 %2").arg(d.addedId).arg(d.name)
                                              : d.name,
                                QStringLiteral("#%1 %2").arg(d.existingId).arg(d.existingName),
                                storage::duplicateReasonLabel(d.reason)};
        for (int col = 0; col < cells.size(); ++col)
            m_duplicates->setItem(row, col, new QTableWidgetItem(cells.at(col)));
    }
    m_conflicts->resizeColumnsToContents();
    m_duplicates->resizeColumnsToContents();
    m_conflicts->resizeRowsToContents();
}

void TeamMergeDialog::retranslate() {
    setWindowTitle(tr("Merge into team database"));
    m_intro->setText(
        tr("Adds the leads of another Mikomi database (a booth laptop's file) to this one, with "
           "their history, activities, touchpoints and tasks. Merging the same file again adds "
           "nothing. A field changed on both sides is listed, not overwritten; the same person "
           "entered twice is listed as a possible duplicate, not merged."));
    m_choose->setText(tr("Choose database…"));
    if (m_sourcePath.isEmpty())
        m_path->setText(tr("No database chosen"));
    m_merge->setText(tr("Merge"));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_conflicts->setHorizontalHeaderLabels(
        {tr("Lead"), tr("Field"), tr("Before"), tr("Other database"), tr("This database")});
    m_duplicates->setHorizontalHeaderLabels(
        {tr("Lead from the other database"), tr("Lead already here"), tr("Why")});
    m_tabs->setTabText(0, m_summary
                              ? tr("Changed on both sides (%1)").arg(m_summary->conflicts.size())
                              : tr("Changed on both sides"));
    m_tabs->setTabText(1, m_summary
                              ? tr("Possible duplicates (%1)").arg(m_summary->duplicates.size())
                              : tr("Possible duplicates"));
    if (!m_summary) {
        m_result->setText(tr("Choose the database to merge; you will see what changes before "
                             "anything is written."));
        return;
    }
    const storage::MergeSummary &s = *m_summary;
    QString counts =
        tr("%n lead(s) added", nullptr, s.added) + tr(", ") + tr("%n updated", nullptr, s.updated) +
        tr(", ") + tr("%n unchanged", nullptr, s.unchanged) + tr(", ") +
        tr("%n history, activity, touchpoint or task row(s) added", nullptr, s.rowsAdded);
    // The deletions only when there are some (the line stays short).
    if (s.deleted > 0)
        counts += tr(", ") + tr("%n lead(s) deleted as in the other database", nullptr, s.deleted);
    if (s.deletedHere > 0)
        counts += tr(", ") + tr("%n deleted here and not added back", nullptr, s.deletedHere);
    if (s.rowsDeleted > 0)
        counts += tr(", ") + tr("%n row(s) deleted", nullptr, s.rowsDeleted);
    m_result->setText(m_dryRun ? tr("If you merge: %1. Nothing has been written yet.").arg(counts)
                               : tr("Merged: %1.").arg(counts));
}

void TeamMergeDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace mikomi::ui
