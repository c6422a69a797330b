#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mikomi::storage {
class Database;
}

namespace mikomi::ui {

// The business-card images a lead was scanned from (front, then back), opened from the lead
// editor's "Card image" button (issue 16). Each image can be deleted on its own (after a
// question; the deletion is not undoable, as a privacy request may ask for it).
class CardImageDialog final : public QDialog {
    Q_OBJECT
public:
    CardImageDialog(storage::Database &db, qint64 leadId, QWidget *parent = nullptr);
    // How many images are shown (0: none stored, or they could not be read: see errorText()).
    int imageCount() const { return m_count; }
    QString errorText() const { return m_error; }
    // Deletes the image shown at `index` (0: the first) after asking; false when it was not
    // deleted (the user said no, or the store refused: the reason was shown).
    bool deleteImage(int index);

signals:
    // An image was deleted.
    void imagesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    struct Shown {
        qint64 id = 0;
        QString side;
        QString format;
        QWidget *box = nullptr;
        QLabel *caption = nullptr;
        QPushButton *remove = nullptr;
    };
    storage::Database &m_db;
    QList<Shown> m_shown;
    QLabel *m_none = nullptr;
    int m_count = 0;
    QString m_error;
};

} // namespace mikomi::ui
