#include "ui/pipelinerulesdialog.h"
#include "ui/messagebox.h"

#include "models/storage/assignment.h"
#include "models/storage/followups.h"
#include "models/storage/repositories.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mikomi::ui {
namespace {

// -1 = any category.
QComboBox *categoryBox(QWidget *parent, int current) {
    auto *box = new QComboBox(parent);
    box->addItem(QCoreApplication::translate("mikomi::ui::PipelineRulesDialog", "Any"), -1);
    for (int c = 0; c < SourceCategoryCount; ++c)
        box->addItem(categoryLabel(SourceCategory(c)), c);
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

// -1 = no limit, shown as "—".
QSpinBox *scoreBox(QWidget *parent, int value) {
    auto *s = new QSpinBox(parent);
    s->setRange(-1, 10000);
    s->setSpecialValueText(QStringLiteral("—"));
    s->setValue(value);
    return s;
}

template <typename T> T *cell(const QTableWidget *t, int row, int col) {
    return qobject_cast<T *>(t->cellWidget(row, col));
}

QGroupBox *section(QWidget *parent, QTableWidget *table, QLabel *note, QPushButton *add,
                   QPushButton *remove) {
    auto *box = new QGroupBox(parent);
    auto *l = new QVBoxLayout(box);
    note->setWordWrap(true);
    l->addWidget(note);
    l->addWidget(table);
    auto *b = new QHBoxLayout;
    b->addWidget(add);
    b->addWidget(remove);
    b->addStretch();
    l->addLayout(b);
    return box;
}

} // namespace

PipelineRulesDialog::PipelineRulesDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db) {
    if (auto users = storage::UserRepository(m_db).list()) {
        for (const User &u : *users) {
            if (u.active)
                m_users.append(u.name);
        }
    }
    auto *layout = new QVBoxLayout(this);
    m_response = new QTableWidget(0, 3, this);
    m_response->setObjectName(QStringLiteral("responseRules"));
    m_response->verticalHeader()->hide();
    m_responseNote = new QLabel(this);
    m_addResponse = new QPushButton(this);
    m_removeResponse = new QPushButton(this);
    m_responseBox = section(this, m_response, m_responseNote, m_addResponse, m_removeResponse);
    layout->addWidget(m_responseBox, 1);
    m_assign = new QTableWidget(0, 6, this);
    m_assign->setObjectName(QStringLiteral("assignmentRules"));
    m_assign->verticalHeader()->hide();
    m_assignNote = new QLabel(this);
    m_addAssign = new QPushButton(this);
    m_removeAssign = new QPushButton(this);
    m_assignBox = section(this, m_assign, m_assignNote, m_addAssign, m_removeAssign);
    layout->addWidget(m_assignBox, 1);
    connect(m_addResponse, &QPushButton::clicked, this, [this] { addResponseRow({}, -1, 24); });
    connect(m_removeResponse, &QPushButton::clicked, this, [this] {
        if (m_response->currentRow() >= 0)
            m_response->removeRow(m_response->currentRow());
    });
    connect(m_addAssign, &QPushButton::clicked, this,
            [this] { addAssignmentRow({}, -1, -1, -1, {}, m_users.value(0)); });
    connect(m_removeAssign, &QPushButton::clicked, this, [this] {
        if (m_assign->currentRow() >= 0)
            m_assign->removeRow(m_assign->currentRow());
    });
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PipelineRulesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PipelineRulesDialog::reject);
    layout->addWidget(m_buttons);

    if (auto rules = storage::FollowUpRepository(m_db).rules()) {
        for (const auto &r : *rules)
            addResponseRow(r.source, r.category ? int(*r.category) : -1, r.hours);
    }
    if (auto rules = storage::AssignmentRules(m_db).rules()) {
        for (const auto &r : *rules)
            addAssignmentRow(r.source, r.category ? int(*r.category) : -1, r.minScore.value_or(-1),
                             r.maxScore.value_or(-1), r.prefecture, r.owner);
    }
    retranslate();
    resize(820, 600);
}

void PipelineRulesDialog::addResponseRow(const QString &source, int category, int hours) {
    const int row = m_response->rowCount();
    m_response->insertRow(row);
    m_response->setCellWidget(row, 0, new QLineEdit(source, m_response));
    m_response->setCellWidget(row, 1, categoryBox(m_response, category));
    auto *h = new QSpinBox(m_response);
    h->setRange(1, 24 * 30);
    h->setValue(hours);
    m_response->setCellWidget(row, 2, h);
}

