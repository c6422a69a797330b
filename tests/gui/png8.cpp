// png8 IN.png OUT.png: the picture reduced to at most 256 colours (shotpalette.h), saved as a
// palette PNG at the highest compression. scripts/guide-shots.sh runs it on every screenshot of
// the user guide.
#include "shotpalette.h"

#include <QCoreApplication>
#include <QImage>

#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: png8 IN.png OUT.png\n");
        return 2;
    }
    QImage in;
    if (!in.load(args[1])) {
        std::fprintf(stderr, "png8: cannot read %s as a picture\n", qPrintable(args[1]));
        return 1;
    }
    // Quality 0: zlib's strongest compression (Qt's PNG writer maps quality to it).
    if (!shots::toPalette(in).save(args[2], "PNG", 0)) {
        std::fprintf(stderr, "png8: cannot write %s\n", qPrintable(args[2]));
        return 1;
    }
    return 0;
}
