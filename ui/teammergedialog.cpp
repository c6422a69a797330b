#include "ui/teammergedialog.h"

#include "models/appsettings.h"
#include "models/storage/database.h"
#include "ui/filedialogs.h"
#include "ui/messagebox.h"

#include <QComboBox>
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

#include <algorithm>

namespace mikomi::ui {
namespace {

enum ConflictColumn {
    LeadColumn,
    FieldColumn,
    MineColumn,   // this database (the merge's target)
    TheirsColumn, // the other database (the source)
    BeforeColumn, // the value at the last merge
    DecisionColumn,
    ConflictColumns
};

// The menu's entries: undecided, keep mine (the target's), take theirs (the source's).
QVariant sideData(std::optional<storage::MergeSide> side) {
    return side ? QVariant(int(*side)) : QVariant();
}

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
    m_conflictPage = new QWidget(m_tabs);
    m_conflictHelp = new QLabel(m_conflictPage);
    m_conflictHelp->setWordWrap(true);
    m_allMine = new QPushButton(m_conflictPage);
    m_allTheirs = new QPushButton(m_conflictPage);
    connect(m_allMine, &QPushButton::clicked, this,
            [this] { chooseAll(storage::MergeSide::Target); });
    connect(m_allTheirs, &QPushButton::clicked, this,
            [this] { chooseAll(storage::MergeSide::Source); });
    m_allMine->setEnabled(false); // until a dry run lists conflicts
    m_allTheirs->setEnabled(false);
    m_conflicts = makeTable(ConflictColumns, m_conflictPage);
    auto *all = new QHBoxLayout;
    // The table fills the tab to its frame (as the duplicates' does); the line above it keeps a
    // margin, its buttons off the frame's edge.
    all->setContentsMargins(6, 4, 4, 2);
    all->addWidget(m_conflictHelp, 1);
    all->addWidget(m_allMine);
    all->addWidget(m_allTheirs);
    auto *conflictLayout = new QVBoxLayout(m_conflictPage);
    conflictLayout->setContentsMargins(0, 0, 0, 0);
    conflictLayout->addLayout(all);
    conflictLayout->addWidget(m_conflicts, 1);
    m_duplicates = makeTable(3, m_tabs);
    m_tabs->addTab(m_conflictPage, QString());
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
    resize(940, 560); // fits a 1024x700 screen
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
    // The decisions made on the dry run's list, applied in the merge's transaction (each only
    // while the two values are still those shown).
    if (m_summary && m_dryRun) {
        for (int row = 0; row < m_choices.size() && row < m_summary->conflicts.size(); ++row) {
            if (const auto side = choice(row)) {
                const storage::MergeConflict &c = m_summary->conflicts.at(row);
                o.choices.insert(c.key(), storage::MergeChoice::of(c, *side));
            }
        }
    }
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
        m_tabs->setCurrentWidget(m_conflictPage);
    else if (!summary.duplicates.isEmpty())
        m_tabs->setCurrentWidget(m_duplicates);
}

QString TeamMergeDialog::summaryText() const {
    return m_result->text();
}

void TeamMergeDialog::fillTables() {
    m_conflicts->setRowCount(0);
    m_duplicates->setRowCount(0);
    m_choices.clear();
    if (!m_summary)
        return;
    for (const storage::MergeConflict &c : m_summary->conflicts) {
        const int row = m_conflicts->rowCount();
        m_conflicts->insertRow(row);
        for (int col = 0; col < ConflictColumns; ++col)
            m_conflicts->setItem(row, col, new QTableWidgetItem);
        m_conflicts->item(row, LeadColumn)
            ->setText(c.targetId > 0 ? QStringLiteral("#%1 %2").arg(c.targetId).arg(c.name)
                                     : c.name);
        if (m_dryRun) {
            auto *menu = new QComboBox(m_conflicts);
            menu->addItem(QString(), sideData(std::nullopt));
            menu->addItem(QString(), sideData(storage::MergeSide::Target));
            menu->addItem(QString(), sideData(storage::MergeSide::Source));
            m_conflicts->setCellWidget(row, DecisionColumn, menu);
            m_choices << menu;
        } else {
            m_choices << nullptr;
        }
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
    retranslateChoices();
    m_conflicts->resizeColumnsToContents();
    // Long values wrap instead of pushing the decision off the dialog.
    for (int col = LeadColumn; col < DecisionColumn; ++col)
        m_conflicts->setColumnWidth(col, std::min(m_conflicts->columnWidth(col), 170));
    m_duplicates->resizeColumnsToContents();
    m_conflicts->resizeRowsToContents();
}

// The texts of the conflict rows (values, labels, the decision menus or outcomes) in the
// current language.
void TeamMergeDialog::retranslateChoices() {
    if (!m_summary)
        return;
    const bool undecidedLeft = std::any_of(m_choices.cbegin(), m_choices.cend(),
                                           [](const QComboBox *c) { return c != nullptr; });
    m_allMine->setEnabled(m_dryRun && undecidedLeft);
    m_allTheirs->setEnabled(m_dryRun && undecidedLeft);
    for (int row = 0; row < m_summary->conflicts.size(); ++row) {
        const storage::MergeConflict &c = m_summary->conflicts.at(row);
        const auto set = [&](int col, const QString &text) {
            m_conflicts->item(row, col)->setText(text);
        };
        if (c.deletedInTarget) {
            set(FieldColumn, tr("The whole lead"));
            set(MineColumn, tr("Deleted"));
            set(TheirsColumn, tr("Changed since the last merge"));
            set(BeforeColumn, QString());
        } else if (c.deletedInSource) {
            set(FieldColumn, c.taskUuid.isEmpty()
                                 ? tr("The whole lead")
                                 : tr("Follow-up “%1” (the whole task)").arg(c.taskTitle));
            set(MineColumn, tr("Changed since the last merge"));
            set(TheirsColumn, tr("Deleted"));
            set(BeforeColumn, QString());
        } else {
            set(FieldColumn, storage::mergeConflictFieldLabel(c));
            set(MineColumn, storage::mergeConflictValueText(c, c.target));
            set(TheirsColumn, storage::mergeConflictValueText(c, c.source));
            set(BeforeColumn,
                c.hasBefore ? storage::mergeConflictValueText(c, c.before) : tr("(never merged)"));
        }
        if (QComboBox *menu = m_choices.value(row)) {
            menu->setItemText(0, tr("Undecided"));
            // Deleted there, changed here: keep the lead (or task), or delete it as there.
            // Deleted here, changed there: leave it deleted, or restore it from there.
            menu->setItemText(1, c.deletedInTarget      ? tr("Leave it deleted")
                                 : !c.deletedInSource   ? tr("Keep mine")
                                 : c.taskUuid.isEmpty() ? tr("Keep the lead")
                                                        : tr("Keep the follow-up"));
            menu->setItemText(2, c.deletedInTarget   ? tr("Restore it")
                                 : c.deletedInSource ? tr("Delete it")
                                                     : tr("Take theirs"));
            set(DecisionColumn, QString());
        } else if (!c.resolved) {
            set(DecisionColumn, tr("Undecided: mine kept, listed again next time"));
        } else if (c.deletedInTarget) {
            set(DecisionColumn, *c.resolved == storage::MergeSide::Target ? tr("Left deleted")
                                                                          : tr("Lead restored"));
        } else if (c.deletedInSource && c.taskUuid.isEmpty()) {
            set(DecisionColumn,
                *c.resolved == storage::MergeSide::Target ? tr("Lead kept") : tr("Lead deleted"));
        } else if (c.deletedInSource) {
            set(DecisionColumn, *c.resolved == storage::MergeSide::Target
                                    ? tr("Follow-up kept")
                                    : tr("Follow-up deleted"));
        } else {
            set(DecisionColumn,
                *c.resolved == storage::MergeSide::Target ? tr("Kept mine") : tr("Took theirs"));
        }
    }
}

void TeamMergeDialog::setChoice(int row, std::optional<storage::MergeSide> side) {
    if (QComboBox *menu = m_choices.value(row))
        menu->setCurrentIndex(menu->findData(sideData(side)));
}

std::optional<storage::MergeSide> TeamMergeDialog::choice(int row) const {
    const QComboBox *menu = m_choices.value(row);
    if (!menu || !menu->currentData().isValid())
        return std::nullopt;
    return storage::MergeSide(menu->currentData().toInt());
}

void TeamMergeDialog::chooseAll(storage::MergeSide side) {
    // The changed fields only: a deletion (deleted there, changed here) is settled in its own
    // row, so that "All theirs" never deletes anything unasked (docs/team.md).
    for (int row = 0; row < m_choices.size(); ++row) {
        if (!m_summary || row >= m_summary->conflicts.size() ||
            (!m_summary->conflicts.at(row).deletedInSource &&
             !m_summary->conflicts.at(row).deletedInTarget))
            setChoice(row, side);
    }
}

void TeamMergeDialog::retranslate() {
    setWindowTitle(tr("Merge into team database"));
    m_intro->setText(
        tr("Adds the leads of another Mikomi database (a booth laptop's file) to this one, with "
           "their history, activities, touchpoints and tasks. Merging the same file again adds "
           "nothing. A field changed on both sides is listed: choose to keep yours or take "
           "theirs, or leave it undecided (yours stays). The same person entered twice is listed "
           "as a possible duplicate, not merged."));
    m_choose->setText(tr("Choose database…"));
    if (m_sourcePath.isEmpty())
        m_path->setText(tr("No database chosen"));
    m_merge->setText(tr("Merge"));
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_conflicts->setHorizontalHeaderLabels({tr("Lead"), tr("Field"), tr("Mine (this database)"),
                                            tr("Theirs (other database)"), tr("At the last merge"),
                                            tr("Decision")});
    if (m_conflicts->rowCount() == 0)
        m_conflicts->resizeColumnsToContents(); // the headers readable before a dry run
    const bool deletions =
        m_summary && std::any_of(m_summary->conflicts.cbegin(), m_summary->conflicts.cend(),
                                 [](const storage::MergeConflict &c) {
                                     return c.deletedInSource || c.deletedInTarget;
                                 });
    QString help;
    if (m_dryRun && deletions)
        help = tr("Your decisions are applied when you merge and noted in each lead's history. "
                  "“All fields: mine” and “All fields: theirs” settle the changed fields only; "
                  "they neither delete nor restore anything. A lead or follow-up deleted on one "
                  "side and changed on the other is settled in its own row.");
    else if (m_dryRun)
        help = tr("Your decisions are applied when you merge and noted in each lead's history.");
    m_conflictHelp->setText(help);
    m_allMine->setText(tr("All fields: mine"));
    m_allTheirs->setText(tr("All fields: theirs"));
    m_allMine->setToolTip(tr("Keep this database's value of every field changed on both sides. "
                             "Deletions are not settled by this button."));
    m_allTheirs->setToolTip(tr("Take the other database's value of every field changed on both "
                               "sides. Deletions are not settled by this button: nothing is "
                               "deleted unless you choose “Delete it” in its row."));
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
    if (s.rowsUpdated > 0)
        counts += tr(", ") + tr("%n task(s) done or rescheduled as there", nullptr, s.rowsUpdated);
    if (s.resolved > 0)
        counts += tr(", ") + tr("%n conflict(s) settled", nullptr, s.resolved);
    m_result->setText(m_dryRun ? tr("If you merge: %1. Nothing has been written yet.").arg(counts)
                               : tr("Merged: %1.").arg(counts));
}

void TeamMergeDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        retranslateChoices();
    }
    QDialog::changeEvent(event);
}

} // namespace mikomi::ui
