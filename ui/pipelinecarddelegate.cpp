#include "ui/pipelinecarddelegate.h"

#include "models/appsettings.h"
#include "models/domain/scoring.h"
#include "models/pipelinemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace mikomi::ui {
namespace {

QColor temperatureColor(Temperature t) {
    switch (t) {
    case Temperature::Hot:
        return QColor(0xd3, 0x2f, 0x2f);
    case Temperature::Warm:
        return QColor(0xf5, 0x9e, 0x0b);
    case Temperature::Cold:
        return QColor(0x4a, 0x90, 0xd9);
    }
    return Qt::gray;
}

} // namespace

QSize PipelineCardDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &) const {
    const int line = option.fontMetrics.height();
    // Narrower than the narrowest column (views are at least 100 px wide, less a scroll bar), so
    // a card always fits its column and elides its text instead of scrolling sideways.
    return {72, line * 3 + 18};
}

void PipelineCardDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const {
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(option.rect).adjusted(3, 3, -3, -3);
    const bool selected = option.state & QStyle::State_Selected;
    QPainterPath path;
    path.addRoundedRect(card, 5, 5);
    p->fillPath(path, selected ? option.palette.highlight().color().lighter(170)
                               : option.palette.base().color());
    p->setPen(QPen(option.palette.mid().color(), 1));
    p->drawPath(path);
    const auto temp = Temperature(index.data(PipelineModel::TemperatureRole).toInt());
    p->fillRect(QRectF(card.left(), card.top() + 4, 4, card.height() - 8), temperatureColor(temp));
    // A temperature set by hand is pinned: a pin head on the strip (the tooltip says so in words;
    // the card has no room for more text).
    if (index.data(PipelineModel::TemperatureOverriddenRole).toBool()) {
        p->setPen(QPen(option.palette.base().color(), 1.5));
        p->setBrush(temperatureColor(temp));
        p->drawEllipse(QPointF(card.left() + 2, card.top() + 8), 4.5, 4.5);
    }

    const int line = option.fontMetrics.height();
    QRectF text = card.adjusted(10, 4, -6, -4);
    QFont bold = option.font;
    bold.setBold(true);
    p->setPen(option.palette.text().color());
    p->setFont(bold);
    const QString company = index.data(PipelineModel::CompanyRole).toString();
    const QString name = index.data(PipelineModel::NameRole).toString();
    const QFontMetrics bm(bold);
    p->drawText(
        QRectF(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
        bm.elidedText(company.isEmpty() ? name : company, Qt::ElideRight, int(text.width())));
    p->setFont(option.font);
    const QVariant value = index.data(PipelineModel::DealValueRole);
    QString second = company.isEmpty() ? QString() : name;
    if (value.isValid())
        second += (second.isEmpty() ? QString() : QStringLiteral(" · ")) +
                  formatMoney(value.toLongLong(), AppSettings().currency());
    p->drawText(QRectF(text.left(), text.top() + line, text.width(), line),
                Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(second, Qt::ElideRight, int(text.width())));

    // Third line: score · temperature (· SAL/SGL), and a readiness badge on the right.
    const int score = index.data(PipelineModel::ScoreRole).toInt();
    QString third =
        QCoreApplication::translate("mikomi::ui::PipelineCardDelegate", "Score %1").arg(score) +
        QStringLiteral(" · ") + temperatureLabel(temp);
    const auto stage = Stage(index.data(PipelineModel::StageRole).toInt());
    const auto kind = SqlKind(index.data(PipelineModel::SqlKindRole).toInt());
    if (stage == Stage::Sql && kind != SqlKind::None)
        third += QStringLiteral(" · ") + sqlKindLabel(kind);
    QRectF thirdRect(text.left(), text.top() + 2 * line, text.width(), line);
    const auto ready = scoring::Readiness(index.data(PipelineModel::ReadinessRole).toInt());
    if (ready != scoring::Readiness::None) {
        // Short: the card is narrow; the tooltip and the "Show" filter say it in full.
        const QString badge =
            ready == scoring::Readiness::Sql
                ? QCoreApplication::translate("mikomi::ui::PipelineCardDelegate", "→ SQL",
                                              "badge on a pipeline card: ready for SQL")
                : QCoreApplication::translate("mikomi::ui::PipelineCardDelegate", "→ MQL",
                                              "badge on a pipeline card: ready for MQL");
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        small.setBold(true);
        const QFontMetrics sm(small);
        const qreal w = sm.horizontalAdvance(badge) + 10;
        const QRectF b(thirdRect.right() - w, thirdRect.center().y() - (sm.height() + 2) / 2.0, w,
                       sm.height() + 2);
        QPainterPath bp;
        bp.addRoundedRect(b, 3, 3);
        p->fillPath(bp, QColor(0x2e, 0x7d, 0x32));
        p->setPen(Qt::white);
        p->setFont(small);
        p->drawText(b, Qt::AlignCenter, badge);
        p->setFont(option.font);
        thirdRect.setRight(b.left() - 4);
    }
    p->setPen(option.palette.placeholderText().color());
    p->drawText(thirdRect, Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(third, Qt::ElideRight, int(thirdRect.width())));
    p->restore();
}

} // namespace mikomi::ui
