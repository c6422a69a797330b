#include "ui/reportdialog.h"

#include "models/appsettings.h"
#include "models/services/reportinput.h"
#include "ui/reportactions.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mikomi::ui::report {

ReportDialog::ReportDialog(const ReportChoice &choice, QWidget *parent)
    : QDialog(parent)
    , m_today(choice.today.isValid() ? choice.today : QDate::currentDate()) {
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(tr("Export Report"));
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("reportPeriod"));
    for (int p = 0; p < analytics::PeriodCount; ++p)
        m_period->addItem(analytics::periodLabel(analytics::Period(p)), p);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("reportFrom"));
    m_to->setObjectName(QStringLiteral("reportTo"));
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy/MM/dd"));
    }
    m_from->setDate(choice.custom.from.value_or(m_today.addYears(-1)));
    m_to->setDate(choice.custom.to.value_or(m_today));
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(QStringLiteral("–"), this));
    dates->addWidget(m_to);
    dates->addStretch();
    form->addRow(tr("&Period:"), m_period);
    form->addRow(QString(), dates);

    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("reportAttribution"));
    for (int a = 0; a < analytics::AttributionCount; ++a)
        m_model->addItem(analytics::attributionLabel(analytics::Attribution(a)), a);
    m_model->setCurrentIndex(int(choice.attribution));
    form->addRow(tr("&Attribution:"), m_model);

    m_growth = new QLineEdit(QStringLiteral("1.2"), this);
    m_growth->setObjectName(QStringLiteral("reportGrowth"));
    m_growth->setToolTip(tr("The plan page's revenue goal: this factor × the period's revenue "
                            "(1.2 or 120%)."));
    form->addRow(tr("&Growth for the plan:"), m_growth);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("reportLanguage"));
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(QLocale().language() == QLocale::Japanese ? 0 : 1);
    form->addRow(tr("&Language of the report:"), m_language);

    m_pdf = new QRadioButton(tr("Save as a PDF file"), this);
    m_pdf->setObjectName(QStringLiteral("reportAsPdf"));
    m_preview = new QRadioButton(tr("Show a print preview"), this);
    m_preview->setObjectName(QStringLiteral("reportAsPreview"));
    (choice.preview ? m_preview : m_pdf)->setChecked(true);
    auto *output = new QVBoxLayout;
    output->addWidget(m_pdf);
    output->addWidget(m_preview);
    form->addRow(tr("Output:"), output);

    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    form->addRow(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportDialog::periodChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportDialog::validate);
    connect(m_to, &QDateEdit::dateChanged, this, &ReportDialog::validate);
    connect(m_growth, &QLineEdit::textChanged, this, &ReportDialog::validate);
    m_period->setCurrentIndex(int(choice.period));
    periodChanged();
}

analytics::Window ReportDialog::window() const {
    const auto p = analytics::Period(m_period->currentData().toInt());
    return analytics::periodWindow(p, m_today, {m_from->date(), m_to->date()});
}

void ReportDialog::periodChanged() {
    const auto p = analytics::Period(m_period->currentData().toInt());
    const bool custom = p == analytics::Period::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom && p != analytics::Period::All) {
        // The preset's dates (a custom window then starts from them).
        const analytics::Window w = analytics::periodWindow(p, m_today);
        const QSignalBlocker a(m_from);
        const QSignalBlocker b(m_to);
        m_from->setDate(*w.from);
        m_to->setDate(*w.to);
    }
    m_from->setVisible(p != analytics::Period::All);
    m_to->setVisible(p != analytics::Period::All);
    validate();
}

void ReportDialog::validate() {
    QString error;
    if (!services::parseGrowthFactor(m_growth->text()))
        error = tr("Type the growth as a number above zero, e.g. 1.2 for 120%.");
    else if (m_from->isEnabled() && m_from->date() > m_to->date())
        error = tr("The period starts after it ends.");
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

ReportRequest ReportDialog::request() const {
    ReportRequest r;
    r.settings = defaultSettings();
    r.settings.made = m_today;
    r.settings.window = window();
    r.settings.period = analytics::Period(m_period->currentData().toInt());
    r.settings.attribution = analytics::Attribution(m_model->currentData().toInt());
    r.settings.growth = services::parseGrowthFactor(m_growth->text()).value_or(1.2);
    r.language = m_language->currentData().toString();
    r.preview = m_preview->isChecked();
    return r;
}

} // namespace mikomi::ui::report
