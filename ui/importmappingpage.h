#pragma once

#include "models/io/headermap.h"

#include <QWizardPage>

#include <optional>

class QLabel;
class QTableWidget;

namespace mikomi::ui {

class ImportWizard;

// The import wizard's second page: which field each column of the file goes to (changeable,
// beyond the fields: a line in the notes, a further email or number, a custom field the user
// names…), and a preview of the first rows as they will be stored, rows with errors marked.
// A vCard file has no columns: the preview alone.
class ImportMappingPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportMappingPage(ImportWizard *wizard);

    void initializePage() override;
    // Shows the mapping of ImportWizard::analysis() and the preview.
    void fillMapping();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillPreview();
    void mappingChanged();
    // The mapping combo's data: a field index, -1 for none, roleData() for a column role.
    static int roleData(io::ColumnRole role);
    // The mapping combo's "Custom field…" entry ("Custom field: NAME" once named), and the dialog
    // asking for the name (object name "customFieldName"); nullopt when cancelled or empty.
    static QString customItemText(const QString &name);
    std::optional<QString> askCustomFieldName(const QString &suggestion);
    int mappingData(int column) const;

    ImportWizard *m_wizard;
    QLabel *m_mappingHint = nullptr;
    QTableWidget *m_mapping = nullptr;
    QLabel *m_previewLabel = nullptr;
    QTableWidget *m_preview = nullptr;
};

} // namespace mikomi::ui
