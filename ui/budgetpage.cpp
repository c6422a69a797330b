#include "ui/comingpage.h"
#include "ui/pages.h"

namespace mikomi::ui {

Page *createBudgetPage(QWidget *parent) {
    return new ComingPage(
        QT_TRANSLATE_NOOP("Mikomi", "Budget"),
        QT_TRANSLATE_NOOP("Mikomi",
                          "Split a budget 70-20-10 over core, growth and experiment sources."),
        parent);
}

} // namespace mikomi::ui
