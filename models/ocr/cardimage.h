#pragma once

#include <QByteArray>
#include <QImage>
#include <QPolygonF>
#include <QString>

namespace mikomi::ocr {

// A photo or scan made ready for OCR: the card found and warped flat, turned straight, its
// lighting evened out, kept greyscale (hard black-and-white thresholding read worse in the
// measurements of issue 16).
struct PreparedCard {
    QImage image;       // Format_Grayscale8: the card alone, straight
    QPolygonF card;     // the card's corners in the input image (empty: the whole image)
    double skew = 0;    // degrees the card was turned after the warp
    double scale = 1.0; // input pixels per prepared pixel before the warp
};

// The steps, each measured in issue 16:
//  1. greyscale, at most 2400 px on the long side;
//  2. the card: the largest bright region (Otsu threshold on a 320 px copy); its four corners
//     (the extreme points along the diagonals) warped to a rectangle, when it is not the whole
//     image already (a scan);
//  3. lighting: leptonica's background normalisation (pixBackgroundNorm) evens out the light
//     falling off towards a corner;
//  4. skew: leptonica's pixFindSkewAndDeskew.
PreparedCard prepareCard(const QImage &input);

// The image file as it is kept with a lead (lead_images): as the camera took it (EXIF rotation
// applied), at most 1600 px on its long side, JPEG quality 85 (about 100-300 KB); empty when the
// file cannot be read.
QByteArray imageForKeeping(const QString &path);

// The corners of the largest bright region of a greyscale image (TL, TR, BR, BL), or an empty
// polygon when none stands out from its surroundings (a scan: the card is the image).
QPolygonF findCard(const QImage &grey);

} // namespace mikomi::ocr
