#pragma once

#include "models/analytics/facts.h"

#include <QTimeZone>

// Small hand-written datasets for the analytics tests.
struct FactsBuilder {
    mikomi::analytics::Facts facts;

    qint32 source(const QString &name, mikomi::SourceCategory category, mikomi::Tier tier) {
        facts.sources.push_back(mikomi::analytics::SourceInfo::make(name, category, tier));
        return qint32(facts.sources.size()) - 1;
    }

    qint32 lead(qint32 source, QDate created, mikomi::Stage furthest, bool lost = false) {
        mikomi::analytics::LeadFact l;
        l.sourceIndex = source;
        l.createdDay = mikomi::analytics::dayNumber(created);
        l.furthestStage = furthest;
        l.lost = lost;
        facts.leads.push_back(l);
        return qint32(facts.leads.size()) - 1;
    }

    // n leads at one stage.
    void leads(qint32 source, QDate created, mikomi::Stage furthest, int n) {
        for (int i = 0; i < n; ++i)
            lead(source, created, furthest);
    }

    qint32 customer(qint32 source, QDate created, QDate won, std::optional<mikomi::Money> deal,
                    std::optional<mikomi::Money> lifetime = std::nullopt) {
        const qint32 i = lead(source, created, mikomi::Stage::Customer);
        auto &l = facts.leads.back();
        l.wonDay = won.isValid() ? mikomi::analytics::dayNumber(won) : mikomi::analytics::NoDay;
        l.hasDealValue = deal.has_value();
        l.dealValue = deal.value_or(0);
        l.hasLifetimeValue = lifetime.has_value();
        l.lifetimeValue = lifetime.value_or(0);
        return i;
    }

    void touch(qint32 lead, QDate day, qint32 source, QTime time = QTime(10, 0)) {
        facts.touches.push_back(mikomi::analytics::TouchFact::make(
            lead, QDateTime(day, time, QTimeZone(9 * 3600)), source));
    }

    void spend(qint32 source, int year, int month, mikomi::Money amount) {
        facts.spend.push_back({amount, source, mikomi::analytics::monthNumber(year, month)});
    }
};