void PipelineRulesDialog::addAssignmentRow(const QString &source, int category, int minScore,
                                           int maxScore, const QString &prefecture,
                                           const QString &owner) {
    const int row = m_assign->rowCount();
    m_assign->insertRow(row);
    m_assign->setCellWidget(row, 0, new QLineEdit(source, m_assign));
    m_assign->setCellWidget(row, 1, categoryBox(m_assign, category));
    m_assign->setCellWidget(row, 2, scoreBox(m_assign, minScore));
    m_assign->setCellWidget(row, 3, scoreBox(m_assign, maxScore));
    m_assign->setCellWidget(row, 4, new QLineEdit(prefecture, m_assign));
    auto *o = new QComboBox(m_assign);
    o->setEditable(true);
    o->addItems(m_users);
    o->setCurrentText(owner);
    m_assign->setCellWidget(row, 5, o);
}

void PipelineRulesDialog::accept() {
    QList<sla::ResponseRule> response;
    for (int row = 0; row < m_response->rowCount(); ++row) {
        sla::ResponseRule r;
        r.source = cell<QLineEdit>(m_response, row, 0)->text().trimmed();
        const int c = cell<QComboBox>(m_response, row, 1)->currentData().toInt();
        if (c >= 0)
            r.category = SourceCategory(c);
        r.hours = cell<QSpinBox>(m_response, row, 2)->value();
        response.append(r);
    }
    QList<storage::AssignmentRule> assign;
    for (int row = 0; row < m_assign->rowCount(); ++row) {
        storage::AssignmentRule r;
        r.source = cell<QLineEdit>(m_assign, row, 0)->text().trimmed();
        const int c = cell<QComboBox>(m_assign, row, 1)->currentData().toInt();
        if (c >= 0)
            r.category = SourceCategory(c);
        if (int v = cell<QSpinBox>(m_assign, row, 2)->value(); v >= 0)
            r.minScore = v;
        if (int v = cell<QSpinBox>(m_assign, row, 3)->value(); v >= 0)
            r.maxScore = v;
        r.prefecture = cell<QLineEdit>(m_assign, row, 4)->text().trimmed();
        r.owner = cell<QComboBox>(m_assign, row, 5)->currentText().trimmed();
        assign.append(r);
    }
    if (Status s = storage::FollowUpRepository(m_db).setRules(response); !s) {
        MessageBox::warning(this, windowTitle(), s.error());
        return;
    }
    if (Status s = storage::AssignmentRules(m_db).setRules(assign); !s) {
        MessageBox::warning(this, windowTitle(), s.error());
        return;
    }
    QDialog::accept();
}

void PipelineRulesDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void PipelineRulesDialog::retranslate() {
    setWindowTitle(tr("Follow-up and assignment rules"));
    m_responseBox->setTitle(tr("Response time by source"));
    m_responseNote->setText(
        tr("A new lead gets a first follow-up due within these hours (first matching rule). "
           "Time counts Monday to Friday, 9:00–18:00, except Japanese public holidays and the "
           "year-end break (December 29 – January 3); 24 hours or more count whole working "
           "days."));
    m_response->setHorizontalHeaderLabels(
        {tr("Source (empty = any)"), tr("Category"), tr("Hours")});
    m_assignBox->setTitle(tr("Assignment of new leads"));
    m_assignNote->setText(tr("The first matching rule gives the owner; when none matches, new "
                             "leads go round-robin to the active users."));
    m_assign->setHorizontalHeaderLabels({tr("Source (empty = any)"), tr("Category"),
                                         tr("Score from"), tr("Score to"), tr("Prefecture"),
                                         tr("Owner")});
    for (QPushButton *b : {m_addResponse, m_addAssign})
        b->setText(tr("Add rule"));
    for (QPushButton *b : {m_removeResponse, m_removeAssign})
        b->setText(tr("Remove rule"));
    m_response->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_assign->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Category combos show the whole label ("パートナー・紹介") in either language.
    for (QTableWidget *t : {m_response, m_assign})
        t->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
}

} // namespace mikomi::ui
