#pragma once

#include <QDialog>

class QLabel;
class QVBoxLayout;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// The business-card images a lead was scanned from (front, then back), opened from the lead
// editor's "Card image" button (issue 16).
class CardImageDialog final : public QDialog {
    Q_OBJECT
public:
    CardImageDialog(storage::Database &db, qint64 leadId, QWidget *parent = nullptr);
    // How many images are shown (0: none stored, or they could not be read: see errorText()).
    int imageCount() const { return m_count; }
    QString errorText() const { return m_error; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QList<std::pair<QString, QLabel *>> m_captions; // side, its caption
    int m_count = 0;
    QString m_error;
};

} // namespace mikomi::ui
