#include "ui/importmappingpage.h"

#include "models/appsettings.h"
#include "ui/importwizard.h"
#include "ui/leadeditor.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace mikomi::ui {

ImportMappingPage::ImportMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard) {
    auto *layout = new QVBoxLayout(this);
    m_mappingHint = new QLabel(this);
    m_mappingHint->setWordWrap(true);
    m_mapping = new QTableWidget(this);
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_mapping->setColumnCount(3);
    m_mapping->verticalHeader()->hide();
    m_mapping->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_previewLabel = new QLabel(this);
    m_preview = new QTableWidget(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_mappingHint);
    layout->addWidget(m_mapping, 2);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_preview, 3);
    retranslate();
}

void ImportMappingPage::retranslate() {
    setTitle(tr("Columns and preview"));
    setSubTitle(
        tr("Check which field each column goes to. The preview shows the first rows as they "
           "will be stored; rows with errors are marked."));
    m_mappingHint->setText(tr("Columns of the file:"));
    m_mapping->setHorizontalHeaderLabels(
        {tr("Column in the file"), tr("Imported as"), tr("First value")});
    m_previewLabel->setText(tr("Preview:"));
    if (m_wizard->analysis())
        fillMapping();
}

void ImportMappingPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void ImportMappingPage::initializePage() {
    fillMapping();
}

void ImportMappingPage::fillMapping() {
    const std::optional<services::ImportAnalysis> &analysis = m_wizard->analysis();
    if (!analysis)
        return;
    const bool vcard = analysis->kind == services::ImportKind::VCard;
    m_mapping->setVisible(!vcard);
    m_mappingHint->setVisible(!vcard);
    m_mapping->setRowCount(0);
    if (!vcard) {
        const io::HeaderMap &map = analysis->mapping;
        const QStringList labels = services::fieldLabels(analysis->kind);
        m_mapping->setRowCount(int(map.headers.size()));
        for (int c = 0; c < map.headers.size(); ++c) {
            auto *header = new QTableWidgetItem(map.headers.at(c));
            header->setFlags(header->flags() & ~Qt::ItemIsEditable);
            m_mapping->setItem(c, 0, header);
            auto *combo = new QComboBox(m_mapping);
            combo->addItem(tr("(not imported)"), -1);
            for (int f = 0; f < labels.size(); ++f)
                combo->addItem(labels.at(f), f);
            if (analysis->kind == services::ImportKind::Leads) {
                // What a column can hold beyond a field: a further email or number, a line in
                // the notes ("HEADER: value"), the honorific… (issue 12).
                using R = io::ColumnRole;
                QList<R> roles{R::Note, R::ExtraEmail, R::ExtraPhone, R::ExtraMobile,
                               R::Fax,  R::MiddleName, R::Honorific,  R::FormattedAddress};
                if (map.role(c) == R::Label || map.role(c) == R::Covered)
                    roles << map.role(c);
                for (const R r : roles)
                    combo->addItem(io::columnRoleLabel(r), roleData(r));
                // Kept under a name the user gives (asked for when chosen).
                combo->addItem(customItemText(map.columnCustomName.value(c)), roleData(R::Custom));
            }
            combo->setCurrentIndex(combo->findData(mappingData(c)));
            connect(combo, &QComboBox::activated, this, [this, c, combo] {
                io::HeaderMap &mapping = m_wizard->analysis()->mapping;
                const int data = combo->currentData().toInt();
                if (data == roleData(io::ColumnRole::Custom)) {
                    const QString current = mapping.columnCustomName.value(c);
                    const std::optional<QString> name = askCustomFieldName(
                        current.isEmpty() ? mapping.headers.value(c).trimmed() : current);
                    if (name)
                        io::setColumnCustom(mapping, c, *name);
                } else if (data <= roleData(io::ColumnRole::None))
                    io::setColumnRole(mapping, c,
                                      io::ColumnRole(roleData(io::ColumnRole::None) - data));
                else
                    io::setColumnField(mapping, c, data);
                mappingChanged();
            });
            m_mapping->setCellWidget(c, 1, combo);
            const QString first = analysis->previewRecords.isEmpty()
                                      ? QString()
                                      : analysis->previewRecords.first().fields.value(c);
            auto *sample = new QTableWidgetItem(first);
            sample->setFlags(sample->flags() & ~Qt::ItemIsEditable);
            m_mapping->setItem(c, 2, sample);
        }
    }
    fillPreview();
}

