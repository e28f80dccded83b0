package com.parkwatch.vision.overlay;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.opencv.core.Mat;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The pixels a drawing covers, kept as runs along its rows and written into frames from Java. A masked copy of a
 * frame-sized drawing reads the whole drawing and its mask on every frame (8 MB at 1080p, from memory, as the
 * decoder has pushed them out of the cache); the runs are a fraction of that, and writing them costs no native
 * call per run.
 */
final class PixelRuns {

    private int rows;
    /** For each row, the index of its first run; one more entry for the end of the last row. */
    private int[] rowStarts = new int[0];
    /** Where each run starts in its row, and its length, in bytes. */
    private int[] runOffsets = new int[0];
    private int[] runLengths = new int[0];
    /** The covered pixels' bytes, run after run, and where each row's bytes begin. */
    private byte[] pixels = new byte[0];
    private int[] rowBytesFrom = new int[0];
    private byte[] drawingRow = new byte[0];

    /** Views of the last frames' memory: a kiosk draws into three buffers in turn, a file's frames into one. */
    private final ByteBuffer[] views = new ByteBuffer[4];
    private final long[] viewAddresses = new long[views.length];
    private final long[] viewSizes = new long[views.length];
    private int nextView;

    /** Takes the runs of the pixels that {@code covered} (8-bit, non-zero where drawn) marks in {@code drawing}. */
    void take(Mat drawing, Mat covered) {
        rows = covered.rows();
        int cols = covered.cols();
        int channels = drawing.channels();
        byte[] maskRow = new byte[cols];
        drawingRow = new byte[cols * channels];
        rowStarts = new int[rows + 1];
        rowBytesFrom = new int[rows];
        int runs = 0;
        int bytes = 0;
        for (int y = 0; y < rows; y++) {
            rowStarts[y] = runs;
            rowBytesFrom[y] = bytes;
            covered.get(y, 0, maskRow);
            boolean rowRead = false;
            for (int x = 0; x < cols; ) {
                if (maskRow[x] == 0) {
                    x++;
                    continue;
                }
                int end = x;
                while (end < cols && maskRow[end] != 0) {
                    end++;
                }
                if (!rowRead) {
                    drawing.get(y, 0, drawingRow);
                    rowRead = true;
                }
                if (runs == runOffsets.length) {
                    runOffsets = Arrays.copyOf(runOffsets, Math.max(1024, runs * 2));
                    runLengths = Arrays.copyOf(runLengths, runOffsets.length);
                }
                int length = (end - x) * channels;
                if (bytes + length > pixels.length) {
                    pixels = Arrays.copyOf(pixels, Math.max(bytes + length, pixels.length * 2));
                }
                runOffsets[runs] = x * channels;
                runLengths[runs] = length;
                System.arraycopy(drawingRow, x * channels, pixels, bytes, length);
                bytes += length;
                runs++;
                x = end;
            }
        }
        rowStarts[rows] = runs;
    }

    /** Takes the bytes of the same runs again from rows {@code from} to {@code to} of a drawing that changed colour there. */
    void refresh(Mat drawing, int from, int to) {
        for (int y = from; y < to; y++) {
            if (rowStarts[y] == rowStarts[y + 1]) {
                continue;
            }
            drawing.get(y, 0, drawingRow);
            int at = rowBytesFrom[y];
            for (int r = rowStarts[y]; r < rowStarts[y + 1]; r++) {
                System.arraycopy(drawingRow, runOffsets[r], pixels, at, runLengths[r]);
                at += runLengths[r];
            }
        }
    }

    /** Writes the runs into a frame of the drawing's size and type; its rows may lie further apart than its width. */
    void writeInto(Mat frame) {
        int rowBytes = (int) (frame.step1(0) * frame.elemSize1());
        ByteBuffer bytes = bytesOf(frame, rowBytes);
        int from = 0;
        for (int y = 0; y < rows; y++) {
            int rowStart = y * rowBytes;
            for (int r = rowStarts[y]; r < rowStarts[y + 1]; r++) {
                bytes.put(rowStart + runOffsets[r], pixels, from, runLengths[r]);
                from += runLengths[r];
            }
        }
    }

    /** The frame's pixel memory as a buffer; made only for memory none of the last few frames lay in. */
    private ByteBuffer bytesOf(Mat frame, int rowBytes) {
        long data = frame.dataAddr();
        long size = (long) (frame.rows() - 1) * rowBytes + frame.cols() * frame.elemSize();
        for (int v = 0; v < views.length; v++) {
            if (views[v] != null && viewAddresses[v] == data && viewSizes[v] == size) {
                return views[v];
            }
        }
        Pointer at = new Pointer() {
            {
                address = data;
            }
        };
        int v = nextView;
        nextView = (nextView + 1) % views.length;
        // A plain BytePointer, whose element is a byte: the buffer covers exactly the frame's bytes.
        views[v] = new BytePointer(at).capacity(size).limit(size).asBuffer();
        viewAddresses[v] = data;
        viewSizes[v] = size;
        return views[v];
    }
}
