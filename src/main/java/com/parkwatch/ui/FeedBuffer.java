package com.parkwatch.ui;

import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * One frame of the live feed: a direct buffer that a BGRA Mat (drawn by the engine) and a JavaFX PixelBuffer
 * (shown by the FX thread) share, so a frame reaches the screen without a copy or an allocation. JavaFX sees the
 * bytes as premultiplied ARGB ints, which on a little-endian machine (x86, ARM) are these very bytes: software
 * rendering then copies the frame into its texture as it is, where BGRA bytes cost it a conversion byte by byte
 * (70% of its render thread, measured).
 */
final class FeedBuffer {

    final Mat bgra;
    final PixelBuffer<IntBuffer> pixels;
    final WritableImage image;

    FeedBuffer(int width, int height) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(width * height * 4);
        bgra = new Mat(height, width, CvType.CV_8UC4, buffer);
        pixels = new PixelBuffer<>(width, height, buffer.order(ByteOrder.nativeOrder()).asIntBuffer(),
                PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(pixels);
    }

    void release() {
        bgra.release();
    }
}
