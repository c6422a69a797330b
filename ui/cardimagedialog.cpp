#include "ui/cardimagedialog.h"

#include "models/storage/leadimages.h"
#include "ui/messagebox.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace mikomi::ui {

CardImageDialog::CardImageDialog(storage::Database &db, qint64 leadId, QWidget *parent)
    : QDialog(parent)
    , m_db(db) {
    auto *layout = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *inner = new QWidget(scroll);
    auto *list = new QVBoxLayout(inner);
    m_none = new QLabel(inner);
    m_none->setObjectName(QStringLiteral("noImages"));
    list->addWidget(m_none);
    auto images = storage::LeadImageStore(db).list(leadId);
    if (!images) {
        m_error = images.error();
        list->addWidget(new QLabel(m_error, inner));
    } else {
        for (const storage::LeadImage &img : *images) {
            Shown shown{img.id, img.side, img.format, new QWidget(inner), nullptr, nullptr};
            auto *box = new QVBoxLayout(shown.box);
            box->setContentsMargins(0, 0, 0, 0);
            auto *head = new QHBoxLayout;
            shown.caption = new QLabel(shown.box);
            QFont bold = shown.caption->font();
            bold.setBold(true);
            shown.caption->setFont(bold);
            head->addWidget(shown.caption);
            head->addStretch();
            shown.remove = new QPushButton(shown.box);
            shown.remove->setObjectName(QStringLiteral("deleteImage"));
            head->addWidget(shown.remove);
            box->addLayout(head);
            auto *view = new QLabel(shown.box);
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
            box->addWidget(view);
            list->addWidget(shown.box);
            const qsizetype index = m_shown.size();
            connect(shown.remove, &QPushButton::clicked, this,
                    [this, index] { deleteImage(int(index)); });
            m_shown.append(shown);
        }
    }
    m_none->setVisible(m_shown.isEmpty() && m_error.isEmpty());
    list->addStretch();
    scroll->setWidget(inner);
    layout->addWidget(scroll);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    retranslate();
    resize(820, 640);
}

bool CardImageDialog::deleteImage(int index) {
    if (index < 0 || index >= m_shown.size() || !m_shown.at(index).box)
        return false;
    Shown &shown = m_shown[index];
    const QString question =
        shown.side == QLatin1String("back")
            ? tr("Delete the image of the back of this card? This cannot be undone.")
            : tr("Delete the image of the front of this card? This cannot be undone.");
    if (MessageBox::question(this, tr("Delete card image"), question) != QMessageBox::Yes)
        return false;
    if (Status s = storage::LeadImageStore(m_db).remove(shown.id); !s) {
        MessageBox::warning(this, tr("Delete card image"),
                            tr("The card image could not be deleted: %1").arg(s.error()));
        return false;
    }
    shown.box->hide();
    shown.box->deleteLater();
    shown.box = nullptr;
    m_count = 0;
    bool any = false;
    for (const Shown &s : std::as_const(m_shown)) {
        if (s.box) {
            any = true;
            ++m_count;
        }
    }
    m_none->setVisible(!any);
    emit imagesChanged();
    return true;
}

void CardImageDialog::retranslate() {
    setWindowTitle(tr("Business card"));
    m_none->setText(tr("No card images are kept with this lead."));
    for (const Shown &s : std::as_const(m_shown)) {
        if (!s.box)
            continue;
        s.caption->setText(s.side == QLatin1String("back") ? tr("Back") : tr("Front"));
        s.remove->setText(tr("Delete this image…"));
    }
}

void CardImageDialog::changeEvent(QEvent *event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace mikomi::ui
