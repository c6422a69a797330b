#pragma once

#include "models/domain/enums.h"

#include <QString>

#include <optional>

namespace mikomi::io {

// Stage values: the base list of cli.md (inquiry/lead/subscriber/new/問い合わせ → inquiry; mql;
// sql, sal, sgl → sql with the SAL/SGL kind; opportunity/商談; customer/won/closed won/受注/顧客;
// lost/closed lost/失注 → lost, the stage staying the furthest known, inquiry if none), plus the
// lifecycle stages and lead statuses of HubSpot, Salesforce and Zoho and common Japanese wording
// (見込み客, 商談中, 受注, 失注, 育成中 …): statuses where sales works the lead are SAL,
// disqualified or dead ones are lost, nurturing stays an inquiry (table in stagevalue.cpp). Case-,
// width-, space-, '-' and '_'-insensitive. Unknown values are nullopt (a row error, never a guess).
struct StageValue {
    Stage stage = Stage::Inquiry;
    SqlKind sqlKind = SqlKind::None;
    bool lost = false;
    bool operator==(const StageValue &) const = default;
};
std::optional<StageValue> parseStageValue(const QString &value);

} // namespace mikomi::io
