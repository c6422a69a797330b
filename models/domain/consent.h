#pragma once

#include <QString>

#include <optional>

// The legal basis on which a lead's personal data is held and used for contact (product.md
// §Privacy; APPI 利用目的 / GDPR Art. 6). Stored in leads.consent_basis and in CSV files by its
// key:
// "" (not recorded), "consent" (the person opted in), "contract" (needed for a contract with
// them), "legitimate_interest" (e.g. a business card handed over at an event), "other" (say which
// in the notes). The date of the opt-in is leads.consent_at; opt_out stays a separate flag.
namespace mikomi {

enum class ConsentBasis { None = 0, Consent, Contract, LegitimateInterest, Other };
inline constexpr int ConsentBasisCount = 5;

QString consentBasisKey(ConsentBasis b);
// Keys as above; also accepts the English and Japanese labels ("同意", "契約", "正当な利益").
std::optional<ConsentBasis> consentBasisFromKey(const QString &key);
QString consentBasisLabel(ConsentBasis b);

} // namespace mikomi
