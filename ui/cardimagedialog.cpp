#include "ui/cardimagedialog.h"

#include "models/storage/leadimages.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mikomi::ui {

CardImageDialog::CardImageDialog(storage::Database &db, qint64 leadId, QWidget *parent)
    : QDialog(parent) {
    auto *layout = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *inner = new QWidget(scroll);
    auto *list = new QVBoxLayout(inner);
    auto images = storage::LeadImageStore(db).list(leadId);
    if (!images) {
        m_error = images.error();
        list->addWidget(new QLabel(m_error, inner));
    } else {
        for (const storage::LeadImage &img : *images) {
            auto *caption = new QLabel(inner);
            QFont bold = caption->font();
            bold.setBold(true);
            caption->setFont(bold);
            m_captions.append({img.side, caption});
            list->addWidget(caption);
            auto *view = new QLabel(inner);
            view->setObjectName(QStringLiteral("cardImage"));
            QImage image;
            if (image.loadFromData(img.data)) {
                view->setPixmap(QPixmap::fromImage(
                    image.width() > 760 ? image.scaledToWidth(760, Qt::SmoothTransformation)
                                        : image));
                ++m_count;
            } else {
                view->setText(tr("This image cannot be shown (%1).").arg(img.format));
            }
            list->addWidget(view);
        }
    }
    list->addStretch();
    scroll->setWidget(inner);
    layout->addWidget(scroll);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    retranslate();
    resize(820, 640);
}

void CardImageDialog::retranslate() {
    setWindowTitle(tr("Business card"));
    for (const auto &[side, caption] : m_captions)
        caption->setText(side == QLatin1String("back") ? tr("Back") : tr("Front"));
}

void CardImageDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace mikomi::ui