QString ImportMappingPage::customItemText(const QString &name) {
    return name.isEmpty() ? tr("Custom field…") : tr("Custom field: %1").arg(name);
}

std::optional<QString> ImportMappingPage::askCustomFieldName(const QString &suggestion) {
    QInputDialog dialog(m_wizard);
    dialog.setObjectName(QStringLiteral("customFieldName"));
    dialog.setWindowTitle(tr("Custom field"));
    dialog.setLabelText(tr("Keep this column's values in the custom field named:"));
    dialog.setTextValue(suggestion);
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().trimmed().isEmpty())
        return std::nullopt;
    return dialog.textValue().trimmed();
}

int ImportMappingPage::roleData(io::ColumnRole role) {
    return -100 - int(role);
}

int ImportMappingPage::mappingData(int column) const {
    const io::HeaderMap &map = m_wizard->analysis()->mapping;
    if (const int f = map.columnField.value(column, -1); f >= 0)
        return f;
    if (const io::ColumnRole r = map.role(column); r != io::ColumnRole::None)
        return roleData(r);
    return -1;
}

void ImportMappingPage::mappingChanged() {
    // Another column may have lost its field: show the mapping as it now is.
    const io::HeaderMap &map = m_wizard->analysis()->mapping;
    for (int c = 0; c < m_mapping->rowCount(); ++c) {
        if (auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(c, 1))) {
            if (const int i = combo->findData(roleData(io::ColumnRole::Custom)); i >= 0)
                combo->setItemText(i, customItemText(map.columnCustomName.value(c)));
            combo->setCurrentIndex(combo->findData(mappingData(c)));
        }
    }
    fillPreview();
}

void ImportMappingPage::fillPreview() {
    m_preview->clear();
    const std::optional<services::ImportAnalysis> &analysis = m_wizard->analysis();
    if (!analysis)
        return;
    storage::Database *db = m_wizard->database();
    const QList<services::PreviewRow> rows = services::previewRows(
        *analysis, minorUnits(AppSettings().currency()), db ? phoneRegionOf(*db) : QString());
    const QStringList labels = services::fieldLabels(analysis->kind);
    // Columns: the fields that are mapped (vCard: the fields any card fills).
    QList<int> fields;
    for (int f = 0; f < labels.size(); ++f) {
        bool show = analysis->kind == services::ImportKind::VCard
                        ? std::any_of(rows.cbegin(), rows.cend(),
                                      [f](const services::PreviewRow &r) {
                                          return !r.values.value(f).isEmpty();
                                      })
                        : analysis->mapping.has(f);
        if (analysis->kind == services::ImportKind::Leads &&
            (f == int(io::LeadField::FullName) || f == int(io::LeadField::FullReading)))
            show = false; // shown split into family and given
        if (analysis->kind == services::ImportKind::Leads &&
            (f == int(io::LeadField::FamilyName) || f == int(io::LeadField::GivenName)) &&
            analysis->mapping.has(int(io::LeadField::FullName)))
            show = true;
        if (show)
            fields << f;
    }
    m_preview->setColumnCount(int(fields.size()) + 1);
    QStringList headers{tr("Line")};
    for (int f : fields)
        headers << labels.at(f);
    m_preview->setHorizontalHeaderLabels(headers);
    m_preview->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const services::PreviewRow &row = rows.at(r);
        auto *line = new QTableWidgetItem(row.line > 0 ? QLocale().toString(row.line) : QString());
        m_preview->setItem(r, 0, line);
        QStringList problems;
        for (const io::RowError &e : row.errors)
            problems << services::describeRowError(e);
        for (int i = 0; i < fields.size(); ++i) {
            auto *item = new QTableWidgetItem(row.values.value(fields.at(i)));
            m_preview->setItem(r, i + 1, item);
        }
        if (!problems.isEmpty()) {
            line->setText(tr("%1 (error)").arg(line->text()));
            for (int i = 0; i < m_preview->columnCount(); ++i) {
                QTableWidgetItem *item = m_preview->item(r, i);
                item->setBackground(QColor(255, 225, 225));
                item->setToolTip(problems.join(u'\n'));
            }
        }
    }
    m_preview->verticalHeader()->hide();
}

} // namespace mikomi::ui
