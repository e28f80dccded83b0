package com.parkwatch.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

import java.util.Map;

/** A QR code as an image (ZXing): black modules on white with a quiet zone, for a phone to scan off the screen. */
final class QrCode {

    private QrCode() {
    }

    static Image of(String text, int pixels) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            // Only for text beyond a QR code's capacity: a URL of a few dozen characters never is.
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
        WritableImage image = new WritableImage(modules.getWidth(), modules.getHeight());
        PixelWriter pixelsOut = image.getPixelWriter();
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                pixelsOut.setArgb(x, y, modules.get(x, y) ? 0xff000000 : 0xffffffff);
            }
        }
        return image;
    }
}
