#pragma once

#include "ui/page.h"

class QLabel;

namespace mikomi::ui {

// Placeholder for a page that a later version builds: says so instead of being empty.
class ComingPage final : public Page {
    Q_OBJECT
public:
    // `titleSource` is a QT_TRANSLATE_NOOP("Mikomi", …) string, translated on each use.
    ComingPage(const char *titleSource, const char *descriptionSource, QWidget *parent = nullptr);
    QString title() const override;
    void setDatabase(storage::Database *) override {}

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    const char *m_title;
    const char *m_description;
    QLabel *m_heading = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace mikomi::ui
