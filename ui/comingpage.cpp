#include "ui/comingpage.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace mikomi::ui {

ComingPage::ComingPage(const char *titleSource, const char *descriptionSource, QWidget *parent)
    : Page(parent)
    , m_title(titleSource)
    , m_description(descriptionSource) {
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    m_heading = new QLabel(this);
    m_heading->setAlignment(Qt::AlignCenter);
    QFont f = m_heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    m_heading->setFont(f);
    m_text = new QLabel(this);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    layout->addWidget(m_heading);
    layout->addWidget(m_text);
    layout->addStretch();
    retranslate();
}

QString ComingPage::title() const {
    return QCoreApplication::translate("Mikomi", m_title);
}

void ComingPage::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    Page::changeEvent(event);
}

void ComingPage::retranslate() {
    m_heading->setText(title());
    m_text->setText(QCoreApplication::translate("Mikomi", m_description) + QStringLiteral("\n\n") +
                    tr("This page is coming in a later version of Mikomi."));
}

} // namespace mikomi::ui
