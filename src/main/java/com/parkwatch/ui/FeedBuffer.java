package com.parkwatch.ui;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;

/**
 * One frame of the live feed: a direct buffer that a BGRA Mat (drawn by the engine) and a JavaFX PixelBuffer
 * (shown by the FX thread) share, so a frame reaches the screen without a copy or an allocation.
 */
final class FeedBuffer {

    final Mat bgra;
    final PixelBuffer<ByteBuffer> pixels;
    final WritableImage image;

    FeedBuffer(int width, int height) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(width * height * 4);
        bgra = new Mat(height, width, CvType.CV_8UC4, buffer);
        pixels = new PixelBuffer<>(width, height, buffer, PixelFormat.getByteBgraPreInstance());
        image = new WritableImage(pixels);
    }

    void release() {
        bgra.release();
    }
}
