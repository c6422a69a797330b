#include "ui/comingpage.h"
#include "ui/pages.h"

namespace mikomi::ui {

Page *createSourcesPage(QWidget *parent) {
    return new ComingPage(
        QT_TRANSLATE_NOOP("Mikomi", "Sources"),
        QT_TRANSLATE_NOOP("Mikomi", "Lead sources with their category, tier and aliases."), parent);
}

} // namespace mikomi::ui
