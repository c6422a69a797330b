#pragma once

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// Records a touchpoint of one lead: UTM source/medium/campaign/content typed by hand or read
// from a pasted URL with utm_ parameters. Shows the lead's original and latest source after.
class TouchpointDialog final : public QDialog {
    Q_OBJECT
public:
    TouchpointDialog(storage::Database &db, qint64 leadId, QWidget *parent = nullptr);
    // Fills the fields from a URL's utm_ parameters; false when it has none.
    bool readUrl(const QString &url);
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSources();
    storage::Database &m_db;
    qint64 m_leadId;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlStatus = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_medium = nullptr;
    QLineEdit *m_campaign = nullptr;
    QLineEdit *m_content = nullptr;
    QLabel *m_sources = nullptr;
    QList<QLabel *> m_labels;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace mikomi::ui
