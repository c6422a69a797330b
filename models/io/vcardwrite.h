#pragma once

#include "models/domain/lead.h"
#include "models/io/encoding.h"

#include <QByteArray>
#include <QString>

// What the vCard writers share (writeVCard in vcardwrite.cpp writes 3.0 and 4.0 and hands 2.1
// to vcardwrite21.cpp). Internal to the vCard writer.
namespace mikomi::io::vcard {

// FN is required and never empty: the name, else the company, else a way to reach them.
QString formattedName(const Lead &lead);

// One card in vCard 2.1 as older Japanese phones read it (vcard.h: writeVCard).
QByteArray writeVCard21(const Lead &lead, Encoding charset);

} // namespace mikomi::io::vcard
