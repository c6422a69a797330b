#pragma once

#include "models/services/importer.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mikomi::ui {

class ImportWizard;

// The import wizard's first page: the file, its encoding and what it holds (each detected, and
// overridable). Choosing a file analyses it into ImportWizard::analysis(); Next needs one.
class ImportFilePage final : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFilePage(ImportWizard *wizard);

    void setFile(const QString &path);
    QString file() const;
    // The file, and the encoding and kind chosen ("Detect automatically" leaves them unset).
    services::ImportOptions chosenOptions() const;
    bool validatePage() override;

signals:
    // The file was analysed: ImportWizard::analysis() holds what was found.
    void analysed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void browse();
    void analyse();

    ImportWizard *m_wizard;
    QLabel *m_fileLabel = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_encodingLabel = nullptr;
    QComboBox *m_encoding = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_detected = nullptr;
};

} // namespace mikomi::ui
