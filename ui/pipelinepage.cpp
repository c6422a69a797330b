#include "ui/comingpage.h"
#include "ui/pages.h"

namespace mikomi::ui {

Page *createPipelinePage(QWidget *parent) {
    return new ComingPage(
        QT_TRANSLATE_NOOP("Mikomi", "Pipeline"),
        QT_TRANSLATE_NOOP("Mikomi", "Leads by nurturing stage, moved by drag and drop."), parent);
}

} // namespace mikomi::ui
