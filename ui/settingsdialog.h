#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace mikomi {
class LanguageManager;
}

namespace mikomi::ui {

// Settings: language (applied at once, no restart), currency and the user's own name.
class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(LanguageManager *language, QWidget *parent = nullptr);
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    LanguageManager *m_language;
    QFormLayout *m_form = nullptr;
    QComboBox *m_languageBox = nullptr;
    QComboBox *m_currencyBox = nullptr;
    QLineEdit *m_owner = nullptr;
    QLabel *m_languageLabel = nullptr;
    QLabel *m_currencyLabel = nullptr;
    QLabel *m_ownerLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mikomi::ui
