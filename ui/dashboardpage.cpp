#include "ui/comingpage.h"
#include "ui/pages.h"

namespace mikomi::ui {

Page *createDashboardPage(QWidget *parent) {
    return new ComingPage(
        QT_TRANSLATE_NOOP("Mikomi", "Dashboard"),
        QT_TRANSLATE_NOOP("Mikomi",
                          "Compare sources: conversion, cost per lead, LTV:CAC and charts."),
        parent);
}

} // namespace mikomi::ui
