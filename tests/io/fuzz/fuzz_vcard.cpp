// libFuzzer target for the vCard reader (how to run: see CMakeLists.txt in this folder).
#include "models/io/vcard.h"

using namespace mikomi::io;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const VCardReadResult r = readVCards(bytes);
    // Whatever was read can be written and read again.
    for (const VCardEntry &e : r.cards) {
        for (const VCardVersion v : {VCardVersion::V21, VCardVersion::V30, VCardVersion::V40}) {
            for (const Encoding charset : {Encoding::Cp932, Encoding::Utf8}) {
                const VCardReadResult again = readVCards(writeVCard(e.lead, v, charset));
                if (again.cards.size() != 1)
                    __builtin_trap();
            }
        }
    }
    return 0;
}
