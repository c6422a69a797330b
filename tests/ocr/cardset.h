#pragma once

#include <QString>

// Draws the benchmark's synthetic card set into DIR: DIR/<id>.json (the known values, and
// "images": the front and, for a two-sided card, the back), DIR/scan/<image>.png and
// DIR/photo/<image>.jpg. False (with the reason on stderr) when a font or a file is missing.
bool makeCardSet(const QString &dir);
